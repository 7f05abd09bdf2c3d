package org.lianluo.supervision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item under key supervision (重点督办): taken by a leader or a committee under a topic, with the instructions
 * (批示) written on it, the deputies invited to take part, and how it ended.
 */
public record KeySupervision(UUID id, ItemType itemType, UUID itemId, String itemTitle, String regionCode,
		UUID committeeId, String committeeName, String topic, Status status, String takenBy, Instant takenAt,
		String concludedBy, Instant concludedAt, String conclusion, List<Instruction> instructions,
		List<Participant> deputies) {

	public enum Status {
		OPEN, CONCLUDED
	}

	/** An instruction (批示) and who wrote it. */
	public record Instruction(String text, String author, String authorName, Instant at) {
	}

	/** A deputy invited to take part in the supervision. */
	public record Participant(UUID deputyId, String name, Instant invitedAt) {
	}

	public boolean invited(UUID deputyId) {
		return deputyId != null && deputies.stream().anyMatch(d -> d.deputyId().equals(deputyId));
	}
}
