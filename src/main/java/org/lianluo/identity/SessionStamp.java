package org.lianluo.identity;

import java.io.IOException;
import java.io.Serializable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The user's security version a screen session was signed in under. On every request the session's version is
 * compared with the one in PostgreSQL; once the user is disabled, or their roles, region, links or password have
 * changed, they differ and the session ends, on whichever node it lives.
 */
record SessionStamp(long version) implements Serializable {

	/** Ends the screen session of a user whose stamp has moved on; the request goes on as nobody's. */
	static final class Check extends OncePerRequestFilter {

		private final Users users;

		Check(Users users) {
			this.users = users;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof Actor user && !current(user, auth.getDetails())) {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
			}
			chain.doFilter(request, response);
		}

		private boolean current(Actor user, Object details) {
			return details instanceof SessionStamp stamp
					&& users.securityVersion(user.id()).map(v -> v == stamp.version()).orElse(false);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
					|| path.startsWith("/fonts/") || path.startsWith("/webjars/");
		}
	}
}
