package org.lianluo.opinion;

import java.time.Instant;
import java.util.UUID;

import org.lianluo.platform.Ids;
import org.lianluo.platform.casework.Note;

/**
 * One event on an opinion's timeline: who, when, from, to, note. {@code publicNote} is what a citizen may
 * read; {@code actor} (the account, or {@code system} / {@code citizen}), {@code actorName} (the person's name when
 * they acted) and {@code note} (the words a person wrote, or a short token: the supervision step, the merge) are for
 * staff only. {@code message} says what happened as a message key, naming units and people by reference.
 */
public record TimelineEntry(UUID id, UUID opinionId, Instant at, String actor, String actorName, Kind kind,
		OpinionStatus fromStatus, OpinionStatus toStatus, String note, String publicNote, Note message) {

	static TimelineEntry transition(UUID opinionId, Instant at, String actor, OpinionStatus from, OpinionStatus to,
			String note, String publicNote, Note message) {
		return new TimelineEntry(Ids.newId(), opinionId, at, actor, null, Kind.TRANSITION, from, to, note, publicNote, message);
	}

	static TimelineEntry of(UUID opinionId, Instant at, String actor, Kind kind, OpinionStatus status, String note,
			Note message) {
		return new TimelineEntry(Ids.newId(), opinionId, at, actor, null, kind, status, status, note, null, message);
	}

	/** The same entry with the person's words added after any already there ("；"). */
	TimelineEntry withWords(String words) {
		return words == null ? this : new TimelineEntry(id, opinionId, at, actor, actorName, kind, fromStatus, toStatus,
				note == null ? words : note + "；" + words, publicNote, message);
	}

	/** The same entry with the name its actor had when acting. */
	TimelineEntry byName(String name) {
		return new TimelineEntry(id, opinionId, at, actor, name, kind, fromStatus, toStatus, note, publicNote, message);
	}

	/** What happened. */
	public enum Kind {
		TRANSITION, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_DENIED, ASSISTING_VIEW, SUPERVISION, IMPLEMENTED,
		MERGED_FOLLOWER_TOLD, PHONE_FOLLOW_UP, ATTACHMENT, MERGE_NOTE, PROPOSAL_DRAFTED
	}
}
