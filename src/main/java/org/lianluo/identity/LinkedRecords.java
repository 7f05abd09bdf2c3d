package org.lianluo.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * The records a user can be linked to (a handling unit, a deputy), as the module that owns them tells where they
 * lie, so that a user's link is checked against the administrator's scope without identity reading their tables.
 */
public interface LinkedRecords {

	/** The user's field this kind of record fills: {@code unitId} or {@code deputyId}. */
	String field();

	/** The region of the record with this id, or empty when there is none. */
	Optional<String> regionOf(UUID id);
}
