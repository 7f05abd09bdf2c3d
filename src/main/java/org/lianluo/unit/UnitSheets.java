package org.lianluo.unit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.platform.ImportReport;
import org.lianluo.platform.Labels;
import org.lianluo.platform.SheetLayout;
import org.lianluo.platform.SheetLayout.Column;
import org.lianluo.platform.Sheets;
import org.lianluo.region.RegionNames;
import org.lianluo.unit.Units.UnitForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handling units as a spreadsheet with Chinese headers: import (all or nothing unless partial; a unit of
 * the same name in the same region is reported, not registered twice), template, and export.
 */
@Service
public class UnitSheets {

	private static final List<Column> COLUMNS = List.of(Column.required("name", "unit.name"),
			Column.optional("kind", "unit.kind"), Column.optional("regionCode", "unit.region-code"),
			Column.optional("region", "unit.region"), Column.optional("parent", "unit.parent"),
			Column.optional("contactName", "unit.contact"));

	private final Units units;

	private final Labels labels;

	private final RegionNames regionNames;

	private final SheetLayout layout;

	UnitSheets(Units units, Labels labels, RegionNames regionNames) {
		this.units = units;
		this.labels = labels;
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
		return ImportReport.run(lines, line -> check(line, codesByName, seen), partial, units::insertAll);
	}

	public byte[] template() {
		return layout.template(List.of("unit.notes.kind", "unit.notes.region", "unit.notes.parent"));
	}

	public byte[] export(String region, String q) {
		List<HandlingUnit> all = units.list(region, q, 0, Sheets.MAX_ROWS).items();
		Map<UUID, String> namesById = units.findAll(all.stream().map(HandlingUnit::parentId).filter(p -> p != null).toList())
			.stream().collect(Collectors.toMap(HandlingUnit::id, HandlingUnit::name));
		List<List<Object>> rows = new ArrayList<>();
		for (HandlingUnit u : all) {
			rows.add(Arrays.asList(u.name(), layout.label("unit-kind", u.kind()), u.regionCode(), regionNames.of(u.regionCode()),
					u.parentId() == null ? null : namesById.get(u.parentId()), u.contactName()));
		}
		return layout.export("unit.export.sheet", rows);
	}

	private ImportReport.Checked<UnitForm> check(Sheets.Line line, Map<String, String> codesByName, Set<String> seen) {
		List<String> errors = new ArrayList<>();
		String region = layout.value(line, "regionCode");
		if (region == null && layout.value(line, "region") != null) {
			region = codesByName.get(layout.value(line, "region"));
			if (region == null) {
				errors.add(layout.problem("region", "unit.import.region-unknown"));
			}
		}
		HandlingUnit.Kind kind = labels.parse(HandlingUnit.Kind.class, "unit-kind", layout.value(line, "kind"));
		if (kind == null && layout.value(line, "kind") != null) {
			errors.add(layout.problem("kind", "unit.kind.invalid"));
		}
		UUID parent = null;
		if (layout.value(line, "parent") != null) {
			parent = units.findByName(layout.value(line, "parent")).map(HandlingUnit::id).orElse(null);
			if (parent == null) {
				errors.add(layout.problem("parent", "unit.parent.missing"));
			}
		}
		String name = layout.value(line, "name");
		UnitForm form = new UnitForm(name, region, kind, parent, layout.value(line, "contactName"));
		units.problems(form).forEach(p -> errors.add(layout.problem(p.field().equals("parentId") ? "parent" : p.field(),
				p.messageKey(), p.args())));
		if (errors.isEmpty()) {
			if (units.exists(name, region)) {
				errors.add(layout.text("unit.import.duplicate"));
			}
			else if (!seen.add(name.trim() + "|" + region)) {
				errors.add(layout.text("unit.import.duplicate-in-file"));
			}
		}
		return new ImportReport.Checked<>(form, errors);
	}
}
