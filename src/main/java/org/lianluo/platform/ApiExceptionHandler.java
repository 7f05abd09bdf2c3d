package org.lianluo.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal on the API as an RFC 9457 problem with a Chinese title and detail; field errors as
 * {@code errors: [{field, message}]}. Anything unexpected is logged with an id and answered 500 without
 * its stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(LianluoException.class)
	ResponseEntity<ProblemDetail> refused(LianluoException ex) {
		ProblemDetail problem = problem(ex.status(), text(ex.messageKey(), ex.args()));
		if (!ex.fieldProblems().isEmpty()) {
			problem.setProperty("errors", ex.fieldProblems()
				.stream()
				.map(f -> Map.of("field", f.field(), "message", text(f.messageKey(), f.args())))
				.toList());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
		if (ex instanceof SubmissionGuard.TooMany tooMany) {
			answer.header("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
		}
		return answer.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problem(HttpStatus.FORBIDDEN, text("problem.forbidden")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.invalid-fields"));
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", text("problem.field.format"))));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		RequestFaults.Fault fault = RequestFaults.of(ex).orElse(null);
		if (fault != null) {
			log.warn("Refused with {}: {}", fault.status().value(), ex.getClass().getSimpleName());
			ResponseEntity.BodyBuilder answer = ResponseEntity.status(fault.status());
			if (fault.status() == HttpStatus.SERVICE_UNAVAILABLE) {
				answer.header(HttpHeaders.RETRY_AFTER, "5");
			}
			return answer.body(problem(fault.status(), text(fault.messageKey())));
		}
		String id = Ids.newId().toString();
		log.error("Unexpected error {}", id, ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.unexpected", id));
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.invalid-fields"));
		problem.setProperty("errors", ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale())))
			.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.body.unreadable"));
		if (ex.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
			String field = bad.getPath().stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
				.collect(java.util.stream.Collectors.joining("."));
			problem.setDetail(text("problem.invalid-fields"));
			problem.setProperty("errors", List.of(Map.of("field", field, "message", text("problem.field.format"))));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = problem(statusCode, text("problem.status." + statusCode.value()));
		return ResponseEntity.status(statusCode).headers(headers).body(problem);
	}

	private ProblemDetail problem(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(text("problem.status." + status.value()));
		return problem;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
