package org.lianluo.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Workbench;
import org.lianluo.region.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ADMIN's dead letters on the workbench: deliveries that failed for good (status DEAD), the oldest first, by
 * channel and template only (never the recipient), linking to the delivery list where they are retried.
 */
@Component
class DeadLetters implements Workbench {

	private final JdbcClient jdbc;

	DeadLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Panel> panels(Actor actor, LocalDate today) {
		if (!actor.has(Role.ADMIN)) {
			return List.of();
		}
		long count = jdbc.sql("select count(*) from notification_delivery where status = 'DEAD'").query(Long.class).single();
		List<Item> items = jdbc.sql("""
				select channel, template, attempts, updated_at from notification_delivery where status = 'DEAD'
				order by updated_at, id limit %d""".formatted(SHOWN))
			.query((rs, n) -> new Item(rs.getString("channel") + " · " + rs.getString("template"),
					String.valueOf(rs.getInt("attempts")), rs.getObject("updated_at", OffsetDateTime.class)
						.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate().toString(),
					"/admin/deliveries"))
			.list();
		return List.of(new Panel(Role.ADMIN, "workbench.notification.dead", count, items));
	}
}
