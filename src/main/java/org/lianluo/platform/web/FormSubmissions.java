package org.lianluo.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Every screen form that posts carries a one-time token, so that a double click or a form sent again does its work
 * once (issue 22). Thymeleaf asks the {@link RequestDataValueProcessor} for hidden fields of each {@code th:action}
 * form that is not a GET, so the token is added where no template can forget it. The first POST with a token claims
 * it in {@code form_submission}; when it ends in a redirect (the screens' post-redirect-get), the redirect is kept,
 * and a second POST with the same token waits for the first and is sent to the same place. When the first does not
 * redirect (a form shown again with its errors, or a page rendered in answer), the claim is let go, so the corrected
 * form can be sent; intakes that answer with a page use the token as their idempotency key instead.
 * htmx's requests (hints while typing) carry the enclosing form's fields but are not submissions: they pass.
 */
public final class FormSubmissions implements HandlerInterceptor {

	/** The hidden field's name. */
	public static final String FIELD = "_submission";

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

	private static final String CLAIMED = FormSubmissions.class.getName() + ".claimed";

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final JdbcClient jdbc;

	FormSubmissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The token a screen form was rendered with, when the request is such a form's submission; else empty. */
	public static Optional<String> token(HttpServletRequest request) {
		String token = request.getParameter(FIELD);
		return "POST".equals(request.getMethod()) && request.getHeader("HX-Request") == null && token != null
				&& TOKEN.matcher(token).matches() ? Optional.of(token) : Optional.empty();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		Optional<String> token = token(request);
		if (token.isEmpty()) {
			return true;
		}
		long until = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < until) {
			if (jdbc.sql("insert into form_submission (token) values (?) on conflict do nothing").param(token.get())
				.update() == 1) {
				request.setAttribute(CLAIMED, token.get());
				return true;
			}
			Optional<String> location = jdbc.sql("select location from form_submission where token = ?")
				.param(token.get())
				.query(String.class)
				.optional();
			if (location.isPresent()) {
				response.sendRedirect(location.get());
				return false;
			}
			pause();
		}
		response.sendError(HttpStatus.CONFLICT.value());
		return false;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Object token = request.getAttribute(CLAIMED);
		if (token == null) {
			return;
		}
		String location = response.getHeader("Location");
		if (ex == null && response.getStatus() / 100 == 3 && location != null && location.length() <= 2000) {
			jdbc.sql("update form_submission set location = ? where token = ?").params(location, token).update();
		}
		else {
			jdbc.sql("delete from form_submission where token = ?").param(token).update();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Adds the token to the hidden fields Spring Security's processor gives each posting form. */
	static final class Tokens implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return bean instanceof RequestDataValueProcessor processor ? new WithToken(processor) : bean;
		}
	}

	private record WithToken(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

		@Override
		public String processAction(HttpServletRequest request, String action, String httpMethod) {
			return delegate.processAction(request, action, httpMethod);
		}

		@Override
		public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
			return delegate.processFormFieldValue(request, name, value, type);
		}

		@Override
		public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
			Map<String, String> fields = new HashMap<>();
			Map<String, String> others = delegate.getExtraHiddenFields(request);
			if (others != null) {
				fields.putAll(others);
			}
			fields.put(FIELD, UUID.randomUUID().toString());
			return fields;
		}

		@Override
		public String processUrl(HttpServletRequest request, String url) {
			return delegate.processUrl(request, url);
		}
	}
}
