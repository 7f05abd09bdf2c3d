package org.lianluo.proposal;

/** Where a proposal stands in the loop (DESIGN.md). */
public enum ProposalStatus {
	DRAFT, SUBMITTED, WITHDRAWN, REGISTERED, NOT_REGISTERED, ASSIGNED, RETURNED, HANDLING, REPLIED, RE_HANDLING, CLOSED;

	/** A unit holds it and a reply deadline runs. */
	public boolean isHandling() {
		return this == ASSIGNED || this == HANDLING || this == RE_HANDLING;
	}

	/**
	 * Where a proposal stands by its units' parts that were not returned: ASSIGNED while every part is; HANDLING while
	 * any part is still assigned or in its first handling; else RE_HANDLING while any part re-handles; else REPLIED
	 * while any reply waits for its rating; CLOSED when every part is closed. One part: the part's own state.
	 */
	public static ProposalStatus following(java.util.Collection<ProposalStatus> parts) {
		if (parts.stream().allMatch(s -> s == ASSIGNED)) {
			return ASSIGNED;
		}
		if (parts.contains(ASSIGNED) || parts.contains(HANDLING)) {
			return HANDLING;
		}
		return parts.contains(RE_HANDLING) ? RE_HANDLING : parts.contains(REPLIED) ? REPLIED : CLOSED;
	}

	/** Registered and waiting for (re-)assignment. */
	public boolean awaitsAssignment() {
		return this == REGISTERED || this == RETURNED;
	}
}
