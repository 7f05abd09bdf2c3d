package org.lianluo.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.lianluo.identity.AuditLog.Action;
import org.lianluo.platform.LianluoException;
import org.lianluo.region.WorkingCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password, for the sign-in form and the token endpoint alike. Five wrong
 * passwords in a row lock the account for 15 minutes; every attempt is audited.
 */
@Service
public class SignIn {

	static final int MAX_FAILURES = 5;

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(WorkingCalendar.ZONE);

	private final Users users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	// Compared against when the user does not exist, so that timing does not tell which usernames do.
	private final String noUserHash;

	SignIn(Users users, PasswordEncoder encoder, AuditLog audit) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.noUserHash = encoder.encode(java.util.UUID.randomUUID().toString());
	}

	public CurrentUser authenticate(String username, String password) {
		String name = username == null ? "" : username.trim();
		User user = users.byUsername(name).orElse(null);
		if (user == null || !user.enabled()) {
			encoder.matches(password == null ? "" : password, noUserHash);
			audit.record(name, Action.SIGN_IN_FAILED, name, "unknown or disabled user");
			throw badCredentials();
		}
		Instant now = Instant.now();
		if (user.lockedUntil() != null) {
			if (user.lockedUntil().isAfter(now)) {
				audit.record(name, Action.SIGN_IN_FAILED, name, "locked");
				throw locked(user.lockedUntil());
			}
			users.resetFailures(name);
		}
		String hash = users.passwordHash(name).orElseThrow();
		if (password == null || !encoder.matches(password, hash)) {
			Instant until = now.plus(LOCKOUT);
			int failures = users.recordFailure(name, MAX_FAILURES, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
			audit.record(name, Action.SIGN_IN_FAILED, name, "wrong password (" + failures + ")");
			if (failures >= MAX_FAILURES) {
				audit.record(name, Action.LOCKED_OUT, name, "until " + until);
				throw locked(until);
			}
			throw badCredentials();
		}
		users.resetFailures(name);
		audit.record(name, Action.SIGN_IN, name, null);
		return user.toCurrentUser();
	}

	private static LianluoException badCredentials() {
		return LianluoException.of(HttpStatus.UNAUTHORIZED, "signin.bad-credentials");
	}

	private static LianluoException locked(Instant until) {
		return LianluoException.of(HttpStatus.UNAUTHORIZED, "signin.locked", TIME.format(until));
	}
}
