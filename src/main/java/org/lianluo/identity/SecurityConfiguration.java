package org.lianluo.identity;

import org.lianluo.platform.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Two doors: {@code /api/**} is stateless with bearer tokens and answers problems; the screens use a
 * session, the sign-in form (and the identity platform's, when configured: {@link UnifiedSignInFlow}) and CSRF. Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/** Every role but CITIZEN: a citizen's account reads nothing of the staff's, on the API and the screens. */
	static final String[] STAFF = java.util.Arrays.stream(Role.values())
		.filter(r -> r != Role.CITIZEN)
		.map(Role::name)
		.toArray(String[]::new);

	/** Settings that bind the whole city: their administrators only ({@link CityWide}). */
	static AuthorizationManager<RequestAuthorizationContext> cityAdmin(CityWide cityWide) {
		return (auth, context) -> new AuthorizationDecision(
				auth.get() != null && auth.get().getPrincipal() instanceof Actor user && cityWide.isAdmin(user));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, CityWide cityWide)
			throws Exception {
		// Metrics are scraped with a bearer token (Prometheus' `authorization` setting), like any API call.
		http.securityMatcher("/api/**", "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.requestMatchers("/api/v1/public/**")
				.permitAll()
				.requestMatchers(HttpMethod.DELETE, "/api/v1/auth/token")
				.authenticated()
				.requestMatchers("/api/v1/admin/notification-templates/**", "/api/v1/admin/search/rebuild", "/actuator/**")
				.access(cityAdmin(cityWide))
				.requestMatchers(HttpMethod.PUT, "/api/v1/reports/template", "/api/v1/calendar/days/**")
				.access(cityAdmin(cityWide))
				.requestMatchers(HttpMethod.DELETE, "/api/v1/reports/template", "/api/v1/calendar/days/**")
				.access(cityAdmin(cityWide))
				.anyRequest()
				.hasAnyRole(STAFF))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "signin.required"))
				.accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN, "problem.forbidden")));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain screens(HttpSecurity http, CityWide cityWide, Users users, UnifiedSignInFlow unified)
			throws Exception {
		http.addFilterAfter(new SessionStamp.Check(users), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(a -> a
			.requestMatchers("/", "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/fonts/**",
					"/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**", "/public/**", "/opinions/new", "/track", "/consultations", "/consultations/**",
					"/sw.js", "/manifest.webmanifest")
			.permitAll()
			.requestMatchers("/admin/notification-templates/**", "/admin/report-template/**", "/admin/calendar/**",
					"/admin/maps")
			.access(cityAdmin(cityWide))
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.hasAnyRole(STAFF))
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/dashboard", true).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor((req, res, ex) -> {
				// htmx would swap the sign-in page into a fragment; tell it to go there instead.
				res.setHeader("HX-Redirect", req.getContextPath() + "/login");
				res.setStatus(HttpStatus.UNAUTHORIZED.value());
			}, new RequestHeaderRequestMatcher("HX-Request", "true")))
			.httpBasic(h -> h.disable())
			.rememberMe(r -> r.disable());
		if (unified.enabled()) {
			http.oauth2Login(unified::configure);
		}
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
			.contentTypeOptions(Customizer.withDefaults()));
	}
}
