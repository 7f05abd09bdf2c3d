package org.lianluo.platform.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lianluo.platform.ProblemResponses;
import org.lianluo.platform.RequestFaults;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What the servlet container sends to {@code /error} (unknown paths, errors outside controllers): a
 * problem for {@code /api/**}, a friendly Chinese page otherwise.
 */
@Controller
class ErrorScreens implements ErrorController {

	private final ProblemResponses problems;

	private final MessageSource messages;

	private final LocaleResolver locales;

	ErrorScreens(ProblemResponses problems, MessageSource messages, LocaleResolver locales) {
		this.problems = problems;
		this.messages = messages;
		this.locales = locales;
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) throws java.io.IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Asked for directly, with no error behind it, the error page is a page that is not there.
		HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 404);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		// An exception thrown before any controller ran (a multipart body without its boundary) lands here as
		// a 500; when it is the request's fault, say so.
		String detailKey = "problem.status." + status.value();
		if (status == HttpStatus.INTERNAL_SERVER_ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex) {
			RequestFaults.Fault fault = RequestFaults.of(ex).orElse(null);
			if (fault != null) {
				status = fault.status();
				detailKey = fault.messageKey();
			}
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
			problems.write(request, response, status, detailKey);
			return null;
		}
		Locale locale = locales.resolveLocale(request);
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		if (!detailKey.equals("problem.status." + status.value())) {
			model.addAttribute("detail", messages.getMessage(detailKey, null, detailKey, locale));
		}
		model.addAttribute("title", messages.getMessage("problem.status." + status.value(), null,
				messages.getMessage("problem.status.500", null, locale), locale));
		// the layout's fragment parameter is called title too and hides the attribute inside the page
		model.addAttribute("errorTitle", model.getAttribute("title"));
		return "error";
	}
}
