package org.lianluo.proposal;

/** How the unit met the deputy before replying: 面商, phone, meeting, inspection together. */
public enum ContactMethod {
	FACE_TO_FACE, PHONE, MEETING, INSPECTION;

	/** 见面沟通率 counts contacts in person. */
	public boolean inPerson() {
		return this != PHONE;
	}
}
