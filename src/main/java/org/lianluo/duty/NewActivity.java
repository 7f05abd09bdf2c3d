package org.lianluo.duty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An activity as handed in (API.md's body), plus what API.md leaves open: the organiser, attendance of
 * deputies who did not sign in (absent ones default to signed in), the report's counters, and what voters said
 * during it ({@code opinions}: each text becomes a new opinion of the opinion loop, received by the participating
 * deputies, on the channel of the activity's type). {@code stationIds} names the stations of an activity held by several
 * together ({@code stationId}, if given too, is the first), {@code memberIds} the station members who took part beside
 * the deputies.
 */
public record NewActivity(String type, String title, OffsetDateTime startAt, OffsetDateTime endAt, String regionCode,
		UUID stationId, List<UUID> deputyIds, Integer votersReceived, String theme, String outcome, Boolean mixedLevel,
		String organiser, Map<UUID, String> attendance, Integer disputesResolved, Integer peopleRelocated,
		Integer hazardsInspected, List<String> opinions, List<UUID> stationIds, List<UUID> memberIds) {

	/** At one station or none, with deputies only. */
	public NewActivity(String type, String title, OffsetDateTime startAt, OffsetDateTime endAt, String regionCode,
			UUID stationId, List<UUID> deputyIds, Integer votersReceived, String theme, String outcome, Boolean mixedLevel,
			String organiser, Map<UUID, String> attendance, Integer disputesResolved, Integer peopleRelocated,
			Integer hazardsInspected, List<String> opinions) {
		this(type, title, startAt, endAt, regionCode, stationId, deputyIds, votersReceived, theme, outcome, mixedLevel,
				organiser, attendance, disputesResolved, peopleRelocated, hazardsInspected, opinions, null, null);
	}

	/** Without opinions collected. */
	public NewActivity(String type, String title, OffsetDateTime startAt, OffsetDateTime endAt, String regionCode,
			UUID stationId, List<UUID> deputyIds, Integer votersReceived, String theme, String outcome, Boolean mixedLevel,
			String organiser, Map<UUID, String> attendance, Integer disputesResolved, Integer peopleRelocated,
			Integer hazardsInspected) {
		this(type, title, startAt, endAt, regionCode, stationId, deputyIds, votersReceived, theme, outcome, mixedLevel,
				organiser, attendance, disputesResolved, peopleRelocated, hazardsInspected, null);
	}
}
