package org.lianluo.deputy;

import java.util.Set;
import java.util.UUID;

/** What other modules need of a deputy: who, at which levels they hold an active seat, and where. */
public record DeputySummary(UUID id, String name, Set<Level> levels, String regionCode) {
}
