package org.lianluo.opinion;

import java.time.Instant;
import java.util.UUID;

/** What the opinion loop tells other modules, after commit. */
public final class OpinionEvents {

	private OpinionEvents() {
	}

	public record OpinionReceived(UUID opinionId, String regionCode, Channel channel, Instant at) {
	}

	public record OpinionAssigned(UUID opinionId, UUID leadUnitId, Instant deadline) {
	}

	/**
	 * The citizen is to be told the result; carries no personal data, the listener reads it when it sends.
	 * {@code round} counts reopenings, so that each feedback of one opinion is a distinct event.
	 */
	public record OpinionFedBack(UUID opinionId, String trackingCode, int round) {
	}

	/** An UNSATISFIED grade sent it back to the lead unit for re-handling ({@code round} counts reopenings). */
	public record OpinionReopened(UUID opinionId, UUID leadUnitId, Instant deadline, int round) {
	}

	public record OpinionClosed(UUID opinionId, Grade grade, boolean unrated) {
	}

	/**
	 * A supervision step: 1 reminder, 2 overdue (催办), 3 escalated (督办), 4 key supervision (重点督办). The
	 * deadline it was measured against tells the steps of one round from those after an extension or reopening.
	 */
	public record OpinionSupervised(UUID opinionId, UUID leadUnitId, int level, String regionCode, Instant deadline) {
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
