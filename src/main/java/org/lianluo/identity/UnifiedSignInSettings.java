package org.lianluo.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianluo.sign-in.oidc.*}: the province's or city's identity platform (统一身份认证), spoken to in OpenID
 * Connect. Without an issuer nothing changes: the sign-in page shows the form alone. {@code userClaim} names the
 * claim whose value is a Lianluo username ({@code preferred_username}, or a staff number the platform issues);
 * {@code label} is the platform's name on the sign-in button.
 */
@ConfigurationProperties("lianluo.sign-in.oidc")
public record UnifiedSignInSettings(String issuerUri, String clientId, String clientSecret, String userClaim,
		List<String> scopes, String label) {

	/** The registration's id: the last part of the redirect URI {@code /login/oauth2/code/unified}. */
	public static final String REGISTRATION = "unified";

	public UnifiedSignInSettings {
		issuerUri = blankToNull(issuerUri);
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		userClaim = userClaim == null || userClaim.isBlank() ? "preferred_username" : userClaim.trim();
		scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
		label = blankToNull(label);
		if (issuerUri != null && (clientId == null || clientSecret == null)) {
			throw new IllegalStateException("lianluo.sign-in.oidc.issuer-uri is set without its client-id and client-secret");
		}
		if (issuerUri != null && !scopes.contains("openid")) {
			throw new IllegalStateException("lianluo.sign-in.oidc.scopes must contain openid");
		}
	}

	/** Without the secret: settings get printed (a failed start, the actuator's configprops). */
	@Override
	public String toString() {
		return "UnifiedSignInSettings[issuerUri=" + issuerUri + ", clientId=" + clientId + ", userClaim=" + userClaim
				+ ", scopes=" + scopes + ", label=" + label + "]";
	}

	public boolean enabled() {
		return issuerUri != null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
