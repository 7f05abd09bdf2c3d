package org.lianluo.opinion;

import java.time.Instant;
import java.time.LocalDate;

import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Deadlines and supervision times on the working-day calendar. Supervision has four steps: 1 a reminder
 * at the start of the working day before the deadline's day, 2 overdue (催办) once the deadline has
 * passed, 3 escalated to the office head (督办) and 4 key supervision (重点督办) after 5 and 10
 * working days overdue.
 */
@Component
public class Deadlines {

	public static final int MAX_LEVEL = 4;

	private final WorkingCalendar calendar;

	private final OpinionProperties rules;

	Deadlines(WorkingCalendar calendar, OpinionProperties rules) {
		this.calendar = calendar;
		this.rules = rules;
	}

	public Instant forKind(OpinionKind kind, Instant assignedAt) {
		return calendar.addWorkingDays(assignedAt, rules.deadlineFor(kind));
	}

	public Instant returnWindowEnd(Instant assignedAt) {
		return calendar.addWorkingDays(assignedAt, rules.returnWorkingDays());
	}

	public Instant extend(Instant deadline, int workingDays) {
		return calendar.addWorkingDays(deadline, workingDays);
	}

	/** Re-handling after an UNSATISFIED grade: a month, ending on a working day. */
	public Instant reopened(Instant now) {
		LocalDate day = now.atZone(WorkingCalendar.ZONE).toLocalDate().plusMonths(rules.reopenMonths());
		return WorkingCalendar.endOf(calendar.addWorkingDays(day, 0));
	}

	/** When supervision step {@code level} (1–4) falls due for this deadline. */
	public Instant stepAt(Instant deadline, int level) {
		LocalDate day = deadline.atZone(WorkingCalendar.ZONE).toLocalDate();
		return switch (level) {
			case 1 -> WorkingCalendar.startOf(calendar.previousWorkingDay(day));
			case 2 -> deadline.plusMillis(1);
			case 3 -> WorkingCalendar.startOf(calendar.addWorkingDays(day, rules.escalateAfterWorkingDays()));
			case 4 -> WorkingCalendar.startOf(calendar.addWorkingDays(day, rules.keySupervisionAfterWorkingDays()));
			default -> throw new IllegalArgumentException("no supervision level " + level);
		};
	}

	/** The next step after {@code level}, or null after the last. */
	public Instant nextStepAt(Instant deadline, int level) {
		return level >= MAX_LEVEL ? null : stepAt(deadline, level + 1);
	}

	public Instant endOfNextWorkingDay(Instant now) {
		return calendar.addWorkingDays(now, 1);
	}

	public int ratingDays() {
		return rules.ratingDays();
	}
}
