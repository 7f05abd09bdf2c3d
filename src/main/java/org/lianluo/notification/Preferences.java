package org.lianluo.notification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.lianluo.platform.LianluoException;
import org.lianluo.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's e-mail preference: the address (encrypted, as personal data), whether they want e-mail, and the
 * token of the opt-out link every e-mail carries, which works without signing in.
 */
@Service
public class Preferences {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Clock clock;

	Preferences(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
	}

	/** The user's own preference, shown to themselves. */
	public Preference of(UUID userId) {
		return jdbc.sql("select email_enc, email_enabled from notification_preference where user_id = ?")
			.param(userId)
			.query((rs, n) -> new Preference(personalData.decrypt(rs.getString(1)), rs.getBoolean(2)))
			.optional()
			.orElse(new Preference(null, true));
	}

	@Transactional
	public Preference update(UUID userId, String email, boolean emailEnabled) {
		String address = email == null || email.isBlank() ? null : email.trim();
		if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
			throw LianluoException.invalidField("email", "notification.email.format");
		}
		jdbc.sql("""
				insert into notification_preference (user_id, email_enc, email_enabled, opt_out_token, updated_at)
				values (?, ?, ?, ?, ?) on conflict (user_id) do update
				set email_enc = excluded.email_enc, email_enabled = excluded.email_enabled, updated_at = excluded.updated_at""")
			.params(userId, personalData.encrypt(address), emailEnabled, newToken(), now())
			.update();
		return of(userId);
	}

	/** The address to e-mail, when the user gave one and wants e-mail. */
	public Optional<String> emailFor(UUID userId) {
		return jdbc.sql("select email_enc from notification_preference where user_id = ? and email_enabled and email_enc is not null")
			.param(userId)
			.query(String.class)
			.optional()
			.map(personalData::decrypt);
	}

	public Optional<String> optOutToken(UUID userId) {
		return jdbc.sql("select opt_out_token from notification_preference where user_id = ?")
			.param(userId)
			.query(String.class)
			.optional();
	}

	/** The opt-out link's action: no more e-mail for whoever holds the token. An unknown token is 404. */
	@Transactional
	public void optOut(String token) {
		if (token == null || !token.matches("[0-9a-f]{64}")) {
			throw LianluoException.notFound();
		}
		int found = jdbc.sql("update notification_preference set email_enabled = false, updated_at = ? where opt_out_token = ?")
			.params(now(), token)
			.update();
		if (found == 0) {
			throw LianluoException.notFound();
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** What a user chose. */
	public record Preference(String email, boolean emailEnabled) {
	}
}
