package org.lianluo.station;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianluo.deputy.DeputySummary;
import org.lianluo.platform.ImportReport;
import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.SheetLayout;
import org.lianluo.platform.SheetLayout.Column;
import org.lianluo.platform.Sheets;
import org.lianluo.region.RegionNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stations as a spreadsheet with Chinese headers: import (all or nothing unless partial; a station of the
 * same name in the same region is reported, not registered twice), template, and export of a filtered
 * list. Rosters are kept on the screens; the export lists them by name.
 */
@Service
public class StationSheets {

	private static final List<Column> COLUMNS = List.of(Column.required("name", "station.name"),
			Column.required("kind", "station.kind"), Column.optional("partners", "station.partners"),
			Column.optional("functions", "station.functions"), Column.optional("regionCode", "station.region-code"),
			Column.optional("region", "station.region"), Column.optional("coRegionCodes", "station.co-region-codes"),
			Column.required("address", "station.address"), Column.optional("phone", "station.phone"),
			Column.optional("openingHours", "station.opening-hours"),
			Column.optional("receptionSchedule", "station.reception-schedule"),
			Column.optional("latitude", "station.latitude"), Column.optional("longitude", "station.longitude"),
			Column.optional("status", "station.status"), Column.optional("deputies", "station.roster"));

	private static final List<String> NOTES = List.of("station.notes.kind", "station.notes.partners",
			"station.notes.functions", "station.notes.region", "station.notes.status", "station.notes.roster");

	private final Stations stations;

	private final StationRules rules;

	private final RegionNames regionNames;

	private final SheetLayout layout;

	StationSheets(Stations stations, StationRules rules, Labels labels, RegionNames regionNames) {
		this.stations = stations;
		this.rules = rules;
		this.regionNames = regionNames;
		this.layout = new SheetLayout(labels, COLUMNS);
	}

	@Transactional
	public ImportReport importFile(byte[] content, boolean partial) {
		List<Sheets.Line> lines = Sheets.read(content);
		layout.requireColumns(lines, List.of(List.of("regionCode", "region")));
		Map<String, String> codesByName = regionNames.all().entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a));
		Set<String> seen = new HashSet<>();
		Set<String> registered = stations.identities(lines.stream().map(l -> layout.value(l, "name")).filter(n -> n != null).toList());
		return ImportReport.run(lines, line -> check(line, codesByName, registered, seen), partial, stations::insertAll);
	}

	public byte[] template() {
		return layout.template(NOTES);
	}

	public byte[] export(StationFilter filter) {
		List<List<Object>> rows = new ArrayList<>();
		for (Station s : stations.all(filter, Sheets.MAX_ROWS)) {
			rows.add(Arrays.asList(s.name(), layout.label("station-kind", s.kind()), labels("partner", s.partners()),
					labels("station-function", s.functions()), s.regionCode(), regionNames.of(s.regionCode()),
					String.join("，", s.coRegionCodes()), s.address(), s.phone(), s.openingHours(), s.receptionSchedule(),
					s.latitude(), s.longitude(), layout.label("station-status", s.status()),
					s.deputies().stream().map(DeputySummary::name).collect(Collectors.joining("，"))));
		}
		return layout.export("station.export.sheet", rows);
	}

	private ImportReport.Checked<StationRules.Valid> check(Sheets.Line line, Map<String, String> codesByName,
			Set<String> registered, Set<String> seen) {
		List<String> errors = new ArrayList<>();
		String region = layout.value(line, "regionCode");
		if (region == null && layout.value(line, "region") != null) {
			region = codesByName.get(layout.value(line, "region"));
			if (region == null) {
				errors.add(layout.problem("region", "station.import.region-unknown"));
			}
		}
		BigDecimal latitude = decimal(line, "latitude", errors);
		BigDecimal longitude = decimal(line, "longitude", errors);
		StationForm form = new StationForm(layout.value(line, "name"), layout.value(line, "kind"), list(line, "partners"),
				region, list(line, "coRegionCodes"), layout.value(line, "address"), layout.value(line, "receptionSchedule"),
				layout.value(line, "openingHours"), layout.value(line, "phone"), latitude, longitude, list(line, "functions"),
				layout.value(line, "status"), List.of());
		List<FieldProblem> problems = new ArrayList<>();
		StationRules.Valid valid = rules.check(form, problems);
		problems.forEach(p -> errors.add(layout.problem(p.field(), p.messageKey(), p.args())));
		if (errors.isEmpty()) {
			if (registered.contains(valid.name() + "|" + valid.regionCode())) {
				errors.add(layout.text("station.import.duplicate"));
			}
			else if (!seen.add(valid.name() + "|" + valid.regionCode())) {
				errors.add(layout.text("station.import.duplicate-in-file"));
			}
		}
		return new ImportReport.Checked<>(valid, errors);
	}

	private List<String> list(Sheets.Line line, String field) {
		String v = layout.value(line, field);
		return v == null ? List.of() : Arrays.stream(v.split("[、,，;；/\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	private BigDecimal decimal(Sheets.Line line, String field, List<String> errors) {
		String v = layout.value(line, field);
		try {
			return v == null ? null : new BigDecimal(v);
		}
		catch (NumberFormatException ex) {
			errors.add(layout.problem(field, "station.point.invalid"));
			return null;
		}
	}

	private String labels(String prefix, Set<? extends Enum<?>> values) {
		return values.stream().map(v -> layout.label(prefix, v)).collect(Collectors.joining("，"));
	}
}
