package org.lianluo.opinion;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the opinion loop tells other modules. They are published while the aggregate is saved, inside its
 * transaction: a listener that writes (the notification outbox, the duty records) writes atomically with the
 * change it reports, and an {@code @ApplicationModuleListener} gets them after commit through the publication
 * registry. They carry no personal data, but enough (tracking code, kind, region) that their listeners need not
 * load the opinion again.
 */
public final class OpinionEvents {

	private OpinionEvents() {
	}

	/** {@code withPhone}: whether the citizen gave a phone number to be told by SMS. */
	public record OpinionReceived(UUID opinionId, String trackingCode, OpinionKind kind, String regionCode,
			Channel channel, Instant at, UUID stationId, Set<UUID> deputyIds, boolean withPhone) {
	}

	public record OpinionAssigned(UUID opinionId, String trackingCode, OpinionKind kind, String regionCode,
			UUID leadUnitId, Instant deadline) {
	}

	/**
	 * The citizen is to be told the result; carries no personal data, the listener reads it when it sends.
	 * {@code round} counts reopenings, so that each feedback of one opinion is a distinct event.
	 */
	public record OpinionFedBack(UUID opinionId, String trackingCode, OpinionKind kind, String regionCode, int round) {
	}

	/** An UNSATISFIED grade sent it back to the lead unit for re-handling ({@code round} counts reopenings). */
	public record OpinionReopened(UUID opinionId, String trackingCode, OpinionKind kind, String regionCode,
			UUID leadUnitId, Instant deadline, int round) {
	}

	public record OpinionClosed(UUID opinionId, String trackingCode, OpinionKind kind, String regionCode, Grade grade,
			boolean unrated) {
	}

	/**
	 * A supervision step: 1 reminder, 2 overdue (催办), 3 escalated (督办), 4 key supervision (重点督办). The
	 * deadline it was measured against tells the steps of one round from those after an extension or reopening.
	 */
	public record OpinionSupervised(UUID opinionId, String trackingCode, UUID leadUnitId, int level, String regionCode,
			Instant deadline) {
	}

	/** Any change of state after intake; the search index follows it (intake itself is {@link OpinionReceived}). */
	public record OpinionStatusChanged(UUID opinionId, OpinionStatus status) {
	}

	/** Merged into a primary in triage: the duplicate's submitter is told, and follows the primary from now on. */
	public record OpinionMerged(UUID opinionId, UUID primaryId) {
	}

	/** A merge undone: the opinion is back in triage on its own. */
	public record OpinionUnmerged(UUID opinionId, UUID primaryId) {
	}
}
