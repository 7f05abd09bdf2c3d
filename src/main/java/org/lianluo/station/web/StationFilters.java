package org.lianluo.station.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

	/** The filters as a query string, for paging and export links. */
	static String query(Params p) {
		StringBuilder q = new StringBuilder();
		append(q, "region", p.region());
		append(q, "kind", p.kind());
		append(q, "special", p.special() == null ? null : p.special().toString());
		append(q, "partner", p.partner());
		append(q, "status", p.status());
		append(q, "q", p.q());
		return q.toString();
	}

	private static void append(StringBuilder q, String name, String value) {
		if (value != null && !value.isBlank()) {
			q.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
		}
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
