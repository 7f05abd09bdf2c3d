package org.lianluo.proposal;

import java.time.Instant;
import java.time.LocalDate;

import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the proposal loop on the working-day calendar. Working-day rules end at the end of the
 * N-th working day after the start; month rules end on the same date N months later, moved to the next
 * working day when that is a holiday or weekend. Supervision steps as for opinions: 1 reminder the
 * working day before, 2 overdue, 3 and 4 after 5 and 10 working days overdue.
 */
@Component
public class ProposalDeadlines {

	public static final int MAX_LEVEL = 4;

	private final WorkingCalendar calendar;

	private final ProposalProperties rules;

	ProposalDeadlines(WorkingCalendar calendar, ProposalProperties rules) {
		this.calendar = calendar;
		this.rules = rules;
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
		LocalDate day = deadline.atZone(WorkingCalendar.ZONE).toLocalDate();
		return switch (level) {
			case 1 -> WorkingCalendar.startOf(calendar.previousWorkingDay(day));
			case 2 -> deadline.plusMillis(1);
			case 3 -> WorkingCalendar.startOf(calendar.addWorkingDays(day, rules.escalateAfterWorkingDays()));
			case 4 -> WorkingCalendar.startOf(calendar.addWorkingDays(day, rules.keySupervisionAfterWorkingDays()));
			default -> throw new IllegalArgumentException("no supervision level " + level);
		};
	}

	public Instant nextStepAt(Instant deadline, int level) {
		return level >= MAX_LEVEL ? null : stepAt(deadline, level + 1);
	}
}
