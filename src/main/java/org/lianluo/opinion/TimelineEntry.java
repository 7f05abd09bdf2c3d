package org.lianluo.opinion;

import java.time.Instant;
import java.util.UUID;

import org.lianluo.platform.Ids;

/**
 * One event on an opinion's timeline: who, when, from, to, note. {@code publicNote} is what a citizen may
 * read; {@code actor} and {@code note} are for staff only.
 */
public record TimelineEntry(UUID id, UUID opinionId, Instant at, String actor, Kind kind, OpinionStatus fromStatus,
		OpinionStatus toStatus, String note, String publicNote) {

	static TimelineEntry transition(UUID opinionId, Instant at, String actor, OpinionStatus from, OpinionStatus to,
			String note, String publicNote) {
		return new TimelineEntry(Ids.newId(), opinionId, at, actor, Kind.TRANSITION, from, to, note, publicNote);
	}

	/** What happened. */
	public enum Kind {
		TRANSITION, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_DENIED, ASSISTING_VIEW, SUPERVISION, IMPLEMENTED,
		MERGED_FOLLOWER_TOLD, PHONE_FOLLOW_UP, ATTACHMENT, MERGE_NOTE, PROPOSAL_DRAFTED
	}
}
