package org.lianluo.proposal;

import java.time.Instant;
import java.util.UUID;

import org.lianluo.platform.Ids;

/** One event on a proposal's timeline: who, when, from, to, note, and which unit's part when it is about one. */
public record ProposalTimelineEntry(UUID id, UUID proposalId, Instant at, String actor, Kind kind,
		ProposalStatus fromStatus, ProposalStatus toStatus, String note, UUID unitId) {

	/** {@code unitId}: the separately replying unit the entry is about, null for the proposal as a whole. */
	static ProposalTimelineEntry of(UUID proposalId, Instant at, String actor, Kind kind, ProposalStatus from,
			ProposalStatus to, String note, UUID unitId) {
		return new ProposalTimelineEntry(Ids.newId(), proposalId, at, actor, kind, from, to, note, unitId);
	}

	/** What happened. */
	public enum Kind {
		TRANSITION, COSIGN_CONFIRMED, COSIGN_DECLINED, CONTACT, EXTENSION_REQUESTED, EXTENSION_APPROVED,
		EXTENSION_DENIED, SUPERVISION, ASSIGNMENT_LATE, KEY_SUPERVISION, FOLLOW_UP, EXTENSION_NOTICE, REPLY_DOCUMENT,
		ASSISTING_VIEW, ASSISTING_VIEW_LATE, UNIT_TRANSITION
	}
}
