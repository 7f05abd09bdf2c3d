package province.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A province's identity platform for the unified sign-in tests: a real Spring Authorization Server (OpenID Connect,
 * discovery, authorization code with PKCE, signed ID tokens, user info) in a web application context of its own, on a
 * port of its own, in the test's JVM. It is reached as {@code 127.0.0.1} while Lianluo is {@code localhost}, so that
 * the browser keeps the two sessions' cookies apart, as it does for two real hosts.
 * <p>
 * Everyone may sign in here with {@link #PASSWORD}. Its ID token says who they are three ways, as real platforms do:
 * {@code sub} an opaque id, {@code staff_id} the name they signed in with (what Lianluo is configured to match),
 * {@code preferred_username} a display handle that matches nobody; and it claims {@code roles: [ADMIN]} for everyone,
 * which Lianluo must not believe.
 * <p>
 * Outside {@code org.lianluo}, so that no Lianluo context scans it in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class IdentityPlatform {

	public static final String CLIENT_ID = "lianluo";

	public static final String CLIENT_SECRET = "platform-secret-for-lianluo";

	public static final String PASSWORD = "platform-password";

	public static final String CLAIM = "staff_id";

	/** The platform's name on Lianluo's sign-in button. */
	public static final String LABEL = "广西统一身份认证平台";

	/**
	 * Starts a platform and sets Lianluo's unified sign-in to it, as an operator would with the LIANLUO_OIDC_* variables;
	 * the test closes the platform it answers when done.
	 */
	public static AnnotationConfigServletWebServerApplicationContext startFor(DynamicPropertyRegistry lianluo) {
		AnnotationConfigServletWebServerApplicationContext platform = start();
		String issuer = issuer(platform);
		lianluo.add("lianluo.sign-in.oidc.issuer-uri", () -> issuer);
		lianluo.add("lianluo.sign-in.oidc.client-id", () -> CLIENT_ID);
		lianluo.add("lianluo.sign-in.oidc.client-secret", () -> CLIENT_SECRET);
		lianluo.add("lianluo.sign-in.oidc.user-claim", () -> CLAIM);
		lianluo.add("lianluo.sign-in.oidc.label", () -> LABEL);
		return platform;
	}

	/** Registers a Lianluo at the platform, as the README asks a province to: its redirect URI. */
	public static void register(int lianluoPort) {
		REDIRECTS.add("http://localhost:" + lianluoPort + "/login/oauth2/code/unified");
	}

	/** Starts the platform on a free port; its issuer is {@code http://127.0.0.1:<port>}. */
	public static AnnotationConfigServletWebServerApplicationContext start() {
		AnnotationConfigServletWebServerApplicationContext context = new AnnotationConfigServletWebServerApplicationContext();
		context.register(IdentityPlatform.class);
		context.refresh();
		return context;
	}

	public static String issuer(AnnotationConfigServletWebServerApplicationContext platform) {
		return "http://127.0.0.1:" + platform.getWebServer().getPort();
	}

	@Bean
	TomcatServletWebServerFactory webServer() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		// its own session cookie name too, should a browser ever see both under one host name
		factory.addContextCustomizers(c -> c.setSessionCookieName("PLATFORMSESSION"));
		return factory;
	}

	@Bean
	DispatcherServlet dispatcherServlet() {
		return new DispatcherServlet();
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			// the user info endpoint takes the access token it issued
			.oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()))
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
					new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signInPage(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults()).build();
	}

	@Bean
	UserDetailsService everyone() {
		return name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("STAFF").build();
	}

	/**
	 * Lianluo as the platform's registered client. Its redirect URIs are those the tests register
	 * ({@link #REDIRECTS}: {@code http://localhost:<port>/login/oauth2/code/unified}, the README's step), read again on
	 * each look-up, since a test's Lianluo gets its port after the platform has started.
	 */
	@Bean
	RegisteredClientRepository clients() {
		return new RegisteredClientRepository() {

			@Override
			public void save(RegisteredClient client) {
				// the client's secret upgraded to a stronger hash: nothing to keep in a test
			}

			@Override
			public RegisteredClient findById(String id) {
				return CLIENT_ID.equals(id) ? lianluo() : null;
			}

			@Override
			public RegisteredClient findByClientId(String clientId) {
				return CLIENT_ID.equals(clientId) ? lianluo() : null;
			}
		};
	}

	static final java.util.Set<String> REDIRECTS = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private static RegisteredClient lianluo() {
		return RegisteredClient.withId(CLIENT_ID)
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris(uris -> uris.addAll(REDIRECTS))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
			.build();
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> claims() {
		return context -> {
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				String name = context.getPrincipal().getName();
				context.getClaims()
					.subject("gx-" + UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
					.claim(CLAIM, name)
					.claim("preferred_username", "platform." + name)
					.claim("roles", List.of("ADMIN"));
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> keys() throws Exception {
		return new ImmutableJWKSet<>(new JWKSet(rsaKey()));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return NimbusJwtDecoder.withJwkSource(keys).build();
	}

	@Bean
	AuthorizationServerSettings settings() {
		return AuthorizationServerSettings.builder().build();
	}

	private static RSAKey rsaKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
	}
}
