package org.lianluo.supervision;

/** 专门委员会 (SPECIAL) or a standing committee's 工作委员会 (WORKING). */
public enum CommitteeKind {
	SPECIAL, WORKING
}
