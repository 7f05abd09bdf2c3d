package org.lianluo.notification.internal;

import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads done for someone else: a listener reading what an event is about (as the city's administration, whatever
 * the scope of whoever caused the event), or the digest counting what a leader's own board counts (as the leader).
 */
final class RunAs {

	/** The city's administration, seeing the whole city; it never writes anything of another module. */
	static final Actor CITY = new Actor(new UUID(0, 0), "notification", "notification",
			EnumSet.of(Role.ADMIN), "451000", null, null);

	private RunAs() {
	}

	static <T> T as(Actor user, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
