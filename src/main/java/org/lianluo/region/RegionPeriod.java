package org.lianluo.region;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * A region with everything below it and a span of days in Asia/Shanghai, {@code from} included and {@code to}
 * excluded: what a figure of the reports counts over. The modules that own the records count them for it, grouped by
 * the region directly below this one ({@link #part(String)}) that a record's region falls in.
 */
public record RegionPeriod(String region, LocalDate from, LocalDate to) {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public RegionPeriod {
		if (!RegionCode.isValid(region) || from == null || to == null || !from.isBefore(to)) {
			throw new IllegalArgumentException("Not a region and period: " + region + " " + from + " " + to);
		}
	}

	/** A calendar year. */
	public static RegionPeriod year(String region, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		return new RegionPeriod(region, from, from.plusYears(1));
	}

	/** The same days a year earlier, for the changes from last year. */
	public RegionPeriod yearBefore() {
		return new RegionPeriod(region, from.minusYears(1), to.minusYears(1));
	}

	/** Whether both ends are the first of a month, so that monthly sums cover it exactly. */
	public boolean wholeMonths() {
		return from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1;
	}

	public String prefix() {
		return new RegionCode(region).subtreePrefix();
	}

	/** The named parameters {@code :pattern :from :to} (instants) and {@code :fromDate :toDate} (days). */
	public Map<String, Object> params() {
		Map<String, Object> m = new HashMap<>();
		m.put("pattern", prefix() + "%");
		m.put("from", start());
		m.put("to", end());
		m.put("fromDate", from);
		m.put("toDate", to);
		return m;
	}

	public OffsetDateTime start() {
		return from.atStartOfDay(ZONE).toOffsetDateTime();
	}

	public OffsetDateTime end() {
		return to.atStartOfDay(ZONE).toOffsetDateTime();
	}

	/** SQL: the code of the region directly below this one that {@code column}'s region falls in (or this one's). */
	public String part(String column) {
		return switch (prefix().length()) {
			case 2 -> "case when length(" + column + ") = 6 and " + column + " like '__0000' then " + column
					+ " else substr(" + column + ", 1, 4) || '00' end";
			case 4 -> "substr(" + column + ", 1, 6)";
			case 6 -> "substr(" + column + ", 1, 9)";
			default -> column;
		};
	}

	/** The same as {@link #part(String)} for one code, in Java. */
	public String partOf(String code) {
		return switch (prefix().length()) {
			case 2 -> code.length() == 6 && code.endsWith("0000") ? code : code.substring(0, 4) + "00";
			case 4 -> code.substring(0, 6);
			case 6 -> code.substring(0, Math.min(9, code.length()));
			default -> code;
		};
	}
}
