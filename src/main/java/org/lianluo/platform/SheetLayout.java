package org.lianluo.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of a registry's spreadsheet: each a field with the message key of its Chinese header and
 * whether it is required. Reads cells by header (or by the field's own name), words problems as
 * "「手机号」：…", and writes the import template with a sheet of notes.
 */
public final class SheetLayout {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final Labels labels;

	private final List<Column> columns;

	public SheetLayout(Labels labels, List<Column> columns) {
		this.labels = labels;
		this.columns = List.copyOf(columns);
	}

	public record Column(String field, String headerKey, boolean required) {

		public static Column required(String field, String headerKey) {
			return new Column(field, headerKey, true);
		}

		public static Column optional(String field, String headerKey) {
			return new Column(field, headerKey, false);
		}
	}

	public List<String> headers() {
		return columns.stream().map(this::header).toList();
	}

	/** The cell of a field in a row, trimmed; null when blank or absent. */
	public String value(Sheets.Line line, String field) {
		String v = line.get(header(column(field)));
		return v != null ? v : line.get(field);
	}

	/** Refuses a sheet that lacks a required column, naming every missing one. */
	public void requireColumns(List<Sheets.Line> lines) {
		requireColumns(lines, List.of());
	}

	/**
	 * Refuses a sheet that lacks a required column, or has none of each group of alternatives (given
	 * by field: a region code or a region name), naming every missing one.
	 */
	public void requireColumns(List<Sheets.Line> lines, List<List<String>> alternatives) {
		if (lines.isEmpty()) {
			return;
		}
		Set<String> present = lines.get(0).cells().keySet();
		List<String> missing = new ArrayList<>();
		for (Column c : columns) {
			if (c.required() && !has(present, c)) {
				missing.add(header(c));
			}
		}
		for (List<String> group : alternatives) {
			if (group.stream().map(this::column).noneMatch(c -> has(present, c))) {
				missing.add(header(column(group.get(0))));
			}
		}
		if (!missing.isEmpty()) {
			throw LianluoException.invalidField("file", "import.columns.missing", String.join("、", missing));
		}
	}

	private boolean has(Set<String> present, Column c) {
		return present.contains(header(c)) || present.contains(c.field());
	}

	/** "「手机号」：请填写正确的手机号或固定电话。" */
	public String problem(String field, String messageKey, Object... args) {
		String header = columns.stream().filter(c -> c.field().equals(field)).findFirst().map(this::header).orElse(field);
		return labels.text("import.cell", ZH, header, labels.text(messageKey, ZH, args));
	}

	public String text(String key, Object... args) {
		return labels.text(key, ZH, args);
	}

	public String label(String prefix, Enum<?> value) {
		return value == null ? null : labels.label(prefix, value, ZH);
	}

	/** An empty sheet with the headers, required ones marked *, and a second sheet of notes. */
	public byte[] template(List<String> noteKeys) {
		List<String> notes = new ArrayList<>();
		notes.add(text("import.notes"));
		notes.add(text("import.notes.required"));
		noteKeys.forEach(key -> notes.add(text(key)));
		return Sheets.write(text("import.template"),
				columns.stream().map(c -> header(c) + (c.required() ? "*" : "")).toList(), List.of(), notes);
	}

	public byte[] export(String sheetKey, List<List<Object>> rows) {
		return Sheets.write(text(sheetKey), headers(), rows, null);
	}

	private Column column(String field) {
		return columns.stream().filter(c -> c.field().equals(field)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no column " + field));
	}

	private String header(Column column) {
		return labels.text(column.headerKey(), ZH);
	}
}
