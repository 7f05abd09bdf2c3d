package org.lianluo.deputy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianluo.deputy.Deputy.SeatStatus;
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
 * The deputy registry as a spreadsheet with Chinese headers: the import (all or nothing unless partial;
 * a row matching a registered deputy by name, birth year and region is reported, not registered
 * twice), the template to fill in, and the export of a filtered list with masked phones.
 */
@Service
public class DeputySheets {

	private static final List<Column> COLUMNS = List.of(Column.required("name", "deputy.name"),
			Column.required("gender", "deputy.gender"), Column.optional("ethnicity", "deputy.ethnicity"),
			Column.optional("birthYear", "deputy.birth-year"), Column.optional("politicalAffiliation", "deputy.political"),
			Column.optional("occupation", "deputy.occupation"), Column.optional("workplace", "deputy.workplace"),
			Column.optional("title", "deputy.title-field"), Column.required("levels", "deputy.levels"),
			Column.optional("regionCode", "deputy.region-code"), Column.optional("region", "deputy.region"),
			Column.optional("delegation", "deputy.delegation"), Column.optional("constituency", "deputy.constituency"),
			Column.optional("committeePosition", "deputy.committee-position"), Column.optional("phone", "deputy.phone"));

	private static final List<String> NOTES = List.of("deputy.notes.gender", "deputy.notes.ethnicity",
			"deputy.notes.levels", "deputy.notes.region", "deputy.notes.political", "deputy.notes.occupation",
			"deputy.notes.committee", "deputy.notes.phone");

	private final Deputies deputies;

	private final DeputyRules rules;

	private final RegionNames regionNames;

	private final SheetLayout layout;

	DeputySheets(Deputies deputies, DeputyRules rules, Labels labels, RegionNames regionNames) {
		this.deputies = deputies;
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
		Set<String> registered = deputies.identities(lines.stream().map(l -> value(l, "name")).filter(n -> n != null).toList());
		return ImportReport.run(lines, line -> check(line, codesByName, registered, seen), partial, deputies::insertAll);
	}

	public byte[] template() {
		return layout.template(NOTES);
	}

	public byte[] export(DeputyFilter filter) {
		List<List<Object>> rows = new ArrayList<>();
		for (Deputy d : deputies.all(filter, Sheets.MAX_ROWS)) {
			String constituency = d.seats().stream().filter(s -> s.status() == SeatStatus.ACTIVE)
				.map(Deputy.Seat::constituency).filter(c -> c != null).findFirst().orElse(null);
			rows.add(Arrays.asList(d.name(), label("gender", d.gender()), label("ethnicity", d.ethnicity()), d.birthYear(),
					label("political", d.politicalAffiliation()), label("occupation", d.occupation()), d.workplace(),
					d.title(), d.levels().stream().map(l -> label("level", l)).collect(Collectors.joining("，")),
					d.regionCode(), regionNames.of(d.regionCode()), d.delegation(), constituency,
					label("committee-position", d.committeePosition()), d.phone()));
		}
		return layout.export("deputy.export.sheet", rows);
	}

	private ImportReport.Checked<DeputyRules.Valid> check(Sheets.Line line, Map<String, String> codesByName,
			Set<String> registered, Set<String> seen) {
		List<String> errors = new ArrayList<>();
		Integer birthYear = null;
		String year = value(line, "birthYear");
		if (year != null) {
			try {
				birthYear = Integer.valueOf(year.replace(".0", ""));
			}
			catch (NumberFormatException ex) {
				errors.add(cell("birthYear", "deputy.import.birth-year"));
			}
		}
		String region = value(line, "regionCode");
		if (region == null && value(line, "region") != null) {
			region = codesByName.get(value(line, "region"));
			if (region == null) {
				errors.add(cell("region", "deputy.import.region-unknown"));
			}
		}
		String levels = value(line, "levels");
		DeputyForm form = new DeputyForm(value(line, "name"), value(line, "gender"), value(line, "ethnicity"), birthYear,
				value(line, "politicalAffiliation"), value(line, "occupation"), value(line, "workplace"), value(line, "title"),
				levels == null ? List.of() : Arrays.stream(levels.split("[、,，;；/\\s]+")).filter(s -> !s.isBlank()).toList(),
				region, value(line, "phone"), null, value(line, "committeePosition"), value(line, "delegation"),
				value(line, "constituency"));
		List<FieldProblem> problems = new ArrayList<>();
		DeputyRules.Valid valid = rules.check(form, true, problems);
		problems.forEach(p -> errors.add(cell(p.field(), p.messageKey(), p.args())));
		if (errors.isEmpty()) {
			String identity = Deputies.identity(valid.name(), valid.birthYear(), valid.regionCode());
			if (registered.contains(identity)) {
				errors.add(layout.text("deputy.import.duplicate"));
			}
			else if (!seen.add(identity)) {
				errors.add(layout.text("deputy.import.duplicate-in-file"));
			}
		}
		return new ImportReport.Checked<>(valid, errors);
	}

	private String value(Sheets.Line line, String field) {
		return layout.value(line, field);
	}

	private String cell(String field, String key, Object... args) {
		return layout.problem(field, key, args);
	}

	private String label(String prefix, Enum<?> value) {
		return layout.label(prefix, value);
	}
}
