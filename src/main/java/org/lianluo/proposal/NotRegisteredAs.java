package org.lianluo.proposal;

/** What a proposal the office did not register became (DESIGN.md: 转为来信/参阅件). */
public enum NotRegisteredAs {
	/** 转为来信: handled as a letter from the public. */
	LETTER,
	/** 参阅件: kept for the units' reference. */
	REFERENCE
}
