package org.lianluo.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who performs a command, as every module sees them: who, which roles, and the scope that limits them. The web
 * layer takes the signed-in user's from the security context ({@link #current()}) and hands it to the handlers;
 * no handler reads it from a thread.
 */
public record Actor(UUID id, String username, String displayName, Set<Role> roles, String regionCode,
		UUID unitId, UUID deputyId) implements Serializable {

	public Actor {
		roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Collection<Role> wanted) {
		return wanted.stream().anyMatch(roles::contains);
	}

	/**
	 * The region, narrowed for a unit handler to their unit and for a deputy to themselves. Narrowing fails closed:
	 * a handler or deputy without its link, and an account with no staff role, get {@link #NO_LINK}, which no
	 * record carries, so they see nothing rather than the whole region.
	 */
	public Scope scope() {
		Set<Role> staff = EnumSet.copyOf(roles);
		staff.remove(Role.CITIZEN);
		boolean none = staff.isEmpty();
		boolean unitOnly = has(Role.UNIT_HANDLER) && !has(Role.ASSESSOR) && !has(Role.ADMIN);
		boolean deputyOnly = staff.equals(EnumSet.of(Role.DEPUTY));
		return new Scope(regionCode, none ? NO_LINK : unitOnly ? linkOrNone(unitId) : null,
				none ? NO_LINK : deputyOnly ? linkOrNone(deputyId) : null);
	}

	/** The unit or deputy of nobody: what a narrowed scope holds when the user's link is missing. */
	public static final UUID NO_LINK = new UUID(0, 0);

	private static UUID linkOrNone(UUID link) {
		return link == null ? NO_LINK : link;
	}

	public static Optional<Actor> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Actor user ? Optional.of(user) : Optional.empty();
	}

	/** This actor, when they hold {@code role}; a refusal otherwise. */
	public Actor require(Role role) {
		if (!has(role)) {
			throw org.lianluo.platform.LianluoException.forbidden();
		}
		return this;
	}

	/** The caller; a request without one never reaches a staff endpoint, so its absence is a refusal. */
	public static Actor current() {
		return find().orElseThrow(org.lianluo.platform.LianluoException::forbidden);
	}
}
