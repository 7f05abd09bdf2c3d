package org.lianluo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianluo.ChildApplication;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import province.identity.IdentityPlatform;

/**
 * The platform is discovered on first use: a platform that does not answer, or names another issuer, is a refusal
 * with its Chinese message (the sign-in page shows it), not a failed start; a platform that answers gives the
 * registration the README describes.
 */
class UnifiedSignInRegistrationTests {

	static UnifiedSignInSettings settings(String issuer) {
		return new UnifiedSignInSettings(issuer, "lianluo", "secret", null, null, null);
	}

	@Test
	void aPlatformThatDoesNotAnswerIsARefusalAndIsAskedAgainNextTime() throws Exception {
		UnifiedSignInRegistration registration = new UnifiedSignInRegistration(
				settings("http://127.0.0.1:" + ChildApplication.freePort()));
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> registration.findByRegistrationId("unified")).isInstanceOfSatisfying(SignInRefused.class,
					r -> assertThat(r.refusal().messageKey()).isEqualTo("signin.unified.unreachable"));
		}
		assertThat(registration.findByRegistrationId("other")).isNull();
	}

	@Test
	void aPlatformIsTakenAtItsIssuerOnly() {
		AnnotationConfigServletWebServerApplicationContext platform = IdentityPlatform.start();
		try {
			String issuer = IdentityPlatform.issuer(platform);
			// the issuer differs from the one its discovery document names (a slash more): not taken
			UnifiedSignInRegistration elsewhere = new UnifiedSignInRegistration(settings(issuer + "/"));
			assertThatThrownBy(() -> elsewhere.findByRegistrationId("unified")).isInstanceOf(SignInRefused.class);

			var found = new UnifiedSignInRegistration(settings(issuer)).findByRegistrationId("unified");
			assertThat(found.getProviderDetails().getIssuerUri()).isEqualTo(issuer);
			assertThat(found.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
			assertThat(found.getScopes()).containsExactlyInAnyOrderElementsOf(List.of("openid", "profile"));
			assertThat(found.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
			assertThat(found.getClientSettings().isRequireProofKey()).isTrue();
		}
		finally {
			platform.close();
		}
	}

	@Test
	void settingsWithoutIssuerAreOffAndTheSecretIsNeverPrinted() {
		assertThat(new UnifiedSignInSettings(" ", null, null, null, null, null).enabled()).isFalse();
		assertThat(settings("https://idp.example.gov.cn").toString()).doesNotContain("secret");
		assertThatThrownBy(() -> new UnifiedSignInSettings("https://idp.example.gov.cn", "lianluo", null, null, null, null))
			.isInstanceOf(IllegalStateException.class);
	}
}
