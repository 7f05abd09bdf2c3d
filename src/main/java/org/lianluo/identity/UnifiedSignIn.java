package org.lianluo.identity;

import java.io.Serial;

import org.lianluo.identity.AuditLog.Action;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.SubmissionGuard;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Who the identity platform signed in, as a Lianluo user: the configured claim's value is the username of an enabled
 * user, whose roles, region and links are Lianluo's own (whatever else the platform says of them). Anyone else is
 * refused and audited with the claim's value and the platform's subject. A sign-in is audited as the form's are; the
 * form's lockout is not consulted, since no password of Lianluo is checked.
 */
@Service
class UnifiedSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService platform = new OidcUserService();

	private final UnifiedSignInSettings settings;

	private final Users users;

	private final AuditLog audit;

	private final SubmissionGuard guard;

	private final SignIn.Limits limits;

	UnifiedSignIn(UnifiedSignInSettings settings, Users users, AuditLog audit, SubmissionGuard guard, SignIn.Limits limits) {
		this.settings = settings;
		this.users = users;
		this.audit = audit;
		this.guard = guard;
		this.limits = limits;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		try {
			guard.limit("s", AuditLog.address(), limits.perAddressPerHour(), "signin.too-many");
		}
		catch (LianluoException ex) {
			throw new SignInRefused(ex);
		}
		// the ID token is checked by now (signature, issuer, audience, nonce); the user info is merged into it here
		OidcUser signedIn = platform.loadUser(request);
		Object claim = signedIn.getClaims().get(settings.userClaim());
		String name = claim == null ? "" : claim.toString().trim();
		User user = name.isEmpty() ? null : users.byUsername(name).orElse(null);
		String subject = "subject " + signedIn.getSubject() + " of " + settings.issuerUri();
		if (user == null || !user.enabled()) {
			String why = name.isEmpty() ? "no claim " + settings.userClaim() : user == null ? "no such user" : "user disabled";
			audit.record(null, Action.SIGN_IN_REFUSED, clip(name), "unified sign-in refused: " + why + ", " + subject,
					user == null ? null : user.regionCode());
			throw new SignInRefused(name.isEmpty()
					? LianluoException.of(HttpStatus.FORBIDDEN, "signin.unified.no-claim", settings.userClaim())
					: LianluoException.of(HttpStatus.FORBIDDEN, "signin.unified.unknown", clip(name)));
		}
		audit.record(user.username(), Action.SIGN_IN, user.username(), "unified sign-in, " + subject, user.regionCode());
		return new Matched(signedIn, user.toCurrentUser(), users.securityVersion(user.id()).orElse(-1L));
	}

	private static String clip(String s) {
		return s.length() > 64 ? s.substring(0, 64) : s;
	}

	/** The platform's user with the Lianluo user it is, and the stamp their session starts under ({@link SessionStamp}). */
	static final class Matched extends DefaultOidcUser {

		@Serial
		private static final long serialVersionUID = 1L;

		private final Actor actor;

		private final long stamp;

		Matched(OidcUser platformUser, Actor actor, long stamp) {
			super(java.util.List.of(), platformUser.getIdToken(), platformUser.getUserInfo(), IdTokenClaimNames.SUB);
			this.actor = actor;
			this.stamp = stamp;
		}

		Actor actor() {
			return actor;
		}

		long stamp() {
			return stamp;
		}
	}
}
