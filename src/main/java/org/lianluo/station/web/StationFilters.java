package org.lianluo.station.web;

import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException;
import org.lianluo.station.Station;
import org.lianluo.station.StationFilter;
import org.springframework.stereotype.Component;

/** Turns the query parameters of the list, the export and the screen into a {@link StationFilter}. */
@Component
class StationFilters {

	private final Labels labels;

	StationFilters(Labels labels) {
		this.labels = labels;
	}

	StationFilter of(Params p) {
		return new StationFilter(blank(p.region()), parse(Station.Kind.class, "station-kind", p.kind(), "kind"),
				p.special(), parse(Station.Partner.class, "partner", p.partner(), "partner"),
				parse(Station.Status.class, "station-status", p.status(), "status"), blank(p.q()));
	}

	private <E extends Enum<E>> E parse(Class<E> type, String prefix, String text, String field) {
		E value = labels.parse(type, prefix, text);
		if (value == null && blank(text) != null) {
			throw LianluoException.invalidField(field, "problem.field.format");
		}
		return value;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** The list's query parameters as they arrive. */
	record Params(String region, String kind, Boolean special, String partner, String status, String q, Integer page,
			Integer size) {

		int pageOrZero() {
			return page == null ? 0 : page;
		}

		int sizeOr(int fallback) {
			return size == null ? fallback : size;
		}
	}
}
