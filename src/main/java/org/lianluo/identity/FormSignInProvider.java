package org.lianluo.identity;

import org.lianluo.platform.LianluoException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The sign-in form's check, through {@link SignIn} so that lockout and audit are the API's too. */
@Component
class FormSignInProvider implements AuthenticationProvider {

	private final SignIn signIn;

	private final Users users;

	FormSignInProvider(SignIn signIn, Users users) {
		this.signIn = signIn;
		this.users = users;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		try {
			Actor user = signIn.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()));
			UsernamePasswordAuthenticationToken signedIn = BearerTokenFilter.authentication(user);
			// the session lives while the user's stamp stays what it was at sign-in (SessionStamp.Check)
			signedIn.setDetails(new SessionStamp(users.securityVersion(user.id()).orElse(-1L)));
			return signedIn;
		}
		catch (LianluoException ex) {
			throw new SignInRefused(ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
