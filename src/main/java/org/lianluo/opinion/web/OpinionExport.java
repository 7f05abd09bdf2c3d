package org.lianluo.opinion.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.lianluo.opinion.OpinionQueries;
import org.lianluo.platform.Labels;
import org.lianluo.platform.Sheets;
import org.lianluo.region.Regions;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.stereotype.Component;

/**
 * The opinion list as an .xlsx, with the list's filters and the caller's scope (API.md): what an office hands its
 * leaders. It holds no personal data: neither the submitter's name nor phone (the list never shows them either), and
 * tracking codes only for those who see them on the list.
 */
@Component
class OpinionExport {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.ZONE);

	private final OpinionQueries queries;

	private final Labels labels;

	private final Regions regions;

	private final Units units;

	OpinionExport(OpinionQueries queries, Labels labels, Regions regions, Units units) {
		this.queries = queries;
		this.labels = labels;
		this.regions = regions;
		this.units = units;
	}

	byte[] xlsx(OpinionQueries.Filter filter) {
		List<OpinionQueries.Row> found = queries.export(filter, Sheets.MAX_ROWS);
		Map<UUID, String> unitNames = new HashMap<>();
		Map<String, String> regionNames = new HashMap<>();
		List<List<Object>> rows = new ArrayList<>();
		for (OpinionQueries.Row r : found) {
			String unit = r.leadUnitId() == null ? null : unitNames.computeIfAbsent(r.leadUnitId(),
					id -> units.find(id).map(HandlingUnit::name).orElse(""));
			rows.add(Arrays.asList(r.trackingCode(), time(r.receivedAt()), labels.label("opinion.status", r.status(), ZH),
					labels.label("opinion.kind", r.kind(), ZH), labels.label("opinion.category", r.category(), ZH),
					labels.label("opinion.channel", r.channel(), ZH),
					regionNames.computeIfAbsent(r.regionCode(), regions::fullName), r.excerpt(), unit, time(r.deadline()),
					r.light() == null ? null : labels.label("opinion.light", r.light(), ZH),
					r.supervisionLevel() == 0 ? null : r.supervisionLevel()));
		}
		List<String> headers = List.of("opinion.tracking-code", "opinion.received-at", "opinion.status", "opinion.kind",
				"opinion.category", "opinion.channel", "opinion.region", "opinion.content", "opinion.lead-unit",
				"opinion.deadline", "opinion.light", "opinion.export.supervision-level")
			.stream().map(k -> labels.text(k, ZH)).toList();
		List<String> notes = new ArrayList<>(List.of(labels.text("opinion.export.notes", ZH),
				labels.text("opinion.export.note.scope", ZH),
				labels.text("opinion.export.note.personal", ZH)));
		if (found.size() == Sheets.MAX_ROWS) {
			notes.add(labels.text("opinion.export.note.capped", ZH, Sheets.MAX_ROWS));
		}
		return Sheets.write(labels.text("opinion.export.sheet", ZH), headers, rows, notes);
	}

	private static String time(Instant at) {
		return at == null ? null : MINUTE.format(at);
	}
}
