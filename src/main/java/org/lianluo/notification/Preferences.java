package org.lianluo.notification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.lianluo.platform.Text;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's choice of channels: every message goes into the inbox; per kind of message, also by e-mail (on by
 * default, once an address is given) and by SMS (off by default, once a mobile number is given). The address
 * and the number are personal data, kept encrypted. E-mail can also be switched off as a whole, by the opt-out
 * link every e-mail carries, which works without signing in.
 */
@Service
public class Preferences {

	/** The kinds of message a signed-in user can receive, in the order the settings screen lists them. */
	public static final List<String> KINDS = List.of("ASSIGNED", "REOPENED", "SUPERVISION_1", "SUPERVISION_2",
			"SUPERVISION_3", "SUPERVISION_4", "DIGEST", "STATION_OPINION", "COSIGN_REQUEST", "PROPOSAL_REGISTERED",
			"REPLY_TO_RATE", "PROPOSAL_REPLY_COPY", "ASSISTING_VIEW_LATE");

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
		Map<String, Channels> kinds = kinds(userId);
		return jdbc.sql("select email_enc, email_enabled, phone_enc from notification_preference where user_id = ?")
			.param(userId)
			.query((rs, n) -> new Preference(personalData.decrypt(rs.getString(1), "notification_preference", "email_enc", userId),
					rs.getBoolean(2), personalData.decrypt(rs.getString(3), "notification_preference", "phone_enc", userId), kinds))
			.optional()
			.orElse(new Preference(null, true, null, kinds));
	}

	/** The address and the switch for all e-mail; the phone and the choices per kind stay as they were. */
	@Transactional
	public Preference update(UUID userId, String email, boolean emailEnabled) {
		Preference now = of(userId);
		return update(userId, new Preference(email, emailEnabled, now.phone(), null));
	}

	/**
	 * Everything at once: a null {@code kinds} keeps the choices per kind, a kind left out of it its own; a null
	 * phone keeps the number, a blank one removes it. A wrong
	 * address or number, or an unknown kind, is refused with a message per field and nothing is saved.
	 */
	@Transactional
	public Preference update(UUID userId, Preference wanted) {
		String address = Text.blankToNull(wanted.email());
		String phone = wanted.phone() == null ? of(userId).phone() : Text.blankToNull(wanted.phone());
		List<FieldProblem> problems = new ArrayList<>();
		if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
			problems.add(new FieldProblem("email", "notification.email.format"));
		}
		if (phone != null && !PersonalData.isMobile(phone)) {
			problems.add(new FieldProblem("phone", "notification.phone.format"));
		}
		Map<String, Channels> kinds = wanted.kinds() == null ? Map.of() : wanted.kinds();
		for (var e : kinds.entrySet()) {
			if (!KINDS.contains(e.getKey()) || e.getValue() == null) {
				problems.add(new FieldProblem("kinds", "notification.kind.unknown", String.valueOf(e.getKey())));
				break;
			}
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		jdbc.sql("""
				insert into notification_preference (user_id, email_enc, email_enabled, phone_enc, opt_out_token, updated_at)
				values (?, ?, ?, ?, ?, ?) on conflict (user_id) do update
				set email_enc = excluded.email_enc, email_enabled = excluded.email_enabled, phone_enc = excluded.phone_enc,
				  updated_at = excluded.updated_at""")
			.params(userId, personalData.encrypt(address, "notification_preference", "email_enc", userId), wanted.emailEnabled(),
					personalData.encrypt(phone, "notification_preference", "phone_enc", userId), newToken(), now())
			.update();
		kinds.forEach((kind, channels) -> {
			choose(userId, kind, "EMAIL", channels.email());
			choose(userId, kind, "SMS", channels.sms());
		});
		return of(userId);
	}

	/** The address to e-mail, when the user gave one and wants e-mail. */
	public Optional<String> emailFor(UUID userId) {
		return jdbc.sql("select email_enc from notification_preference where user_id = ? and email_enabled and email_enc is not null")
			.param(userId)
			.query(String.class)
			.optional()
			.map(cipher -> personalData.decrypt(cipher, "notification_preference", "email_enc", userId));
	}

	/** The address to e-mail a message of this kind to, when the user gave one and wants such messages by e-mail. */
	public Optional<String> emailFor(UUID userId, String kind) {
		return emailFor(userId).filter(a -> kinds(userId).getOrDefault(kind, Channels.DEFAULT).email());
	}

	/** The mobile number to text a message of this kind to, when the user gave one and chose SMS for the kind. */
	public Optional<String> smsFor(UUID userId, String kind) {
		if (!kinds(userId).getOrDefault(kind, Channels.DEFAULT).sms()) {
			return Optional.empty();
		}
		return jdbc.sql("select phone_enc from notification_preference where user_id = ? and phone_enc is not null")
			.param(userId)
			.query(String.class)
			.optional()
			.map(cipher -> personalData.decrypt(cipher, "notification_preference", "phone_enc", userId))
			.filter(PersonalData::isMobile);
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

	/** Every kind with the user's channels for it (the defaults where they chose nothing). */
	private Map<String, Channels> kinds(UUID userId) {
		Map<String, boolean[]> chosen = new LinkedHashMap<>();
		KINDS.forEach(k -> chosen.put(k, new boolean[] { Channels.DEFAULT.email(), Channels.DEFAULT.sms() }));
		jdbc.sql("select kind, channel, enabled from notification_kind_preference where user_id = ?")
			.param(userId)
			.query(rs -> {
				boolean[] c = chosen.get(rs.getString(1));
				if (c != null) {
					c["EMAIL".equals(rs.getString(2)) ? 0 : 1] = rs.getBoolean(3);
				}
			});
		Map<String, Channels> kinds = new LinkedHashMap<>();
		chosen.forEach((k, c) -> kinds.put(k, new Channels(c[0], c[1])));
		return kinds;
	}

	private void choose(UUID userId, String kind, String channel, boolean enabled) {
		jdbc.sql("""
				insert into notification_kind_preference (user_id, kind, channel, enabled) values (?, ?, ?, ?)
				on conflict (user_id, kind, channel) do update set enabled = excluded.enabled""")
			.params(userId, kind, channel, enabled)
			.update();
	}


	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * What a user chose: the address and whether they want e-mail at all, the mobile number for SMS, and per kind
	 * of message the channels besides the inbox.
	 */
	public record Preference(String email, boolean emailEnabled, String phone, Map<String, Channels> kinds) {

		public Preference(String email, boolean emailEnabled) {
			this(email, emailEnabled, null, null);
		}
	}

	/** For one kind of message: whether also by e-mail, whether also by SMS. */
	public record Channels(boolean email, boolean sms) {

		static final Channels DEFAULT = new Channels(true, false);
	}
}
