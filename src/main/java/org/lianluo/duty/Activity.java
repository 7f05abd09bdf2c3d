package org.lianluo.duty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A duty activity as registered, with its participating deputies and the counters the report reads. */
public record Activity(UUID id, ActivityType type, String title, String theme, OffsetDateTime startAt, OffsetDateTime endAt,
		String regionCode, UUID stationId, String stationName, String organiser, int votersReceived, String outcome,
		boolean mixedLevel, int disputesResolved, int peopleRelocated, int hazardsInspected, List<Participant> deputies,
		String createdBy) {

	public long signedIn() {
		return deputies.stream().filter(p -> p.attendance() == Attendance.SIGNED_IN).count();
	}

	/** A participating deputy and whether they came. */
	public record Participant(UUID deputyId, String name, Attendance attendance) {
	}
}
