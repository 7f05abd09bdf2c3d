package org.lianluo.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.deputy.SessionsHeld;
import org.lianluo.platform.FigureRow;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The proposal loop's figures for the reports and dashboards, and the records behind them: a region's congress
 * proposals count in the period their session opened in, upward proposals in the period they were submitted in
 * (API.md). Only this module names its tables and states. Unscoped beyond row-level security.
 */
@Service
public class ProposalFigures {

	/** The figures of API.md counted from proposals. */
	public enum Figure {

		ASSIGNED("p.assigned_at is not null", "proposal.status."), ANSWERED("p.replied_at is not null", "proposal.status."),
		/** Proposals the region's delegations sent to a higher congress. */
		UPWARD(null, "level.");

		private final String condition;

		private final String kindKey;

		Figure(String condition, String kindKey) {
			this.condition = condition;
			this.kindKey = kindKey;
		}

		/** The message key prefix naming a listed record's kind (a status, or the level it went to). */
		public String kindKey() {
			return kindKey;
		}
	}

	/** The region's proposals of the sessions opened in the period, with the day each session opened. */
	private static final String OF_SESSIONS = " from proposal p join unnest(cast(:sessionIds as uuid[]),"
			+ " cast(:sessionDays as date[])) cs(id, opens_on) on cs.id = p.session_id where p.region_code like :pattern";

	private static final String UPWARD = " from upward_proposal u where u.region_code like :pattern"
			+ " and u.submitted_on >= :fromDate and u.submitted_on < :toDate";

	private static final String HANDLING = "p.status in (:handling) and p.deadline < :now";

	private final JdbcClient jdbc;

	private final SessionsHeld sessions;

	ProposalFigures(JdbcClient jdbc, SessionsHeld sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	/** Every figure per region directly below the period's (the region itself: its own records). */
	public Map<Figure, Map<String, Long>> byPart(RegionPeriod p) {
		Map<Figure, Map<String, Long>> counts = new EnumMap<>(Figure.class);
		for (Figure f : Figure.values()) {
			counts.put(f, new HashMap<>());
		}
		jdbc.sql("select " + p.part("p.region_code") + ", count(*) filter (where " + Figure.ASSIGNED.condition
				+ "), count(*) filter (where " + Figure.ANSWERED.condition + ")" + OF_SESSIONS + " group by 1")
			.params(params(p))
			.query((rs, n) -> {
				counts.get(Figure.ASSIGNED).put(rs.getString(1), rs.getLong(2));
				return counts.get(Figure.ANSWERED).put(rs.getString(1), rs.getLong(3));
			})
			.list();
		jdbc.sql("select " + p.part("u.region_code") + ", count(*)" + UPWARD + " group by 1")
			.params(p.params())
			.query((rs, n) -> counts.get(Figure.UPWARD).put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** The loop's counts over the proposals of the sessions opened in the period. */
	public Loop loop(RegionPeriod p) {
		Map<String, Object> params = params(p);
		params.put("satisfied", List.of(Verdict.SATISFIED.name(), Verdict.BASICALLY_SATISFIED.name()));
		for (ReplyClass c : ReplyClass.values()) {
			params.put("class" + c.name(), c.name());
		}
		return jdbc.sql("""
				select count(*) filter (where p.assigned_at is not null), count(*) filter (where p.replied_at is not null),
				  count(*) filter (where p.replied_on_time), count(*) filter (where p.reply_class = :classA),
				  count(*) filter (where p.reply_class = :classB), count(*) filter (where p.reply_class = :classC),
				  count(*) filter (where p.reply_class = :classD), count(*) filter (where p.grade is not null),
				  count(*) filter (where p.grade in (:satisfied)),
				  coalesce(avg(extract(epoch from (p.replied_at - p.assigned_at)) / 86400.0)
				    filter (where p.replied_at is not null and p.assigned_at is not null), 0)
				""" + OF_SESSIONS)
			.params(params)
			.query((rs, n) -> new Loop(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), Math.round(rs.getDouble(10) * 10) / 10.0))
			.single();
	}

	/** The records behind a figure, a page at a time, newest first. */
	public Page<FigureRow> records(Figure f, RegionPeriod p, int page, int size) {
		boolean upward = f == Figure.UPWARD;
		String where = upward ? UPWARD : OF_SESSIONS + " and " + f.condition;
		String columns = upward ? "u.id, u.title, u.submitted_on, u.region_code, u.target_level"
				: "p.id, p.title, cs.opens_on, p.region_code, p.status";
		Map<String, Object> params = params(p);
		List<FigureRow> rows = jdbc.sql("select " + columns + where + " order by 3 desc nulls last, 2 limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new FigureRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), upward ? null : "/proposals/" + rs.getObject(1)))
			.list();
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		return new Page<>(rows, page, size, total);
	}

	/** The proposals being handled past their deadline at {@code now}, per county. */
	public Map<String, Long> overdueByCounty(RegionPeriod p, OffsetDateTime now) {
		Map<String, Long> counties = new HashMap<>();
		jdbc.sql("select substr(p.region_code, 1, 6), count(*) from proposal p where p.region_code like :pattern and "
				+ HANDLING + " group by 1")
			.params(overdueParams(p, now))
			.query((rs, n) -> counties.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counties;
	}

	/**
	 * Those proposals counted per lead unit and per region directly below the period's: all, escalated (supervision
	 * level 3 and up), under key supervision.
	 */
	public List<OverdueCount> overdueCounts(RegionPeriod p, OffsetDateTime now) {
		String region = p.part("p.region_code");
		return jdbc.sql("select grouping(p.lead_unit_id), p.lead_unit_id, " + region + ", count(*),"
				+ " count(*) filter (where p.supervision_level >= 3), count(*) filter (where p.key_supervised)"
				+ " from proposal p where p.region_code like :pattern and " + HANDLING
				+ " group by grouping sets ((p.lead_unit_id), (" + region + "))")
			.params(overdueParams(p, now))
			.query((rs, n) -> new OverdueCount(rs.getInt(1) == 0, rs.getObject(2, UUID.class), rs.getString(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/** The {@code limit} oldest of them. */
	public List<OverdueRecord> oldestOverdue(RegionPeriod p, OffsetDateTime now, int limit) {
		return jdbc.sql("select p.id, p.title, p.region_code, p.lead_unit_id, p.deadline, p.supervision_level"
				+ " from proposal p where p.region_code like :pattern and " + HANDLING
				+ " order by p.deadline, p.id limit :limit")
			.params(overdueParams(p, now))
			.param("limit", limit)
			.query((rs, n) -> new OverdueRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6)))
			.list();
	}

	private Map<String, Object> params(RegionPeriod p) {
		Map<UUID, LocalDate> held = sessions.openedBetween(p.from(), p.to());
		Map<String, Object> params = new HashMap<>(p.params());
		params.put("sessionIds", held.keySet().toArray(UUID[]::new));
		params.put("sessionDays", held.values().stream().map(LocalDate::toString).toArray(String[]::new));
		return params;
	}

	private static Map<String, Object> overdueParams(RegionPeriod p, OffsetDateTime now) {
		Map<String, Object> params = new HashMap<>(p.params());
		params.put("handling", java.util.Arrays.stream(ProposalStatus.values())
			.filter(ProposalStatus::isHandling)
			.map(Enum::name)
			.toList());
		params.put("now", now);
		return params;
	}

	/**
	 * Assigned, replied, replied on time, of each reply class, rated, (basically) satisfied, and the average days
	 * from assignment to reply.
	 */
	public record Loop(long assigned, long replied, long onTime, long classA, long classB, long classC, long classD,
			long rated, long satisfied, double averageDaysToReply) {
	}

	/** Overdue proposals of a lead unit ({@code byUnit}; null: none) or of a region: all, escalated, key. */
	public record OverdueCount(boolean byUnit, UUID unitId, String region, long overdue, long escalated,
			long keySupervision) {
	}

	/** One overdue proposal. */
	public record OverdueRecord(UUID id, String title, String regionCode, UUID leadUnitId, Instant deadline,
			int supervisionLevel) {
	}
}
