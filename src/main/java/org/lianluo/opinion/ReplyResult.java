package org.lianluo.opinion;

/** A unit's reply: solved, planned, or explained why not. */
public enum ReplyResult {
	RESOLVED, PLANNED, EXPLAINED
}
