package org.lianluo.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.lianluo.platform.RequestFaults;
import org.lianluo.platform.Ids;
import org.springframework.http.HttpStatus;
import org.lianluo.platform.LianluoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Refusals on screens: a friendly Chinese page with the right status, never a stack trace. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class ScreenExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ScreenExceptionHandler.class);

	private final MessageSource messages;

	ScreenExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(LianluoException.class)
	String refused(LianluoException ex, HttpServletResponse response, Model model) {
		return page(response, model, ex.status().value(), text(ex.messageKey(), ex.args()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	String denied(HttpServletResponse response, Model model) {
		return page(response, model, 403, text("problem.forbidden"));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	String badRequest(HttpServletResponse response, Model model) {
		return page(response, model, 400, text("problem.status.400"));
	}

	/** A form or filter that does not bind (a letter where a number goes): the request's fault, not ours. */
	@ExceptionHandler({ BindException.class, TypeMismatchException.class })
	String unbound(HttpServletResponse response, Model model) {
		return page(response, model, 400, text("problem.status.400"));
	}

	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, HttpServletResponse response, Model model) {
		// Spring's own refusals of a request (wrong method, content type, missing part), unreadable uploads,
		// data the database refuses, the database down: each with its status, none a 500.
		RequestFaults.Fault fault = RequestFaults.of(ex).orElse(null);
		if (fault != null) {
			log.warn("Refused with {}: {}", fault.status().value(), ex.getClass().getSimpleName());
			if (fault.status() == HttpStatus.SERVICE_UNAVAILABLE) {
				response.setHeader("Retry-After", "5");
			}
			return page(response, model, fault.status().value(), text(fault.messageKey()));
		}
		String id = Ids.newId().toString();
		log.error("Unexpected error {}", id, ex);
		return page(response, model, 500, text("problem.unexpected", id));
	}

	private String page(HttpServletResponse response, Model model, int status, String detail) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("title", text("problem.status." + status));
		// the layout's fragment parameter is called title too and hides the attribute inside the page
		model.addAttribute("errorTitle", text("problem.status." + status));
		model.addAttribute("detail", detail);
		return "error";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
