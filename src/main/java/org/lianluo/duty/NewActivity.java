package org.lianluo.duty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An activity as handed in (API.md's body), plus what API.md leaves open: the organiser, attendance of
 * deputies who did not sign in (absent ones default to signed in), and the report's counters.
 */
public record NewActivity(String type, String title, OffsetDateTime startAt, OffsetDateTime endAt, String regionCode,
		UUID stationId, List<UUID> deputyIds, Integer votersReceived, String theme, String outcome, Boolean mixedLevel,
		String organiser, Map<UUID, String> attendance, Integer disputesResolved, Integer peopleRelocated,
		Integer hazardsInspected) {
}
