package org.lianluo.opinion;

/** The citizen's evaluation of a reply. */
public enum Grade {
	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
