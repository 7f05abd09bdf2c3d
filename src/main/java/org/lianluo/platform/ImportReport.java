package org.lianluo.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The answer of {@code POST /api/v1/import/...}: how many rows went in, and each refused row with its
 * problems in words ("「手机号」：…"). With any refused row and no {@code partial=true}, nothing went in.
 */
public record ImportReport(int imported, List<Rejected> rejected) {

	public record Rejected(int row, List<String> errors) {
	}

	/** A row as checked: the value to insert, or the problems that refuse it. */
	public record Checked<T>(T value, List<String> errors) {
	}

	/**
	 * Checks every row, then inserts the good ones in one call, unless a row was refused and the caller
	 * did not ask for a partial import. {@code insert} runs inside the caller's transaction.
	 */
	public static <T> ImportReport run(List<Sheets.Line> lines, Function<Sheets.Line, Checked<T>> check, boolean partial,
			Consumer<List<T>> insert) {
		List<T> good = new ArrayList<>();
		List<Rejected> rejected = new ArrayList<>();
		for (Sheets.Line line : lines) {
			Checked<T> checked = check.apply(line);
			if (checked.errors().isEmpty()) {
				good.add(checked.value());
			}
			else {
				rejected.add(new Rejected(line.number(), checked.errors()));
			}
		}
		if (!rejected.isEmpty() && !partial) {
			return new ImportReport(0, rejected);
		}
		insert.accept(good);
		return new ImportReport(good.size(), rejected);
	}
}
