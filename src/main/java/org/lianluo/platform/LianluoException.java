package org.lianluo.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user can understand: a status, a message key of the i18n bundles with its arguments,
 * and for invalid input the fields at fault. Everything a module refuses is one of these.
 */
public class LianluoException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] args;

	private final List<FieldProblem> fieldProblems;

	protected LianluoException(HttpStatus status, String messageKey, List<FieldProblem> fieldProblems, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public static LianluoException notFound() {
		return new LianluoException(HttpStatus.NOT_FOUND, "problem.not-found", List.of());
	}

	public static LianluoException forbidden() {
		return new LianluoException(HttpStatus.FORBIDDEN, "problem.forbidden", List.of());
	}

	/** A transition the record's current state does not allow. */
	public static LianluoException conflict(String messageKey, Object... args) {
		return new LianluoException(HttpStatus.CONFLICT, messageKey, List.of(), args);
	}

	public static LianluoException invalid(String messageKey, Object... args) {
		return new LianluoException(HttpStatus.BAD_REQUEST, messageKey, List.of(), args);
	}

	public static LianluoException invalidField(String field, String messageKey, Object... args) {
		return new LianluoException(HttpStatus.BAD_REQUEST, "problem.invalid-fields",
				List.of(new FieldProblem(field, messageKey, args)));
	}

	public static LianluoException invalidFields(List<FieldProblem> problems) {
		return new LianluoException(HttpStatus.BAD_REQUEST, "problem.invalid-fields", problems);
	}

	public static LianluoException of(HttpStatus status, String messageKey, Object... args) {
		return new LianluoException(status, messageKey, List.of(), args);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

	/** One invalid field: its name in the request and the message key that explains it. */
	public record FieldProblem(String field, String messageKey, Object... args) {
	}
}
