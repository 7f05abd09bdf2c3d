package org.lianluo.supervision;

/** What a key supervision follows: a citizen's opinion or a deputy's proposal. */
public enum ItemType {
	OPINION, PROPOSAL
}
