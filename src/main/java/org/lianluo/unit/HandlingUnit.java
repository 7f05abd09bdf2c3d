package org.lianluo.unit;

import java.util.UUID;

/** A handling unit (承办单位). */
public record HandlingUnit(UUID id, String name, String regionCode, Kind kind, UUID parentId, String contactName) {

	/** What kind of body it is. */
	public enum Kind {
		GOVERNMENT_DEPARTMENT, TOWNSHIP_GOVERNMENT, COURT, PROCURATORATE, CONGRESS_OFFICE, OTHER
	}
}
