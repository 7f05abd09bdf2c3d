package org.lianluo.opinion;

/** What the citizen asks for; it sets the deadline. */
public enum OpinionKind {
	SUGGESTION, COMPLAINT, INQUIRY, HELP, URGENT
}
