package org.lianluo.identity;

import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lianluo.region.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ADMIN's own panels on the workbench: the users of my region (the locked or disabled accounts listed, the longest
 * locked first) and the working calendar's coverage of this year and the next, with a warning from November on
 * when next year has no day recorded (deadlines would then count every weekday as a working day).
 */
@Component
class AdminQueues implements Workbench {

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	AdminQueues(JdbcClient jdbc, WorkingCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	@Override
	public List<Panel> panels(Actor actor, LocalDate today) {
		if (!actor.has(Role.ADMIN)) {
			return List.of();
		}
		long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
		List<Item> blocked = jdbc.sql("""
				select id, username, display_name, enabled, coalesce(locked_until, updated_at) at from app_user
				where not enabled or locked_until > now() order by coalesce(locked_until, updated_at), id limit %d""".formatted(SHOWN))
			.query((rs, n) -> new Item(rs.getString("display_name") + "（" + rs.getString("username") + "）",
					rs.getBoolean("enabled") ? "已锁定" : "已停用",
					rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate().toString(),
					"/admin/users/" + rs.getObject("id", UUID.class)))
			.list();
		int year = today.getYear();
		List<Item> years = List.of(year, year + 1).stream().map(y -> {
			int days = calendar.year(y).size();
			return new Item(y + "年", days == 0 ? "未登记" : "已登记 " + days + " 天", "", "/admin/calendar?year=" + y);
		}).toList();
		boolean missing = today.getMonth().compareTo(Month.NOVEMBER) >= 0 && calendar.year(year + 1).isEmpty();
		long covered = List.of(year, year + 1).stream().filter(y -> !calendar.year(y).isEmpty()).count();
		return List.of(new Panel(Role.ADMIN, "workbench.identity.users", users, blocked),
				new Panel(Role.ADMIN, "workbench.region.calendar", covered, years,
						missing ? "workbench.region.calendar.missing" : null));
	}
}
