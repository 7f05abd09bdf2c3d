package org.lianluo.opinion;

import java.time.Instant;
import java.time.LocalDate;

import org.lianluo.platform.casework.SupervisionLadder;
import org.lianluo.platform.casework.WorkingDays;
import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the opinion loop on the working-day calendar, by kind (DESIGN.md), and the shared
 * {@link SupervisionLadder} its supervision climbs: 1 a reminder the working day before, 2 overdue (催办),
 * 3 escalated (督办) and 4 key supervision (重点督办) after 5 and 10 working days overdue (configurable).
 */
@Component
public class Deadlines {

	public static final int MAX_LEVEL = SupervisionLadder.MAX_LEVEL;

	private final WorkingCalendar calendar;

	private final OpinionProperties rules;

	private final SupervisionLadder ladder;

	Deadlines(WorkingCalendar calendar, OpinionProperties rules) {
		this.calendar = calendar;
		this.rules = rules;
		this.ladder = new SupervisionLadder(WorkingDays.of(calendar::previousWorkingDay, calendar::addWorkingDays,
				WorkingCalendar.ZONE), rules.escalateAfterWorkingDays(), rules.keySupervisionAfterWorkingDays());
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
		return ladder.stepAt(deadline, level);
	}

	/** The ladder the opinion loop climbs (督办), on the region's working-day calendar. */
	public SupervisionLadder ladder() {
		return ladder;
	}

	public Instant endOfNextWorkingDay(Instant now) {
		return calendar.addWorkingDays(now, 1);
	}

	public int ratingDays() {
		return rules.ratingDays();
	}
}
