package org.lianluo.platform.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The supervision ladder (督办) both loops climb, on working days: 1 a reminder at the start of the working day
 * before the deadline's day, 2 overdue (催办) once the deadline has passed, 3 escalated to the office head (督办)
 * and 4 key supervision by a leader (重点督办) after {@code escalateAfter} and {@code keySupervisionAfter} working
 * days overdue (DESIGN.md: 5 and 10).
 */
public record SupervisionLadder(WorkingDays days, int escalateAfter, int keySupervisionAfter) {

	public static final int REMINDER = 1;

	public static final int OVERDUE = 2;

	public static final int ESCALATED = 3;

	public static final int KEY_SUPERVISION = 4;

	public static final int MAX_LEVEL = KEY_SUPERVISION;

	public SupervisionLadder {
		if (escalateAfter < 1 || keySupervisionAfter <= escalateAfter) {
			throw new IllegalArgumentException("escalation must come after the deadline, key supervision after it");
		}
	}

	/** When step {@code level} (1–4) falls due for this deadline. */
	public Instant stepAt(Instant deadline, int level) {
		LocalDate day = days.dayOf(deadline);
		return switch (level) {
			case REMINDER -> days.startOf(days.previousWorkingDay(day));
			case OVERDUE -> deadline.plusMillis(1);
			case ESCALATED -> days.startOf(days.addWorkingDays(day, escalateAfter));
			case KEY_SUPERVISION -> days.startOf(days.addWorkingDays(day, keySupervisionAfter));
			default -> throw new IllegalArgumentException("no supervision level " + level);
		};
	}

	/** The first step of a new deadline. */
	public Instant firstStep(Instant deadline) {
		return stepAt(deadline, REMINDER);
	}

	/** The step after {@code level}, or null after the last. */
	public Instant nextStepAt(Instant deadline, int level) {
		return level >= MAX_LEVEL ? null : stepAt(deadline, level + 1);
	}

	/** Takes every step of {@code item} due by {@code now}, in order; answers how many it took. */
	public int climb(Supervised item, Instant now) {
		int steps = 0;
		while (item.underSupervision() && item.nextSupervisionAt() != null && !item.nextSupervisionAt().isAfter(now)
				&& item.supervisionLevel() < MAX_LEVEL) {
			int level = item.supervisionLevel() + 1;
			if (!item.supervise(level, nextStepAt(item.supervisionDeadline(), level), now)) {
				break;
			}
			steps++;
		}
		return steps;
	}
}
