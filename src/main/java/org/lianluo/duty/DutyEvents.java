package org.lianluo.duty;

import java.util.UUID;

/** What the duty module tells other modules; published inside the transaction of the change or check. */
public final class DutyEvents {

	private DutyEvents() {
	}

	/**
	 * A planned pair of the contact plan (联系清单) is behind: by {@code on} the committee member should have made
	 * {@code expected} of the year's {@code target} contacts with the deputy, and made {@code contacts}. Published
	 * by the daily check; {@code expected} grows through the year, so each step is a distinct event.
	 */
	public record ContactPlanBehind(int year, UUID memberId, String memberName, UUID deputyId, String deputyName,
			int target, int contacts, int expected, String regionCode) {
	}

	/** An activity was recorded (the search index takes it in). */
	public record ActivityRecorded(UUID activityId) {
	}
}
