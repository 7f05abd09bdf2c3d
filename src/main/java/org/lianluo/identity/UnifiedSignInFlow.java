package org.lianluo.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lianluo.platform.LianluoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The screens' OpenID Connect sign-in (authorization code flow) beside the form: {@code /oauth2/authorization/unified}
 * sends the browser to the platform, {@code /login/oauth2/code/unified} takes it back. Whoever {@link UnifiedSignIn}
 * matched is then signed in exactly as the form signs in: the same principal, the same session stamp, the workbench.
 * Every refusal goes back to the sign-in page with its Chinese message. Lianluo keeps none of the platform's tokens.
 */
@Component
class UnifiedSignInFlow {

	private static final Logger log = LoggerFactory.getLogger(UnifiedSignInFlow.class);

	private final UnifiedSignInSettings settings;

	private final UnifiedSignIn unifiedSignIn;

	private final AuditLog audit;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SimpleUrlAuthenticationFailureHandler toSignInPage = new SimpleUrlAuthenticationFailureHandler("/login?error");

	UnifiedSignInFlow(UnifiedSignInSettings settings, UnifiedSignIn unifiedSignIn, AuditLog audit) {
		this.settings = settings;
		this.unifiedSignIn = unifiedSignIn;
		this.audit = audit;
	}

	boolean enabled() {
		return settings.enabled();
	}

	void configure(OAuth2LoginConfigurer<HttpSecurity> login) {
		login.loginPage("/login")
			.clientRegistrationRepository(new UnifiedSignInRegistration(settings))
			.authorizedClientRepository(new KeepNone())
			.userInfoEndpoint(u -> u.oidcUserService(unifiedSignIn))
			.successHandler(this::signedIn)
			.failureHandler(this::refused)
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					// the platform unreachable on the way out: the sign-in page says so, not a 500
					filter.setAuthenticationFailureHandler(UnifiedSignInFlow.this::refused);
					return filter;
				}
			});
	}

	/** Replaces the platform's token by the form's: the {@link Actor} with its {@link SessionStamp}. */
	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication platformUser)
			throws IOException {
		if (!(platformUser.getPrincipal() instanceof UnifiedSignIn.Matched matched)) {
			throw new IllegalStateException("a unified sign-in without its Lianluo user");
		}
		UsernamePasswordAuthenticationToken signedIn = BearerTokenFilter.authentication(matched.actor());
		signedIn.setDetails(new SessionStamp(matched.stamp()));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		response.sendRedirect(request.getContextPath() + "/dashboard");
	}

	private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, jakarta.servlet.ServletException {
		SignInRefused refusal = refusalIn(ex);
		if (refusal == null) {
			// the platform's error (access denied, an invalid token), a lost or forged state: a failed sign-in
			log.warn("unified sign-in failed: {}", ex instanceof OAuth2AuthenticationException platform
					? platform.getError().getErrorCode() : ex.getClass().getSimpleName());
			audit.countFailedSignIn();
			refusal = new SignInRefused(LianluoException.of(HttpStatus.UNAUTHORIZED, "signin.unified.failed"));
		}
		toSignInPage.onAuthenticationFailure(request, response, refusal);
	}

	private static SignInRefused refusalIn(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SignInRefused refusal) {
				return refusal;
			}
		}
		return null;
	}

	/** The platform's access and ID tokens are not kept: Lianluo calls nothing of the platform after the sign-in. */
	private static final class KeepNone implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String id, Authentication principal,
				HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
			// nothing kept
		}

		@Override
		public void removeAuthorizedClient(String id, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
			// nothing kept
		}
	}
}
