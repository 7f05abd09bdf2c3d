package org.lianluo.opinion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.lianluo.platform.LianluoException;
import org.lianluo.identity.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The loop's figures for a region and a year, over the opinions received in it, as they stand now:
 * 办结率 (closure rate) = reported back or closed / assigned; 按时办结率 (on-time rate) = replied by the
 * deadline / reported back or closed; 满意率 = satisfied or basically satisfied / rated (never counting
 * unrated ones; how many ratings came from the citizens and how many from the office's call-backs); 解决率 (solved rate) = RESOLVED / replied; average days from receipt to closing. Read from the
 * monthly sums that PostgreSQL keeps with every change ({@link #ROLLUP}), so a year costs the same at a thousand
 * opinions as at ten million.
 */
@Service
public class OpinionKpis {

	/**
	 * The sums of migrations V21_0 and V24_0 as one relation: those folded by {@code RollupFolding} and the
	 * differences not folded yet, so that it is exact at any moment. Its rows are per {@code dimension} ('C': region,
	 * month received, category; 'U': region, month received, lead unit; 'K': the same per county; 'S': region, month
	 * reported back), {@code region_code}, {@code month} (the first day, Asia/Shanghai) and {@code key}.
	 */
	public static final String ROLLUP = "(select * from opinion_rollup union all select * from opinion_rollup_delta)";

	/**
	 * The sums by lead unit of the opinions received in a region's subtree (its {@code prefix}, the named parameter
	 * {@code :pattern} its LIKE pattern) from {@code :fromDate} to {@code :toDate}, as {@code " from (…) r"} with the
	 * columns of {@link #ROLLUP}: per county ('K', migration V24_0) for a county and every region above it, a tenth
	 * of the rows; per the opinions' own regions ('U') for a township or a village.
	 */
	public static String unitSums(String prefix) {
		return " from (select r.* from " + ROLLUP + " r where r.dimension = '" + (prefix.length() <= 6 ? "K" : "U")
				+ "' and r.region_code like :pattern and r.month >= :fromDate and r.month < :toDate) r";
	}

	/** The loop's figures as sums over rows {@code r} of {@link #ROLLUP}, the columns that {@link #figures} reads. */
	public static final String SUMS = """
			coalesce(sum(r.received), 0) as received, coalesce(sum(r.assigned), 0) as assigned,
			coalesce(sum(r.settled), 0) as settled, coalesce(sum(r.on_time), 0) as on_time,
			coalesce(sum(r.rated), 0) as rated, coalesce(sum(r.satisfied), 0) as satisfied,
			coalesce(sum(r.replied), 0) as replied, coalesce(sum(r.resolved), 0) as resolved,
			coalesce(sum(r.implemented), 0) as implemented,
			coalesce(sum(r.closed_days) / nullif(sum(r.closed_timed), 0), 0) as avg_days""";

	/**
	 * How many of the rated opinions received in a region's subtree ({@code :pattern}) from {@code :from} to {@code :to}
	 * the office rated on its phone call-back (回访, {@link Rater#FOLLOW_UP}); the rest of the rated ones the citizens
	 * rated with their key. Few, and read through their own partial index (migration V27_1_0).
	 */
	public static final String FOLLOW_UPS = """
			select count(*) from opinion o where o.rated_by = 'FOLLOW_UP' and o.grade is not null
			and o.region_code like :pattern and o.received_at >= :from and o.received_at < :to""";

	private final JdbcClient jdbc;

	private final Clock clock;

	OpinionKpis(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Report report(String region, int year) {
		if (year < 1900 || year > 9999) {
			throw LianluoException.invalidField("year", "problem.field.format");
		}
		String pattern = Scope.current().narrow(region);
		String where = " from " + ROLLUP + " r where r.region_code like ? and r.month >= ? and r.month < ?";
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate next = first.plusYears(1);
		Figures total = jdbc.sql("select " + SUMS + where + " and r.dimension = 'C'").params(pattern, first, next)
			.query((rs, n) -> figures(rs, null))
			.single();
		List<Figures> byUnit = jdbc.sql("select r.key as k, " + SUMS + unitSums(pattern.substring(0, pattern.length() - 1))
				+ " group by r.key having sum(r.received) > 0 order by 2 desc, 1 limit 100")
			.param("pattern", pattern)
			.param("fromDate", first)
			.param("toDate", next)
			.query((rs, n) -> figures(rs, rs.getString("k")))
			.list();
		List<Figures> byCategory = jdbc.sql("select r.key as k, " + SUMS + where
				+ " and r.dimension = 'C' group by r.key having sum(r.received) > 0 order by 2 desc, 1")
			.params(pattern, first, next)
			.query((rs, n) -> figures(rs, rs.getString("k")))
			.list();
		long followUps = jdbc.sql(FOLLOW_UPS)
			.param("pattern", pattern)
			.param("from", first.atStartOfDay(org.lianluo.region.WorkingCalendar.ZONE).toOffsetDateTime())
			.param("to", next.atStartOfDay(org.lianluo.region.WorkingCalendar.ZONE).toOffsetDateTime())
			.query(Long.class)
			.single();
		return new Report(pattern, year, total, byUnit, byCategory, followUps);
	}

	/** What is overdue now, by lead unit and by county, within the caller's scope. */
	public List<Overdue> overdueByUnit() {
		return jdbc.sql("""
				select cast(o.lead_unit_id as varchar), count(*), count(*) filter (where o.supervision_level >= 3),
				  count(*) filter (where o.supervision_level >= 4), min(o.deadline)
				from opinion o where o.region_code like ? and o.status in ('ASSIGNED','ACCEPTED','REOPENED') and o.deadline < ?
				group by o.lead_unit_id order by count(*) desc""")
			.params(Scope.current().regionPattern(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.query((rs, n) -> new Overdue(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

	public List<Overdue> overdueByCounty() {
		return jdbc.sql("""
				select substr(o.region_code, 1, 6), count(*), count(*) filter (where o.supervision_level >= 3),
				  count(*) filter (where o.supervision_level >= 4), min(o.deadline)
				from opinion o where o.region_code like ? and o.status in ('ASSIGNED','ACCEPTED','REOPENED') and o.deadline < ?
				group by substr(o.region_code, 1, 6) order by count(*) desc""")
			.params(Scope.current().regionPattern(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.query((rs, n) -> new Overdue(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The figures of a row of {@link #SUMS}. */
	public static Figures figures(java.sql.ResultSet rs, String key) throws java.sql.SQLException {
		return new Figures(key, rs.getLong("received"), rs.getLong("assigned"), rs.getLong("settled"), rs.getLong("on_time"),
				rs.getLong("rated"), rs.getLong("satisfied"), rs.getLong("replied"), rs.getLong("resolved"),
				rs.getLong("implemented"), Math.round(rs.getDouble("avg_days") * 10) / 10.0);
	}

	/** The figures of one group; rates are fractions 0..1, null when nothing is there to divide. */
	public record Figures(String key, long received, long assigned, long settled, long onTime, long rated, long satisfied,
			long replied, long resolved, long implemented, double averageDaysToClose) {

		public Double closureRate() {
			return rate(settled, assigned);
		}

		public Double onTimeRate() {
			return rate(onTime, settled);
		}

		public Double satisfactionRate() {
			return rate(satisfied, rated);
		}

		public Double solvedRate() {
			return rate(resolved, replied);
		}

		private static Double rate(long part, long whole) {
			return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 1000.0;
		}
	}

	/**
	 * The figures, and of the {@code total.rated} opinions how many the citizens rated with their rating key and how
	 * many the office on its phone call-back (回访).
	 */
	public record Report(String regionPattern, int year, Figures total, List<Figures> byUnit, List<Figures> byCategory,
			long ratedByCitizens, long ratedByFollowUp) {

		public Report(String regionPattern, int year, Figures total, List<Figures> byUnit, List<Figures> byCategory,
				long ratedByFollowUp) {
			this(regionPattern, year, total, byUnit, byCategory, Math.max(0, total.rated() - ratedByFollowUp), ratedByFollowUp);
		}
	}

	/** Overdue items of a unit or a county: how many, escalated (督办), key supervision, oldest deadline. */
	public record Overdue(String key, long overdue, long escalated, long keySupervision, java.time.Instant oldestDeadline) {
	}
}
