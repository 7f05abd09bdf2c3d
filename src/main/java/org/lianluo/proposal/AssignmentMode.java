package org.lianluo.proposal;

/** SEPARATE: the lead unit named replies alone for its part (分办); LEAD: a lead unit with assisting units (主办 + 协办). */
public enum AssignmentMode {
	SEPARATE, LEAD
}
