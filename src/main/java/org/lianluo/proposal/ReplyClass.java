package org.lianluo.proposal;

/** A solved or basically solved; B being solved or planned; C cannot be solved now, explained; D kept for reference. */
public enum ReplyClass {
	A, B, C, D;

	/** 解决率 counts A and B. */
	public boolean solved() {
		return this == A || this == B;
	}

	/** The weakest of the classes (D weakest, A strongest): what a proposal answered by several units counts as. */
	public static ReplyClass weakest(java.util.Collection<ReplyClass> classes) {
		return classes.stream().max(java.util.Comparator.naturalOrder()).orElseThrow();
	}
}
