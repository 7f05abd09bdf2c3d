package org.lianluo.platform.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The working-day calendar as the ladder needs it; the region module's calendar is handed in by each loop
 * ({@code WorkingDays.of(calendar::previousWorkingDay, calendar::addWorkingDays, WorkingCalendar.ZONE)}).
 */
public interface WorkingDays {

	ZoneId zone();

	/** The last working day before {@code day}. */
	LocalDate previousWorkingDay(LocalDate day);

	/** The working day {@code workingDays} working days after {@code start} (0: start, or the next working day). */
	LocalDate addWorkingDays(LocalDate start, int workingDays);

	default LocalDate dayOf(Instant instant) {
		return instant.atZone(zone()).toLocalDate();
	}

	default Instant startOf(LocalDate day) {
		return day.atStartOfDay(zone()).toInstant();
	}

	default Instant endOf(LocalDate day) {
		return day.atTime(LocalTime.MAX).atZone(zone()).toInstant();
	}

	static WorkingDays of(java.util.function.UnaryOperator<LocalDate> previous,
			java.util.function.BiFunction<LocalDate, Integer, LocalDate> add, ZoneId zone) {
		return new WorkingDays() {

			@Override
			public ZoneId zone() {
				return zone;
			}

			@Override
			public LocalDate previousWorkingDay(LocalDate day) {
				return previous.apply(day);
			}

			@Override
			public LocalDate addWorkingDays(LocalDate start, int workingDays) {
				return add.apply(start, workingDays);
			}
		};
	}
}
