package org.lianluo.opinion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.platform.FigureRow;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The opinion loop's figures for the reports and dashboards, read from the monthly sums ({@link OpinionKpis#ROLLUP})
 * by {@link OpinionKpis}' conditions, and the records behind them. The reports compose these; only this module names
 * its tables and states. Unscoped beyond the database's row-level security: callers check the caller's scope.
 */
@Service
public class OpinionFigures {

	/** The figures of API.md counted from opinions, each listing the opinions received in the period it counts. */
	public enum Figure {

		COLLECTED(null), IMPLEMENTED("o.implemented"),
		/** DISPUTE opinions closed with result RESOLVED. */
		DISPUTES_RESOLVED("o.category = :dispute and o.status = :closed and o.reply_result = :resolved");

		private final String condition;

		Figure(String condition) {
			this.condition = condition;
		}

		/** The message key prefix naming a listed record's kind (its status). */
		public String kindKey() {
			return "opinion.status.";
		}
	}

	private static final String HANDLING = "o.status in (:handling) and o.deadline < :now";

	private final JdbcClient jdbc;

	OpinionFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of a period per region directly below the period's region, and the loop's figures in total, per
	 * category and (when {@code byUnits}) per lead unit, with the closed disputes. The period must be whole months.
	 */
	public Annual annual(RegionPeriod p, boolean byUnits) {
		Map<Figure, Map<String, Long>> byPart = new EnumMap<>(Figure.class);
		for (Figure f : Figure.values()) {
			byPart.put(f, new HashMap<>());
		}
		List<OpinionKpis.Figures> byCategory = new ArrayList<>();
		OpinionKpis.Figures[] total = new OpinionKpis.Figures[1];
		double[] disputes = new double[2];
		jdbc.sql("select grouping(r.part, r.key) as mask, r.part, r.key, " + OpinionKpis.SUMS + """
				, coalesce(sum(r.closed_resolved) filter (where r.key = :dispute), 0) as disputes_resolved,
				coalesce(sum(r.closed) filter (where r.key = :dispute), 0) as disputes_closed,
				coalesce(sum(r.closed_days) filter (where r.key = :dispute)
				  / nullif(sum(r.closed_timed) filter (where r.key = :dispute), 0), 0) as dispute_days
				""" + summed(p, "C", p.part("r.region_code")) + " group by grouping sets ((r.part), (r.key), ())")
			.params(p.params())
			.param("dispute", Category.DISPUTE.name())
			.query((rs, n) -> {
				switch (rs.getInt("mask")) {
					case 1 -> {
						byPart.get(Figure.COLLECTED).put(rs.getString("part"), rs.getLong("received"));
						byPart.get(Figure.IMPLEMENTED).put(rs.getString("part"), rs.getLong("implemented"));
						byPart.get(Figure.DISPUTES_RESOLVED).put(rs.getString("part"), rs.getLong("disputes_resolved"));
					}
					case 2 -> byCategory.add(OpinionKpis.figures(rs, rs.getString("key")));
					default -> {
						total[0] = OpinionKpis.figures(rs, null);
						disputes[0] = rs.getLong("disputes_closed");
						disputes[1] = Math.round(rs.getDouble("dispute_days") * 10) / 10.0;
					}
				}
				return null;
			})
			.list();
		List<OpinionKpis.Figures> byUnit = !byUnits ? List.of()
				: jdbc.sql("select r.key, " + OpinionKpis.SUMS
						+ (p.wholeMonths() ? OpinionKpis.unitSums(p.prefix()) : summed(p, "U", "r.region_code"))
						+ " group by r.key having sum(r.received) > 0")
					.params(p.params())
					.query((rs, n) -> OpinionKpis.figures(rs, rs.getString("key")))
					.list();
		long followUps = jdbc.sql(OpinionKpis.FOLLOW_UPS).params(p.params()).query(Long.class).single();
		return new Annual(byPart, total[0], byCategory, byUnit, followUps, (long) disputes[0], disputes[1]);
	}

	/** Opinions received (by the month received) and settled (by the month reported back) per month, as "yyyy-MM". */
	public Map<String, long[]> receivedAndSettledByMonth(RegionPeriod p) {
		Map<String, long[]> months = new HashMap<>();
		for (String dimension : List.of("C", "S")) {
			int i = dimension.equals("C") ? 0 : 1;
			jdbc.sql("select to_char(r.month, 'YYYY-MM'), coalesce(sum(r." + (i == 0 ? "received" : "settled") + "), 0)"
					+ summed(p, dimension, "r.region_code") + " group by 1")
				.params(p.params())
				.query((rs, n) -> months.computeIfAbsent(rs.getString(1), k -> new long[2])[i] = rs.getLong(2))
				.list();
		}
		return months;
	}

	/** The loop's figures of the opinions received in the period, per county (the first six digits). */
	public Map<String, OpinionKpis.Figures> byCounty(RegionPeriod p) {
		Map<String, OpinionKpis.Figures> counties = new HashMap<>();
		jdbc.sql("select substr(r.region_code, 1, 6) as county, " + OpinionKpis.SUMS + summed(p, "C", "r.region_code")
				+ " group by 1")
			.params(p.params())
			.query((rs, n) -> counties.put(rs.getString("county"), OpinionKpis.figures(rs, rs.getString("county"))))
			.list();
		return counties;
	}

	/** The loop's figures of the opinions received in the period, per category, most received first. */
	public List<OpinionKpis.Figures> byCategory(RegionPeriod p) {
		return jdbc.sql("select r.key, " + OpinionKpis.SUMS + summed(p, "C", "r.region_code")
				+ " group by 1 having sum(r.received) > 0 order by 2 desc, 1")
			.params(p.params())
			.query((rs, n) -> OpinionKpis.figures(rs, rs.getString("key")))
			.list();
	}

	/** The opinions being handled past their deadline at {@code now}, per county. */
	public Map<String, Long> overdueByCounty(RegionPeriod p, OffsetDateTime now) {
		Map<String, Long> counties = new HashMap<>();
		jdbc.sql("select substr(o.region_code, 1, 6), count(*) from opinion o where o.region_code like :pattern and "
				+ HANDLING + " group by 1")
			.params(overdueParams(p, now))
			.query((rs, n) -> counties.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counties;
	}

	/**
	 * The opinions being handled past their deadline at {@code now}, counted per lead unit and per region directly
	 * below the period's: all, escalated (supervision level 3 and up), key supervision (level 4 and up).
	 */
	public List<OverdueCount> overdueCounts(RegionPeriod p, OffsetDateTime now) {
		String region = p.part("o.region_code");
		return jdbc.sql("select grouping(o.lead_unit_id), o.lead_unit_id, " + region + ", count(*),"
				+ " count(*) filter (where o.supervision_level >= 3), count(*) filter (where o.supervision_level >= 4)"
				+ " from opinion o where o.region_code like :pattern and " + HANDLING
				+ " group by grouping sets ((o.lead_unit_id), (" + region + "))")
			.params(overdueParams(p, now))
			.query((rs, n) -> new OverdueCount(rs.getInt(1) == 0, rs.getObject(2, UUID.class), rs.getString(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/** The {@code limit} oldest of those opinions (opinion_open_deadline_idx gives them in order). */
	public List<OverdueRecord> oldestOverdue(RegionPeriod p, OffsetDateTime now, int limit) {
		return jdbc.sql("select o.id, o.tracking_code, o.category, o.region_code, o.lead_unit_id, o.deadline,"
				+ " o.supervision_level from opinion o where o.region_code like :pattern and " + HANDLING
				+ " order by o.deadline, o.id limit :limit")
			.params(overdueParams(p, now))
			.param("limit", limit)
			.query((rs, n) -> new OverdueRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, OffsetDateTime.class).toInstant(),
					rs.getInt(7)))
			.list();
	}

	/** The opinions received in the period behind a figure, a page at a time, newest first. */
	public Page<FigureRow> records(Figure f, RegionPeriod p, int page, int size) {
		String where = " from opinion o where o.region_code like :pattern and o.received_at >= :from"
				+ " and o.received_at < :to" + (f.condition == null ? "" : " and " + f.condition);
		Map<String, Object> params = new HashMap<>(p.params());
		params.put("dispute", Category.DISPUTE.name());
		params.put("closed", OpinionStatus.CLOSED.name());
		params.put("resolved", ReplyResult.RESOLVED.name());
		List<FigureRow> rows = jdbc.sql("select o.id, o.tracking_code, cast(o.received_at at time zone 'Asia/Shanghai'"
				+ " as date), o.region_code, o.status" + where + " order by 3 desc nulls last, 2 limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new FigureRow(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), "/opinions/" + rs.getObject(1)))
			.list();
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		return new Page<>(rows, page, size, total);
	}

	private static Map<String, Object> overdueParams(RegionPeriod p, OffsetDateTime now) {
		Map<String, Object> params = new HashMap<>(p.params());
		params.put("handling", OpinionStatus.HANDLING.stream().map(Enum::name).toList());
		params.put("now", now);
		return params;
	}

	/**
	 * The rows of {@link OpinionKpis#ROLLUP}'s shape of one dimension in the region and period, each with its
	 * {@code part}, as {@code " from (…) r"}: the monthly sums when the period is whole months, else the same rows
	 * made from the period's opinions by the function the triggers use (received in it; for 'S', reported back in it).
	 */
	private static String summed(RegionPeriod p, String dimension, String part) {
		if (p.wholeMonths()) {
			return " from (select r.*, " + part + " as part from " + OpinionKpis.ROLLUP + " r where r.dimension = '"
					+ dimension + "' and r.region_code like :pattern and r.month >= :fromDate and r.month < :toDate) r";
		}
		String at = dimension.equals("S") ? "o.fed_back_at" : "o.received_at";
		return " from (select r.*, " + part + " as part from opinion o cross join lateral opinion_rollup_rows(1, o) r"
				+ " where r.dimension = '" + dimension + "' and o.region_code like :pattern and " + at + " >= :from and "
				+ at + " < :to) r";
	}

	/**
	 * A period's figures: per figure and region below the period's, the loop's in total, per category and per lead
	 * unit (unordered), the ratings by call-back, and the disputes closed with their average days to close.
	 */
	public record Annual(Map<Figure, Map<String, Long>> byPart, OpinionKpis.Figures total,
			List<OpinionKpis.Figures> byCategory, List<OpinionKpis.Figures> byUnit, long ratedByFollowUp,
			long disputesClosed, double disputeAverageDaysToClose) {
	}

	/** Overdue opinions of a lead unit ({@code byUnit}; null: none) or of a region: all, escalated, key. */
	public record OverdueCount(boolean byUnit, UUID unitId, String region, long overdue, long escalated,
			long keySupervision) {
	}

	/** One overdue opinion. */
	public record OverdueRecord(UUID id, String trackingCode, String category, String regionCode, UUID leadUnitId,
			Instant deadline, int supervisionLevel) {
	}
}
