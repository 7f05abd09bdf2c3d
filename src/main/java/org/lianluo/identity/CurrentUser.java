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

	public static Optional<CurrentUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
	}

	/** The caller; a request without one never reaches a staff endpoint, so its absence is a refusal. */
	public static CurrentUser get() {
		return find().orElseThrow(org.lianluo.platform.LianluoException::forbidden);
	}
}
