package org.lianluo.opinion;

import java.util.EnumSet;
import java.util.Set;

/** The states of DESIGN.md's opinion loop. */
public enum OpinionStatus {
	RECEIVED, ANSWERED, MERGED, REJECTED, TO_PROPOSAL, TO_CONSULTATION, ASSIGNED, ACCEPTED, REPLIED, FED_BACK,
	REOPENED, CLOSED;

	/** The states in which a unit works against a deadline. */
	public static final Set<OpinionStatus> HANDLING = EnumSet.of(ASSIGNED, ACCEPTED, REOPENED);

	public boolean isHandling() {
		return HANDLING.contains(this);
	}
}
