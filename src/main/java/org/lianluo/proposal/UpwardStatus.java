package org.lianluo.proposal;

/** Where a delegation's proposal stands at the higher congress, as the office learns it. */
public enum UpwardStatus {
	/** 已提交 */
	SUBMITTED,
	/** 已立案 */
	REGISTERED,
	/** 不予立案（转为参阅件等） */
	NOT_REGISTERED,
	/** 已交办 */
	ASSIGNED,
	/** 已答复 */
	ANSWERED
}
