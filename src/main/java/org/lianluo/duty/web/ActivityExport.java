package org.lianluo.duty.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.lianluo.duty.Activities;
import org.lianluo.duty.Activity;
import org.lianluo.duty.ActivityFilter;
import org.lianluo.platform.Labels;
import org.lianluo.platform.Page;
import org.lianluo.platform.Sheets;
import org.lianluo.region.Regions;
import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The activity list as an .xlsx, with the list's filters and the caller's scope (API.md). Deputies and station
 * members are named as on the station's public page; an activity holds no citizen's personal data.
 */
@Component
class ActivityExport {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final int BATCH = 200;

	private final Activities activities;

	private final Labels labels;

	private final Regions regions;

	ActivityExport(Activities activities, Labels labels, Regions regions) {
		this.activities = activities;
		this.labels = labels;
		this.regions = regions;
	}

	byte[] xlsx(ActivityFilter filter) {
		Map<String, String> regionNames = regions.fullNames();
		List<List<Object>> rows = new ArrayList<>();
		boolean more = true;
		for (int page = 0; more && rows.size() < Sheets.MAX_ROWS; page++) {
			Page<Activity> batch = activities.list(filter, page, BATCH);
			for (Activity a : batch.items()) {
				rows.add(Arrays.asList(time(a.startAt()), time(a.endAt()), labels.label("duty.type", a.type(), ZH),
						a.title(), a.theme(), regionNames.getOrDefault(a.regionCode(), a.regionCode()),
						a.stations().stream().map(Activity.Place::name).collect(Collectors.joining("、")),
						a.organiser(),
						a.deputies().stream().map(Activity.Participant::name).collect(Collectors.joining("、")),
						a.members().stream().map(Activity.Member::name).collect(Collectors.joining("、")),
						a.votersReceived(), a.opinions().size(), a.disputesResolved(), a.outcome()));
			}
			more = (long) (page + 1) * BATCH < batch.total();
		}
		List<String> headers = List.of("duty.start", "duty.end", "duty.type", "duty.title", "duty.theme", "duty.region",
				"duty.station", "duty.organiser", "duty.deputies", "duty.members", "duty.voters", "duty.export.opinions",
				"duty.disputes", "duty.outcome").stream().map(k -> labels.text(k, ZH)).toList();
		List<String> notes = new ArrayList<>(List.of(labels.text("duty.export.notes", ZH),
				labels.text("duty.export.note.scope", ZH)));
		if (rows.size() >= Sheets.MAX_ROWS) {
			notes.add(labels.text("duty.export.note.capped", ZH, Sheets.MAX_ROWS));
		}
		return Sheets.write(labels.text("duty.export.sheet", ZH), headers, rows.subList(0, Math.min(rows.size(), Sheets.MAX_ROWS)), notes);
	}

	private static String time(OffsetDateTime at) {
		return at == null ? null : MINUTE.format(at.atZoneSameInstant(WorkingCalendar.ZONE));
	}
}
