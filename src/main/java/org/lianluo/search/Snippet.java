package org.lianluo.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A piece of a record's text around the first match, cut into parts that are matches or not. Screens render
 * the parts with {@code th:text} (so nothing in them can become markup); {@link #html()} is the same, escaped,
 * with {@code <mark>} around the matches, for API clients.
 */
public record Snippet(List<Part> parts) {

	public static Snippet of(String text, List<String> terms, int around) {
		String body = text == null ? "" : text;
		List<String> words = terms.stream().filter(t -> !t.isEmpty()).sorted(Comparator.comparingInt(String::length).reversed()).toList();
		String lower = body.toLowerCase(java.util.Locale.ROOT);
		int first = -1;
		for (String w : words) {
			int i = lower.indexOf(w);
			if (i >= 0 && (first < 0 || i < first)) {
				first = i;
			}
		}
		int from = first < 0 ? 0 : Math.max(0, first - around / 3);
		int to = Math.min(body.length(), from + around * 2);
		String window = body.substring(from, to);
		String windowLower = lower.substring(from, to);
		boolean[] marked = new boolean[window.length()];
		for (String w : words) {
			for (int i = windowLower.indexOf(w); i >= 0; i = windowLower.indexOf(w, i + w.length())) {
				for (int k = i; k < i + w.length(); k++) {
					marked[k] = true;
				}
			}
		}
		List<Part> parts = new ArrayList<>();
		if (from > 0) {
			parts.add(new Part("…", false));
		}
		int start = 0;
		for (int i = 1; i <= window.length(); i++) {
			if (i == window.length() || marked[i] != marked[start]) {
				parts.add(new Part(window.substring(start, i), marked[start]));
				start = i;
			}
		}
		if (to < body.length()) {
			parts.add(new Part("…", false));
		}
		return new Snippet(parts);
	}

	@com.fasterxml.jackson.annotation.JsonProperty("html")
	public String html() {
		StringBuilder out = new StringBuilder();
		for (Part p : parts) {
			String escaped = HtmlUtils.htmlEscape(p.text(), "UTF-8");
			out.append(p.match() ? "<mark>" + escaped + "</mark>" : escaped);
		}
		return out.toString();
	}

	/** A run of text, a match or not. */
	public record Part(String text, boolean match) {
	}
}
