package org.lianluo.duty;

/** Whether a participating deputy came: signed in, excused in advance, or absent. */
public enum Attendance {
	SIGNED_IN, EXCUSED, ABSENT
}
