package org.lianluo.opinion;

/** The routes out of triage (研判). */
public enum TriageRoute {
	ANSWER, MERGE, REJECT, ASSIGN, TO_PROPOSAL, TO_CONSULTATION
}
