package org.lianluo.identity;

/** The roles of DESIGN.md. */
public enum Role {
	CITIZEN, DEPUTY, STATION_ADMIN, ASSESSOR, UNIT_HANDLER, LEADER, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}
}
