package org.lianluo.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lianluo.platform.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in an API request that carries {@code Authorization: Bearer <token>}; a bad token is a 401 problem. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final ProblemResponses problems;

	BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Actor user = tokens.resolve(header.substring(7).trim()).orElse(null);
		if (user == null) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "signin.bad-token");
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(authentication(user));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static UsernamePasswordAuthenticationToken authentication(Actor user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
	}
}
