package org.lianluo.identity.web;

import java.time.Instant;
import java.util.Set;

import org.lianluo.identity.ApiTokens;
import org.lianluo.identity.CurrentUser;
import org.lianluo.identity.Role;
import org.lianluo.identity.SignIn;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a bearer token for a username and password. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

	private final SignIn signIn;

	private final ApiTokens tokens;

	AuthApi(SignIn signIn, ApiTokens tokens) {
		this.signIn = signIn;
		this.tokens = tokens;
	}

	@PostMapping("/token")
	TokenResponse token(@RequestBody Credentials credentials) {
		CurrentUser user = signIn.authenticate(credentials.username(), credentials.password());
		ApiTokens.Issued issued = tokens.issue(user);
		return new TokenResponse(issued.token(), issued.expiresAt(), user.roles());
	}

	record Credentials(String username, String password) {
	}

	record TokenResponse(String token, Instant expiresAt, Set<Role> roles) {
	}
}
