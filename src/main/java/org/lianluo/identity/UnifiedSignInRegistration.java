package org.lianluo.identity;

import java.time.Duration;
import java.util.Map;

import org.lianluo.platform.LianluoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.web.client.RestClient;

/**
 * The identity platform as a client registration, discovered from its issuer ({@code .well-known/openid-configuration})
 * on the first sign-in through it rather than at start: Lianluo starts, and its form signs in, while the platform is
 * down. A failed discovery is tried again on the next sign-in; a successful one is kept.
 */
final class UnifiedSignInRegistration implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(UnifiedSignInRegistration.class);

	private final UnifiedSignInSettings settings;

	private final RestClient http;

	private volatile ClientRegistration registration;

	UnifiedSignInRegistration(UnifiedSignInSettings settings) {
		this.settings = settings;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(5));
		requests.setReadTimeout(Duration.ofSeconds(5));
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!UnifiedSignInSettings.REGISTRATION.equals(registrationId)) {
			return null;
		}
		ClientRegistration known = registration;
		if (known == null) {
			known = discover();
			registration = known;
		}
		return known;
	}

	private ClientRegistration discover() {
		String issuer = settings.issuerUri();
		Map<String, Object> metadata;
		try {
			metadata = http.get()
				.uri(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration")
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
		}
		catch (RuntimeException ex) {
			log.warn("the identity platform {} did not answer its discovery document: {}", issuer, ex.toString());
			throw unreachable();
		}
		// OpenID Connect Discovery 1.0, section 4.3: the issuer it names is exactly the one asked.
		if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
			log.warn("the identity platform {} names another issuer in its discovery document: {}", issuer,
					metadata == null ? null : metadata.get("issuer"));
			throw unreachable();
		}
		return ClientRegistrations.fromOidcConfiguration(metadata)
			.registrationId(UnifiedSignInSettings.REGISTRATION)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.scope(settings.scopes())
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.userNameAttributeName("sub")
			// PKCE besides the secret and the nonce, when the platform announces it
			.clientSettings(ClientRegistration.ClientSettings.builder()
				.requireProofKey(String.valueOf(metadata.get("code_challenge_methods_supported")).contains("S256"))
				.build())
			.build();
	}

	private static SignInRefused unreachable() {
		return new SignInRefused(LianluoException.of(HttpStatus.SERVICE_UNAVAILABLE, "signin.unified.unreachable"));
	}
}
