package org.lianluo.search.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lianluo.search.DocumentType;

/** One row of the index, as the loops' records give it: no names, phones or ID numbers. */
public record IndexedDocument(DocumentType type, UUID id, String regionCode, UUID stationId, String category,
		String status, boolean closed, Instant at, List<UUID> parties, String title, String body, String reply) {
}
