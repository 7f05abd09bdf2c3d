package org.lianluo.proposal;

/** Where a proposal stands in the loop (DESIGN.md). */
public enum ProposalStatus {
	DRAFT, SUBMITTED, WITHDRAWN, REGISTERED, NOT_REGISTERED, ASSIGNED, RETURNED, HANDLING, REPLIED, RE_HANDLING, CLOSED;

	/** A unit holds it and a reply deadline runs. */
	public boolean isHandling() {
		return this == ASSIGNED || this == HANDLING || this == RE_HANDLING;
	}

	/** Registered and waiting for (re-)assignment. */
	public boolean awaitsAssignment() {
		return this == REGISTERED || this == RETURNED;
	}
}
