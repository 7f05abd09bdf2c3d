package org.lianluo.duty;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A deputy's duty calendar: a month as weeks from Monday to Sunday, each day with the activities they were invited
 * to (receptions among them) and their contacts with committee members, in Asia/Shanghai.
 */
@Service
public class DutyCalendar {

	private final JdbcClient jdbc;

	private final Deputies deputies;

	DutyCalendar(JdbcClient jdbc, Deputies deputies) {
		this.jdbc = jdbc;
		this.deputies = deputies;
	}

	/** The month of a deputy the caller may see, else not found. */
	public Month of(UUID deputyId, YearMonth month) {
		deputies.get(deputyId);
		OffsetDateTime start = month.atDay(1).atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime();
		OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime();
		List<Item> items = new ArrayList<>(jdbc.sql("""
				select a.id, a.type, a.title, a.start_at, p.attendance from duty_activity a
				join duty_activity_deputy p on p.activity_id = a.id
				where p.deputy_id = ? and a.start_at >= ? and a.start_at < ?""")
			.params(deputyId, start, end)
			.query((rs, n) -> new Item(rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(DutyStatistics.ZONE).toOffsetDateTime(),
					rs.getString(2).equals("RECEPTION") ? Kind.RECEPTION : Kind.ACTIVITY, ActivityType.valueOf(rs.getString(2)),
					rs.getString(3), rs.getObject(1, UUID.class), Attendance.valueOf(rs.getString(5)), null))
			.list());
		List<Object[]> contacts = jdbc.sql("""
				select at, method, case when member_id = ? then deputy_id else member_id end from duty_contact
				where (member_id = ? or deputy_id = ?) and at >= ? and at < ?""")
			.params(deputyId, deputyId, deputyId, start, end)
			.query((rs, n) -> new Object[] { rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getObject(3, UUID.class) })
			.list();
		Map<UUID, String> names = deputies.findAll(contacts.stream().map(c -> (UUID) c[2]).distinct().toList()).stream()
			.collect(Collectors.toMap(DeputySummary::id, DeputySummary::name));
		contacts.forEach(c -> items.add(new Item(((OffsetDateTime) c[0]).atZoneSameInstant(DutyStatistics.ZONE).toOffsetDateTime(),
				Kind.CONTACT, null, names.getOrDefault((UUID) c[2], ""), null, null, ContactMethod.valueOf((String) c[1]))));
		Map<LocalDate, List<Item>> byDay = new HashMap<>();
		items.stream().sorted(Comparator.comparing(Item::at))
			.forEach(i -> byDay.computeIfAbsent(i.at().toLocalDate(), k -> new ArrayList<>()).add(i));
		List<List<Day>> weeks = new ArrayList<>();
		LocalDate day = month.atDay(1).with(DayOfWeek.MONDAY);
		while (!day.isAfter(month.atEndOfMonth())) {
			List<Day> week = new ArrayList<>();
			for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
				week.add(new Day(day, YearMonth.from(day).equals(month), byDay.getOrDefault(day, List.of())));
			}
			weeks.add(week);
		}
		return new Month(month, month.minusMonths(1), month.plusMonths(1), weeks, items.size());
	}

	public enum Kind {
		ACTIVITY, RECEPTION, CONTACT
	}

	/** One thing on a day: an activity (with its type and the deputy's attendance) or a contact (with whom, how). */
	public record Item(OffsetDateTime at, Kind kind, ActivityType type, String title, UUID activityId, Attendance attendance,
			ContactMethod method) {
	}

	public record Day(LocalDate date, boolean inMonth, List<Item> items) {
	}

	public record Month(YearMonth month, YearMonth previous, YearMonth next, List<List<Day>> weeks, int total) {
	}
}
