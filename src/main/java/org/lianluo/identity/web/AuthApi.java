package org.lianluo.identity.web;

import java.time.Instant;
import java.util.Set;

import org.lianluo.identity.ApiTokens;
import org.lianluo.identity.AuditLog;
import org.lianluo.identity.AuditLog.Action;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.SignIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/token}: a bearer token for a username and password; {@code DELETE /api/v1/auth/token}:
 * the caller's own token ends (204), so that a kiosk or a script signs out.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

	private final SignIn signIn;

	private final ApiTokens tokens;

	private final AuditLog audit;

	AuthApi(SignIn signIn, ApiTokens tokens, AuditLog audit) {
		this.signIn = signIn;
		this.tokens = tokens;
		this.audit = audit;
	}

	@PostMapping("/token")
	TokenResponse token(@RequestBody Credentials credentials) {
		Actor user = signIn.authenticate(credentials.username(), credentials.password());
		ApiTokens.Issued issued = tokens.issue(user);
		return new TokenResponse(issued.token(), issued.expiresAt(), user.roles());
	}

	@DeleteMapping("/token")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		tokens.revoke(authorization.substring(7).trim());
		audit.record(Action.TOKEN_REVOKED, Actor.current().username(), null);
	}

	record Credentials(String username, String password) {
	}

	record TokenResponse(String token, Instant expiresAt, Set<Role> roles) {
	}
}
