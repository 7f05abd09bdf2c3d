package org.lianluo.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail where no controller runs (security filters): same shape, same Chinese. */
@Component
public class ProblemResponses {

	private final MessageSource messages;

	private final JsonMapper json;

	private final LocaleResolver localeResolver;

	ProblemResponses(MessageSource messages, JsonMapper json, LocaleResolver localeResolver) {
		this.messages = messages;
		this.json = json;
		this.localeResolver = localeResolver;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey,
			Object... args) throws IOException {
		Locale locale = localeResolver.resolveLocale(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", messages.getMessage("problem.status." + status.value(), null, locale));
		body.put("status", status.value());
		body.put("detail", messages.getMessage(detailKey, args, detailKey, locale));
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(body));
	}
}
