package org.lianluo.proposal;

import java.time.Instant;
import java.util.UUID;

/** What the proposal loop tells other modules, after commit. */
public final class ProposalEvents {

	private ProposalEvents() {
	}

	public record ProposalRegistered(UUID proposalId, UUID sessionId, int number) {
	}

	public record ProposalAssigned(UUID proposalId, UUID leadUnitId, Instant deadline) {
	}

	/**
	 * A unit replied: {@code separateUnitId} names the unit when it replied for its own part of a proposal assigned
	 * SEPARATE to several units, else null; {@code round} 0 is the first reply, 1 the reply after re-handling.
	 */
	public record ProposalReplied(UUID proposalId, UUID leadDeputyId, ReplyClass replyClass, UUID separateUnitId,
			int round) {
	}

	/**
	 * A copy of the reply for each co-signer who confirmed (抄送附议代表); {@code round} 0 is the first reply, 1 the
	 * reply after re-handling; {@code separateUnitId} as for {@link ProposalReplied}.
	 */
	public record ProposalReplyCopied(UUID proposalId, Integer number, ReplyClass replyClass, int round,
			java.util.List<UUID> cosignerDeputyIds, UUID separateUnitId) {
	}

	public record ProposalClosed(UUID proposalId, Verdict verdict) {
	}

	/**
	 * A supervision step: 0 assignment late, 1 reminder, 2 overdue (催办), 3 escalated (督办), 4 key supervision;
	 * {@code leadUnitId}: the unit whose deadline it is, a separately replying unit's for its own part.
	 */
	public record ProposalSupervised(UUID proposalId, UUID leadUnitId, int level, String regionCode) {
	}

	/** An assisting unit did not send the lead unit its view (协办意见) by {@code due}; the sweep says so once. */
	public record AssistingViewOverdue(UUID proposalId, UUID assistingUnitId, Integer number, Instant due,
			String regionCode) {
	}

	/** Any change of state after the draft; the search index follows it. */
	public record ProposalStatusChanged(UUID proposalId, ProposalStatus status) {
	}
}
