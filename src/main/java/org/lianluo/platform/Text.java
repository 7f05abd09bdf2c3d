package org.lianluo.platform;

/**
 * The small checks every form's text goes through: blank is absent, surrounding space is dropped, and a field
 * longer than its column says so by name, in the caller's language ({@code problem.text.*}).
 */
public final class Text {

	private Text() {
	}

	/** {@code null} for null or blank text, the stripped text otherwise. */
	public static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** The stripped text, or a refusal naming {@code field} when it is blank or longer than {@code max}. */
	public static String required(String field, String value, int max) {
		String v = optional(field, value, max);
		if (v == null) {
			throw LianluoException.invalidField(field, "problem.text.required");
		}
		return v;
	}

	/** The stripped text or {@code null}; a refusal naming {@code field} when longer than {@code max}. */
	public static String optional(String field, String value, int max) {
		String v = blankToNull(value);
		if (v != null && v.length() > max) {
			throw LianluoException.invalidField(field, "problem.text.too-long", max);
		}
		return v;
	}
}
