package org.lianluo.proposal;

import java.time.Instant;
import java.util.UUID;

import org.lianluo.platform.Ids;

/** One event on a proposal's timeline: who, when, from, to, note. */
public record ProposalTimelineEntry(UUID id, UUID proposalId, Instant at, String actor, Kind kind,
		ProposalStatus fromStatus, ProposalStatus toStatus, String note) {

	static ProposalTimelineEntry of(UUID proposalId, Instant at, String actor, Kind kind, ProposalStatus from,
			ProposalStatus to, String note) {
		return new ProposalTimelineEntry(Ids.newId(), proposalId, at, actor, kind, from, to, note);
	}

	/** What happened. */
	public enum Kind {
		TRANSITION, COSIGN_CONFIRMED, COSIGN_DECLINED, CONTACT, EXTENSION_REQUESTED, EXTENSION_APPROVED,
		EXTENSION_DENIED, SUPERVISION, ASSIGNMENT_LATE, KEY_SUPERVISION, FOLLOW_UP, EXTENSION_NOTICE, REPLY_DOCUMENT,
		ASSISTING_VIEW, ASSISTING_VIEW_LATE
	}
}
