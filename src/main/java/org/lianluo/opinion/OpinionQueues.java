package org.lianluo.opinion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Workbench;
import org.lianluo.region.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The opinion loop's queues on the workbench, read straight from the {@code opinion} table (and, for "returned",
 * its {@code opinion_event} timeline and {@code station_deputy} for a deputy's stations): ASSESSOR's opinions to
 * triage (RECEIVED), replies to review (REPLIED) and the overdue by unit; UNIT_HANDLER's to accept (ASSIGNED to
 * their unit), due soon (handling, deadline before the end of the next working day) and returned (sent back in
 * review or reopened by the citizen); DEPUTY's opinions not yet closed from the stations whose roster they are on;
 * LEADER's key supervision (supervision level 4, 重点督办) and the overdue board. Oldest first.
 */
@Component
public class OpinionQueues implements Workbench {

	private static final String HANDLING = "('ASSIGNED', 'ACCEPTED', 'REOPENED')";

	private static final String ITEM = "select o.id, o.tracking_code, left(o.content, 40) note, %s at from opinion o ";

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final Clock clock;

	OpinionQueues(JdbcClient jdbc, WorkingCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public List<Panel> panels(Actor actor, LocalDate today) {
		List<Panel> panels = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		if (actor.has(Role.ASSESSOR)) {
			panels.add(queue(Role.ASSESSOR, "workbench.opinion.triage", "o.received_at", "where o.status = 'RECEIVED'"));
			panels.add(queue(Role.ASSESSOR, "workbench.opinion.review", "o.replied_at", "where o.status = 'REPLIED'"));
			panels.add(overdueByUnit(Role.ASSESSOR, now));
		}
		if (actor.has(Role.UNIT_HANDLER)) {
			UUID unit = actor.unitId() == null ? Actor.NO_LINK : actor.unitId();
			panels.add(queue(Role.UNIT_HANDLER, "workbench.opinion.accept", "o.assigned_at",
					"where o.status = 'ASSIGNED' and o.lead_unit_id = ?", unit));
			OffsetDateTime soon = OffsetDateTime.ofInstant(WorkingCalendar.endOf(calendar.addWorkingDays(today, 1)),
					ZoneOffset.UTC);
			panels.add(queue(Role.UNIT_HANDLER, "workbench.opinion.due-soon", "o.deadline", "where o.status in "
					+ HANDLING + " and o.lead_unit_id = ? and o.deadline >= ? and o.deadline <= ?", unit, now, soon));
			panels.add(queue(Role.UNIT_HANDLER, "workbench.opinion.returned", "o.updated_at", """
					where o.status in ('ACCEPTED', 'REOPENED') and o.lead_unit_id = ?
					and (select e.from_status from opinion_event e where e.opinion_id = o.id and e.kind = 'TRANSITION'
					     order by e.at desc limit 1) in ('REPLIED', 'FED_BACK')""", unit));
		}
		if (actor.has(Role.DEPUTY)) {
			UUID deputy = actor.deputyId() == null ? Actor.NO_LINK : actor.deputyId();
			panels.add(queue(Role.DEPUTY, "workbench.opinion.my-stations", "o.received_at", """
					where o.status <> 'CLOSED' and o.station_id in
					(select s.station_id from station_deputy s where s.deputy_id = ?)""", deputy));
		}
		if (actor.has(Role.LEADER)) {
			panels.add(queue(Role.LEADER, "workbench.opinion.key-supervision", "o.deadline",
					"where o.status in " + HANDLING + " and o.supervision_level >= " + Deadlines.MAX_LEVEL));
			panels.add(overdueByUnit(Role.LEADER, now));
		}
		return panels;
	}

	private Panel queue(Role role, String key, String at, String where, Object... params) {
		long count = jdbc.sql("select count(*) from opinion o " + where).params(params).query(Long.class).single();
		List<Item> items = jdbc.sql(ITEM.formatted(at) + where + " order by " + at + " nulls last, o.id limit " + SHOWN)
			.params(params)
			.query((rs, n) -> new Item(rs.getString("tracking_code"), rs.getString("note"), day(rs),
					"/opinions/" + rs.getObject("id", UUID.class)))
			.list();
		return new Panel(role, key, count, items);
	}

	/** Opinions past their deadline and still with a unit, per lead unit, the unit with the oldest first. */
	private Panel overdueByUnit(Role role, OffsetDateTime now) {
		String where = "where o.status in " + HANDLING + " and o.deadline < ?";
		long count = jdbc.sql("select count(*) from opinion o " + where).param(now).query(Long.class).single();
		List<Item> items = jdbc.sql("""
				select coalesce(u.name, '辖区外单位') unit, count(*) n, min(o.deadline) at from opinion o
				left join handling_unit u on u.id = o.lead_unit_id %s
				group by o.lead_unit_id, u.name order by min(o.deadline), o.lead_unit_id limit %d""".formatted(where, SHOWN))
			.param(now)
			.query((rs, n) -> new Item(rs.getString("unit"), String.valueOf(rs.getLong("n")), day(rs),
					"/opinions/overdue"))
			.list();
		return new Panel(role, "workbench.opinion.overdue", count, items);
	}

	private static String day(ResultSet rs) throws SQLException {
		OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
		return at == null ? "" : at.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate().toString();
	}

}
