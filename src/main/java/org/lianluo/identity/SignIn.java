package org.lianluo.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.lianluo.identity.AuditLog.Action;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.SubmissionGuard;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password, for the sign-in form and the token endpoint alike. Attempts are limited per
 * client address (counted in PostgreSQL, {@link SubmissionGuard}); five attempts in a row on one account lock it
 * for 15 minutes, counted before the password is checked, so that no burst of parallel guesses gets more than
 * five checks. Every refusal reads the same, whether the user exists, is disabled, is locked or mistyped; failures
 * are audited as one counted row per address and hour, lockouts and sign-ins one row each.
 */
@Service
@EnableConfigurationProperties(SignIn.Limits.class)
public class SignIn {

	static final int MAX_FAILURES = 5;

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	private final Users users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final SubmissionGuard guard;

	private final Limits limits;

	// Compared against when no password of a user is checked, so that timing does not tell which usernames exist.
	private final String noUserHash;

	SignIn(Users users, PasswordEncoder encoder, AuditLog audit, SubmissionGuard guard, Limits limits) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.guard = guard;
		this.limits = limits;
		this.noUserHash = encoder.encode(java.util.UUID.randomUUID().toString());
	}

	public Actor authenticate(String username, String password) {
		guard.limit("s", AuditLog.address(), limits.perAddressPerHour(), "signin.too-many");
		String name = username == null ? "" : username.trim();
		String given = password == null ? "" : password;
		User user = users.byUsername(name).filter(User::enabled).orElse(null);
		if (user == null) {
			encoder.matches(given, noUserHash);
			throw refused();
		}
		Instant until = Instant.now().plus(LOCKOUT);
		int attempt = users.countAttempt(user.id(), MAX_FAILURES, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
		if (attempt == 0) {
			encoder.matches(given, noUserHash);
			throw refused();
		}
		String hash = users.passwordHash(name).orElse(noUserHash);
		if (!encoder.matches(given, hash)) {
			if (attempt >= MAX_FAILURES) {
				audit.record(name, Action.LOCKED_OUT, name, "until " + until, user.regionCode());
			}
			throw refused();
		}
		users.resetFailures(name);
		audit.record(name, Action.SIGN_IN, name, null, user.regionCode());
		return user.toCurrentUser();
	}

	/** The one refusal: counted in the audit's row for this address and hour. */
	private LianluoException refused() {
		audit.countFailedSignIn();
		return LianluoException.of(HttpStatus.UNAUTHORIZED, "signin.bad-credentials");
	}

	/**
	 * {@code lianluo.sign-in.*}: sign-in attempts (form and token) allowed per client address and hour (0: no limit);
	 * addresses in {@code lianluo.submission-guard.exempt-addresses} are not counted.
	 */
	@ConfigurationProperties("lianluo.sign-in")
	public record Limits(Integer perAddressPerHour) {

		public Limits {
			perAddressPerHour = perAddressPerHour == null ? 100 : perAddressPerHour;
		}
	}
}
