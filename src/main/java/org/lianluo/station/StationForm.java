package org.lianluo.station;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What staff give for a station ({@code POST|PUT /api/v1/stations}, the edit screen, an import row). Enum
 * fields are text: a constant's name or its Chinese label. {@code deputyIds} is the whole roster, in order.
 * {@code upgradedOn} is the day of the station's upgrade ({@code yyyy-MM-dd}), {@code checklist} the items it was
 * upgraded against (an item may also hold several, one a line).
 */
public record StationForm(String name, String kind, List<String> partners, String regionCode,
		List<String> coRegionCodes, String address, String receptionSchedule, String openingHours, String phone,
		BigDecimal latitude, BigDecimal longitude, List<String> functions, String status, List<UUID> deputyIds,
		String upgradedOn, List<String> checklist) {

	/** Without an upgrade. */
	public StationForm(String name, String kind, List<String> partners, String regionCode, List<String> coRegionCodes,
			String address, String receptionSchedule, String openingHours, String phone, BigDecimal latitude,
			BigDecimal longitude, List<String> functions, String status, List<UUID> deputyIds) {
		this(name, kind, partners, regionCode, coRegionCodes, address, receptionSchedule, openingHours, phone, latitude,
				longitude, functions, status, deputyIds, null, null);
	}
}
