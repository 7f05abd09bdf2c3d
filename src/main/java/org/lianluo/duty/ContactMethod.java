package org.lianluo.duty;

/** How a committee member contacted a deputy. */
public enum ContactMethod {
	VISIT, PHONE, MEETING, ONLINE
}
