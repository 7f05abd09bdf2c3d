package org.lianluo.proposal;

/** The lead deputy's rating of a reply. */
public enum Verdict {
	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
