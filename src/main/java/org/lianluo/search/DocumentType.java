package org.lianluo.search;

/** What the index holds. */
public enum DocumentType {
	OPINION, PROPOSAL, ACTIVITY
}
