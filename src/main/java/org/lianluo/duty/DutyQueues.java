package org.lianluo.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * Duty's queues on the workbench, from the station rota ({@code station_rota}) and the opinions registered at
 * stations: DEPUTY's next duty days (today on); STATION_ADMIN's today's reception (who is on the rota today at the
 * stations of my region) and the opinions registered today at those stations. The station table's row-level
 * security keeps both to the caller's region.
 */
@Component
public class DutyQueues implements Workbench {

	private final JdbcClient jdbc;

	DutyQueues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Panel> panels(Actor actor, LocalDate today) {
		List<Panel> panels = new ArrayList<>();
		if (actor.has(Role.DEPUTY)) {
			UUID deputy = actor.deputyId() == null ? Actor.NO_LINK : actor.deputyId();
			String where = "from station_rota r join station s on s.id = r.station_id where r.deputy_id = ? and r.day >= ?";
			long count = jdbc.sql("select count(*) " + where).params(deputy, today).query(Long.class).single();
			List<Item> items = jdbc.sql("select r.day, s.id, s.name " + where + " order by r.day, s.name limit " + SHOWN)
				.params(deputy, today)
				.query((rs, n) -> new Item(rs.getString("name"), "", rs.getObject("day", LocalDate.class).toString(),
						"/stations/" + rs.getObject("id", UUID.class)))
				.list();
			panels.add(new Panel(Role.DEPUTY, "workbench.duty.my-days", count, items));
		}
		if (actor.has(Role.STATION_ADMIN)) {
			String where = """
					from station_rota r join station s on s.id = r.station_id
					left join deputy d on d.id = r.deputy_id where r.day = ?""";
			long count = jdbc.sql("select count(*) " + where).param(today).query(Long.class).single();
			List<Item> items = jdbc
				.sql("select s.id, s.name, coalesce(d.name, '') deputy " + where + " order by s.name, d.name limit " + SHOWN)
				.param(today)
				.query((rs, n) -> new Item(rs.getString("name"), rs.getString("deputy"), today.toString(),
						"/stations/" + rs.getObject("id", UUID.class)))
				.list();
			panels.add(new Panel(Role.STATION_ADMIN, "workbench.duty.reception-today", count, items));
			panels.add(registeredToday(today));
		}
		return panels;
	}

	/** Opinions received today (Asia/Shanghai) at a station of the caller's region, the earliest first. */
	private Panel registeredToday(LocalDate today) {
		OffsetDateTime from = today.atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime();
		OffsetDateTime to = today.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime();
		String where = """
				from opinion o join station s on s.id = o.station_id
				where o.received_at >= ? and o.received_at < ?""";
		long count = jdbc.sql("select count(*) " + where).params(from, to).query(Long.class).single();
		List<Item> items = jdbc
			.sql("select o.id, o.tracking_code, s.name " + where + " order by o.received_at, o.id limit " + SHOWN)
			.params(from, to)
			.query((rs, n) -> new Item(rs.getString("tracking_code"), rs.getString("name"), today.toString(),
					"/opinions/" + rs.getObject("id", UUID.class)))
			.list();
		return new Panel(Role.STATION_ADMIN, "workbench.duty.registered-today", count, items);
	}
}
