package org.lianluo.opinion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.lianluo.platform.LianluoException;
import org.lianluo.identity.Scope;
import org.lianluo.region.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The loop's figures for a region and a year, over the opinions received in it, as they stand now:
 * 办结率 (closure rate) = reported back or closed / assigned; 按时办结率 (on-time rate) = replied by the
 * deadline / reported back or closed; 满意率 = satisfied or basically satisfied / rated (never counting
 * unrated ones); 解决率 (solved rate) = RESOLVED / replied; average days from receipt to closing.
 */
@Service
public class OpinionKpis {

	private static final String FIGURES = """
			count(*) as received,
			count(*) filter (where o.status in ('ASSIGNED','ACCEPTED','REPLIED','FED_BACK','REOPENED','CLOSED')) as assigned,
			count(*) filter (where o.status in ('FED_BACK','CLOSED') and o.reply_result is not null) as settled,
			count(*) filter (where o.status in ('FED_BACK','CLOSED') and o.reply_result is not null and o.replied_at <= o.deadline) as on_time,
			count(*) filter (where o.grade is not null) as rated,
			count(*) filter (where o.grade in ('SATISFIED','BASICALLY_SATISFIED')) as satisfied,
			count(*) filter (where o.reply_result is not null) as replied,
			count(*) filter (where o.reply_result = 'RESOLVED') as resolved,
			count(*) filter (where o.implemented) as implemented,
			coalesce(avg(extract(epoch from (o.closed_at - o.received_at)) / 86400.0) filter (where o.status = 'CLOSED'), 0) as avg_days
			""";

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
		OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime();
		OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime();
		String where = " from opinion o where o.region_code like ? and o.received_at >= ? and o.received_at < ?";
		Figures total = jdbc.sql("select " + FIGURES + where).params(pattern, from, to).query((rs, n) -> figures(rs, null)).single();
		List<Figures> byUnit = jdbc.sql("select cast(o.lead_unit_id as varchar) as k, " + FIGURES + where
				+ " and o.lead_unit_id is not null group by o.lead_unit_id order by count(*) desc limit 100")
			.params(pattern, from, to)
			.query((rs, n) -> figures(rs, rs.getString("k")))
			.list();
		List<Figures> byCategory = jdbc.sql("select o.category as k, " + FIGURES + where + " group by o.category order by count(*) desc")
			.params(pattern, from, to)
			.query((rs, n) -> figures(rs, rs.getString("k")))
			.list();
		return new Report(pattern, year, total, byUnit, byCategory);
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

	private static Figures figures(java.sql.ResultSet rs, String key) throws java.sql.SQLException {
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

	public record Report(String regionPattern, int year, Figures total, List<Figures> byUnit, List<Figures> byCategory) {
	}

	/** Overdue items of a unit or a county: how many, escalated (督办), key supervision, oldest deadline. */
	public record Overdue(String key, long overdue, long escalated, long keySupervision, java.time.Instant oldestDeadline) {
	}
}
