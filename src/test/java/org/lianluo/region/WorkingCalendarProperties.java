package org.lianluo.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.lianluo.region.WorkingCalendar.Kind;

/** Over the State Council's schedules for 2025 and 2026: every deadline is a working day, and counts back. */
class WorkingCalendarProperties {

	private static final Map<LocalDate, Kind> SCHEDULE = load();

	@Property(tries = 2000)
	void everyDeadlineFallsOnAWorkingDay(@ForAll @IntRange(min = 0, max = 600) int dayOfPeriod,
			@ForAll @IntRange(min = 0, max = 30) int workingDays) {
		LocalDate start = LocalDate.of(2025, 1, 1).plusDays(dayOfPeriod);
		LocalDate deadline = WorkingCalendar.addWorkingDays(start, workingDays, SCHEDULE);
		assertThat(WorkingCalendar.isWorkingDay(deadline, SCHEDULE)).isTrue();
		assertThat(deadline).isAfterOrEqualTo(start);
		assertThat(WorkingCalendar.workingDaysBetween(start, deadline, SCHEDULE))
			.isEqualTo(WorkingCalendar.isWorkingDay(start, SCHEDULE) ? workingDays : workingDays + 1);
	}

	@Property(tries = 500)
	void noHolidayIsAWorkingDayAndNoAdjustedDayIsOff(@ForAll @IntRange(min = 0, max = 729) int offset) {
		LocalDate day = LocalDate.of(2025, 1, 1).plusDays(offset);
		Kind kind = SCHEDULE.get(day);
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		boolean expected = kind == null ? !weekend : kind == Kind.WORKDAY;
		assertThat(WorkingCalendar.isWorkingDay(day, SCHEDULE)).isEqualTo(expected);
	}

	private static Map<LocalDate, Kind> load() {
		Map<LocalDate, Kind> map = new HashMap<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(
				WorkingCalendarProperties.class.getResourceAsStream("/data/holidays-cn.csv"), StandardCharsets.UTF_8))) {
			r.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(","))
				.forEach(f -> map.put(LocalDate.parse(f[0]), Kind.valueOf(f[1])));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return map;
	}
}
