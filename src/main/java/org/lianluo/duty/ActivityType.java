package org.lianluo.duty;

import java.util.EnumSet;
import java.util.Set;

/** 履职活动的类型 (GLOSSARY.md). */
public enum ActivityType {
	RESEARCH, INSPECTION, VISIT, RECEPTION, PUBLIC_MEETING, BRIEFING, LAW_ENFORCEMENT_CHECK, JOINT_SUPERVISION,
	COMMITTEE_ATTENDANCE, TRAINING, EMERGENCY;

	/** The types the annual report counts as thematic when held under a theme. */
	public static final Set<ActivityType> THEMATIC = EnumSet.of(VISIT, INSPECTION, BRIEFING, PUBLIC_MEETING);
}
