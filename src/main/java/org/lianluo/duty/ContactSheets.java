package org.lianluo.duty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.identity.Scope;
import org.lianluo.platform.ImportReport;
import org.lianluo.platform.Labels;
import org.lianluo.platform.SheetLayout;
import org.lianluo.platform.SheetLayout.Column;
import org.lianluo.platform.Sheets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 联系清单 as a spreadsheet: one row per planned pair (year, committee member, deputy, contacts a year), both named
 * as in the deputy registry. All rows or none; each refused row is named by its number with its reasons in Chinese.
 */
@Service
public class ContactSheets {

	private static final List<Column> COLUMNS = List.of(Column.required("year", "duty.plan.sheet.year"),
			Column.required("member", "duty.plan.sheet.member"), Column.required("deputy", "duty.plan.sheet.deputy"),
			Column.optional("target", "duty.plan.sheet.target"));

	private static final List<String> NOTES = List.of("duty.plan.sheet.notes.names", "duty.plan.sheet.notes.target");

	private final Contacts contacts;

	private final Deputies deputies;

	private final SheetLayout layout;

	ContactSheets(Contacts contacts, Deputies deputies, Labels labels) {
		this.contacts = contacts;
		this.deputies = deputies;
		this.layout = new SheetLayout(labels, COLUMNS);
	}

	@Transactional
	public ImportReport importFile(byte[] content, boolean partial) {
		List<Sheets.Line> lines = Sheets.read(content);
		layout.requireColumns(lines);
		Map<String, List<Deputy>> byName = new HashMap<>();
		Set<String> seen = new HashSet<>();
		return ImportReport.run(lines, line -> check(line, byName, seen), partial, contacts::planAll);
	}

	public byte[] template() {
		return layout.template(NOTES);
	}

	private ImportReport.Checked<Contacts.PlannedPair> check(Sheets.Line line, Map<String, List<Deputy>> byName,
			Set<String> seen) {
		List<String> errors = new ArrayList<>();
		Integer year = number(line, "year", errors, 2000, 2100, "duty.plan.year.invalid");
		Integer target = layout.value(line, "target") == null ? Integer.valueOf(2)
				: number(line, "target", errors, 1, 100, "duty.plan.target.invalid");
		Deputy member = named(line, "member", byName, errors);
		Deputy deputy = named(line, "deputy", byName, errors);
		if (member != null && !member.committeeMember()) {
			errors.add(layout.problem("member", "duty.plan.sheet.not-member", member.name()));
		}
		if (member != null && !Scope.current().covers(member.regionCode())) {
			errors.add(layout.problem("member", "duty.plan.sheet.outside-scope", member.name()));
		}
		if (member != null && deputy != null && member.id().equals(deputy.id())) {
			errors.add(layout.problem("deputy", "duty.plan.sheet.self"));
		}
		if (errors.isEmpty() && !seen.add(year + "|" + member.id() + "|" + deputy.id())) {
			errors.add(layout.text("duty.plan.sheet.duplicate-in-file"));
		}
		return new ImportReport.Checked<>(errors.isEmpty()
				? new Contacts.PlannedPair(year, member.id(), deputy.id(), target, member.regionCode()) : null, errors);
	}

	private Deputy named(Sheets.Line line, String field, Map<String, List<Deputy>> byName, List<String> errors) {
		String name = layout.value(line, field);
		if (name == null) {
			errors.add(layout.problem(field, "duty.plan.sheet.required"));
			return null;
		}
		List<Deputy> found = byName.computeIfAbsent(name, deputies::named);
		if (found.size() != 1) {
			errors.add(layout.problem(field, found.isEmpty() ? "duty.plan.sheet.unknown" : "duty.plan.sheet.ambiguous", name));
			return null;
		}
		return found.get(0);
	}

	private Integer number(Sheets.Line line, String field, List<String> errors, int min, int max, String key) {
		String v = layout.value(line, field);
		try {
			int n = v == null ? Integer.MIN_VALUE : Integer.parseInt(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// worded below
		}
		errors.add(layout.problem(field, key));
		return null;
	}
}
