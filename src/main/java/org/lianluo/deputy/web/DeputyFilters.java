package org.lianluo.deputy.web;

import org.lianluo.deputy.Deputy;
import org.lianluo.deputy.DeputyFilter;
import org.lianluo.deputy.Level;
import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException;
import org.springframework.stereotype.Component;

/** Turns the query parameters of the list, the export and the screen into a {@link DeputyFilter}. */
@Component
class DeputyFilters {

	private final Labels labels;

	DeputyFilters(Labels labels) {
		this.labels = labels;
	}

	DeputyFilter of(Params p) {
		return new DeputyFilter(blank(p.region()), parse(Level.class, "level", p.level()), blank(p.delegation()),
				parse(Deputy.Ethnicity.class, "ethnicity", p.ethnicity()), p.committeeMember(),
				parse(Deputy.SeatStatus.class, "seat-status", p.status()), blank(p.q()));
	}

	private <E extends Enum<E>> E parse(Class<E> type, String prefix, String text) {
		E value = labels.parse(type, prefix, text);
		if (value == null && blank(text) != null) {
			throw LianluoException.invalidField(prefix.equals("seat-status") ? "status" : prefix, "problem.field.format");
		}
		return value;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** The list's query parameters as they arrive. */
	record Params(String region, String level, String delegation, String ethnicity, Boolean committeeMember,
			String status, String q, Integer page, Integer size) {

		int pageOrZero() {
			return page == null ? 0 : page;
		}

		int sizeOr(int fallback) {
			return size == null ? fallback : size;
		}
	}
}
