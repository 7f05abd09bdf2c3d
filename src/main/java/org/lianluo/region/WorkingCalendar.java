package org.lianluo.region;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working-day calendar: Monday to Friday, minus the State Council's holidays, plus its adjusted
 * working days (调休上班). Every deadline in Lianluo is counted here, in Asia/Shanghai.
 * <p>
 * The exceptions (a few dozen days a year) are kept in memory: every deadline, and every traffic light a page or
 * answer shows, counts working days. The copy is read again after this node changes the calendar and, for changes
 * made on another node, when it is older than {@link #REFRESH}.
 */
@Service
public class WorkingCalendar {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Duration REFRESH = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private volatile Exceptions exceptions;

	WorkingCalendar(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isWorkingDay(LocalDate day) {
		return isWorkingDay(day, exceptions(day, day));
	}

	/**
	 * The end of the working day that lies {@code workingDays} working days after the day of
	 * {@code from}; 0 means the end of that same day, or of the next working day when it is not one.
	 */
	public Instant addWorkingDays(Instant from, int workingDays) {
		return endOf(addWorkingDays(from.atZone(ZONE).toLocalDate(), workingDays));
	}

	public LocalDate addWorkingDays(LocalDate start, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("workingDays must not be negative");
		}
		return addWorkingDays(start, workingDays, exceptions(start, start.plusDays(workingDays * 3L + 40)));
	}

	static LocalDate addWorkingDays(LocalDate start, int workingDays, Map<LocalDate, Kind> exceptions) {
		LocalDate day = start;
		while (!isWorkingDay(day, exceptions)) {
			day = day.plusDays(1);
		}
		for (int left = workingDays; left > 0;) {
			day = day.plusDays(1);
			if (isWorkingDay(day, exceptions)) {
				left--;
			}
		}
		return day;
	}

	/** The last working day before {@code day}. */
	public LocalDate previousWorkingDay(LocalDate day) {
		Map<LocalDate, Kind> exceptions = exceptions(day.minusDays(40), day);
		LocalDate d = day.minusDays(1);
		while (!isWorkingDay(d, exceptions)) {
			d = d.minusDays(1);
		}
		return d;
	}

	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	/** Working days from the day after {@code from} up to and including {@code to}; 0 when to ≤ from. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return to.isAfter(from) ? workingDaysBetween(from, to, exceptions(from, to)) : 0;
	}

	static int workingDaysBetween(LocalDate from, LocalDate to, Map<LocalDate, Kind> exceptions) {
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d, exceptions)) {
				count++;
			}
		}
		return count;
	}

	public static Instant endOf(LocalDate day) {
		return day.atTime(LocalTime.MAX).atZone(ZONE).toInstant();
	}

	public List<Day> year(int year) {
		return jdbc.sql("select day, kind, name from calendar_day where extract(year from day) = ? order by day")
			.param(year)
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)), rs.getString(3)))
			.list();
	}

	@Transactional
	public void put(Day day) {
		jdbc.sql("""
				insert into calendar_day (day, kind, name, updated_at) values (?, ?, ?, now())
				on conflict (day) do update set kind = excluded.kind, name = excluded.name, updated_at = now()
				""").params(day.day(), day.kind().name(), day.name()).update();
		forgetAfterCommit();
	}

	@Transactional
	public void remove(LocalDate day) {
		jdbc.sql("delete from calendar_day where day = ?").param(day).update();
		forgetAfterCommit();
	}

	private void forgetAfterCommit() {
		exceptions = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					exceptions = null;
				}
			});
		}
	}

	/** Every exception of the calendar (the range only says what the caller looks at). */
	private Map<LocalDate, Kind> exceptions(LocalDate from, LocalDate to) {
		Exceptions e = exceptions;
		long now = System.nanoTime();
		if (e == null || now - e.readAt() > REFRESH.toNanos()) {
			Map<LocalDate, Kind> map = new HashMap<>();
			jdbc.sql("select day, kind from calendar_day").query(rs -> {
				map.put(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)));
			});
			e = new Exceptions(Map.copyOf(map), now);
			exceptions = e;
		}
		return e.days();
	}

	private record Exceptions(Map<LocalDate, Kind> days, long readAt) {
	}

	static boolean isWorkingDay(LocalDate day, Map<LocalDate, Kind> exceptions) {
		Kind kind = exceptions.get(day);
		if (kind != null) {
			return kind == Kind.WORKDAY;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** A day that differs from the Monday-to-Friday rule. */
	public enum Kind {
		HOLIDAY, WORKDAY
	}

	public record Day(LocalDate day, Kind kind, String name) {
	}
}
