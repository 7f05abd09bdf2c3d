package org.lianluo.proposal;

import java.time.Instant;
import java.time.LocalDate;

import org.lianluo.platform.casework.SupervisionLadder;
import org.lianluo.platform.casework.WorkingDays;
import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the proposal loop on the working-day calendar. Working-day rules end at the end of the
 * N-th working day after the start; month rules end on the same date N months later, moved to the next
 * working day when that is a holiday or weekend. Supervision climbs the ladder both loops share
 * ({@link SupervisionLadder}): 1 reminder the working day before, 2 overdue, 3 and 4 after 5 and 10 working days overdue.
 */
@Component
public class ProposalDeadlines {

	public static final int MAX_LEVEL = SupervisionLadder.MAX_LEVEL;

	private final WorkingCalendar calendar;

	private final ProposalProperties rules;

	private final SupervisionLadder ladder;

	ProposalDeadlines(WorkingCalendar calendar, ProposalProperties rules) {
		this.calendar = calendar;
		this.rules = rules;
		this.ladder = new SupervisionLadder(WorkingDays.of(calendar::previousWorkingDay, calendar::addWorkingDays,
				WorkingCalendar.ZONE), rules.escalateAfterWorkingDays(), rules.keySupervisionAfterWorkingDays());
	}

	/** By when a proposal made between sessions must be assigned. */
	public Instant assignmentDue(Instant registeredAt) {
		return calendar.addWorkingDays(registeredAt, rules.assignmentWorkingDays());
	}

	/** Until when a wrongly assigned unit may return it. */
	public Instant returnWindowEnd(Instant assignedAt) {
		return calendar.addWorkingDays(assignedAt, rules.returnWorkingDays());
	}

	public Instant reply(Instant assignedAt) {
		return months(assignedAt, rules.replyMonths());
	}

	/** By when an assisting unit sends the lead unit its view (协办意见). */
	public Instant assistingView(Instant assignedAt) {
		return months(assignedAt, rules.assistingViewMonths());
	}

	public Instant rehandling(Instant ratedAt) {
		return months(ratedAt, rules.rehandlingMonths());
	}

	public Instant extend(Instant deadline, int months) {
		return months(deadline, months);
	}

	private Instant months(Instant from, int months) {
		LocalDate day = from.atZone(WorkingCalendar.ZONE).toLocalDate().plusMonths(months);
		return WorkingCalendar.endOf(calendar.addWorkingDays(day, 0));
	}

	/** When supervision step {@code level} (1–4) falls due for this deadline. */
	public Instant stepAt(Instant deadline, int level) {
		return ladder.stepAt(deadline, level);
	}

	/** The ladder the proposal loop climbs (督办), the opinion loop's, on the region's working-day calendar. */
	public SupervisionLadder ladder() {
		return ladder;
	}
}
