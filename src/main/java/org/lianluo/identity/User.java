package org.lianluo.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A stored user, without the password hash. */
public record User(UUID id, String username, String displayName, Set<Role> roles, String regionCode, UUID unitId,
		UUID deputyId, boolean enabled, Instant lockedUntil, Instant createdAt) {

	Actor toCurrentUser() {
		return new Actor(id, username, displayName, roles, regionCode, unitId, deputyId);
	}
}
