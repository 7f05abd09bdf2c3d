package org.lianluo.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user as every module sees it: who, which roles, and the scope that limits them. */
public record CurrentUser(UUID id, String username, String displayName, Set<Role> roles, String regionCode,
		UUID unitId, UUID deputyId) implements Serializable {

	public CurrentUser {
		roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Collection<Role> wanted) {
		return wanted.stream().anyMatch(roles::contains);
	}

	public Scope scope() {
		return new Scope(regionCode, has(Role.UNIT_HANDLER) && !has(Role.ASSESSOR) && !has(Role.ADMIN) ? unitId : null,
				has(Role.DEPUTY) && roles.size() == 1 ? deputyId : null);
	}

	public static Optional<CurrentUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
	}

	/** The caller; a request without one never reaches a staff endpoint, so its absence is a refusal. */
	public static CurrentUser get() {
		return find().orElseThrow(org.lianluo.platform.LianluoException::forbidden);
	}
}
