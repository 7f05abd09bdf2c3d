package org.lianluo.station;

import java.util.UUID;

/** What other modules need of a station. */
public record StationSummary(UUID id, String name, String regionCode) {
}
