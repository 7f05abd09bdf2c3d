package org.lianluo.platform;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anti-abuse for what the public sends without signing in, with no outside service (issue 7): counters per
 * client address (per hour) and per phone (per day, Asia/Shanghai) in PostgreSQL, so that the limits hold
 * across every node; after {@code challenge-after} submissions from one address in an hour the screen form
 * asks a small sum in Chinese, signed by the server (the answer is never sent to the browser), good once,
 * for {@code challenge-ttl}, and not answered faster than {@code challenge-min-time}.
 * <p>
 * Addresses and phones are kept only as keyed hashes, each with its own key ({@link PersonalData#hash}), as
 * are the challenges' signatures. Requests of signed-in
 * staff and API tokens, and addresses listed in {@code exempt-addresses} (a kiosk's or a partner system's
 * gateway), are not counted. The client address is the request's remote address, which Tomcat takes from
 * {@code X-Forwarded-For} when the direct peer is an internal proxy ({@code server.forward-headers-strategy:
 * native}; set {@code server.tomcat.remoteip.internal-proxies} to the load balancer's address where citizens
 * themselves come from intranet addresses).
 */
@Component
@EnableConfigurationProperties(SubmissionGuard.Settings.class)
public class SubmissionGuard {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Clock clock;

	private final Settings settings;

	private final Set<String> exempt;

	private final SecureRandom random = new SecureRandom();

	SubmissionGuard(JdbcClient jdbc, PersonalData personalData, Clock clock, Settings settings) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
		this.settings = settings;
		this.exempt = settings.exemptAddresses().stream().map(SubmissionGuard::normalAddress).collect(Collectors.toSet());
	}

	/** The challenge the next screen submission from this address must answer, or null when none is due. */
	public Challenge challengeFor(String address) {
		if (!challengeDue(address)) {
			return null;
		}
		return newChallenge();
	}

	/** A new sum to answer; its token carries when it was asked and a signature over the right answer. */
	public Challenge newChallenge() {
		int a = 2 + random.nextInt(18);
		int b = 1 + random.nextInt(9);
		byte[] nonce = new byte[12];
		random.nextBytes(nonce);
		String payload = clock.instant().getEpochSecond() + "." + HexFormat.of().formatHex(nonce);
		return new Challenge(a, b, payload + "." + sign(payload, String.valueOf(a + b)));
	}

	/**
	 * Admits one submission of the public: checks the challenge when one is due (screens only: {@code challengeable}),
	 * counts the address and the phone, and refuses over the limits. Refusals: 400 on the field
	 * {@code challengeAnswer} (no answer, a wrong or expired one, or answered too fast); 429 ({@link TooMany}, with
	 * the seconds to wait) over a limit. Nothing is counted for exempt addresses.
	 */
	public void admit(String address, String phone, boolean challengeable, String token, String answer) {
		if (exempt(address)) {
			return;
		}
		Instant now = clock.instant();
		if (challengeable && challengeDue(address)) {
			verify(token, answer, now);
		}
		limit("a", address, settings.perAddressPerHour(), "guard.address.too-many");
		if (settings.perPhonePerDay() > 0 && phone != null && !phone.isBlank()) {
			OffsetDateTime day = now.atZone(ZONE).truncatedTo(ChronoUnit.DAYS).toOffsetDateTime();
			int hits = hit("p:" + personalData.hash(PersonalData.Purpose.GUARD_PHONE, phone.strip()), day);
			if (hits > settings.perPhonePerDay()) {
				long wait = Math.max(1, Duration.between(now, day.plusDays(1).toInstant()).toSeconds());
				throw new TooMany("guard.phone.too-many", wait, settings.perPhonePerDay());
			}
		}
	}

	/**
	 * Admits one similar-opinion hint asked while a citizen types: counted per address and hour in PostgreSQL like
	 * submissions, apart from them and with its own limit ({@code hints-per-address-per-hour}); over it, 429.
	 */
	public void admitHint(String address) {
		limit("h", address, settings.hintsPerAddressPerHour(), "guard.hint.too-many");
	}

	/**
	 * Counts one request of a {@code kind} (a short prefix: "a" submissions, "h" hints, "s" sign-ins) from an address
	 * in the current hour, on that kind's own counter, and refuses over {@code perHour} with a 429 ({@link TooMany})
	 * worded by {@code messageKey}, whose arguments are the limit and the minutes to wait. Exempt addresses are not
	 * counted; a limit of 0 counts nothing.
	 */
	public void limit(String kind, String address, int perHour, String messageKey) {
		if (exempt(address) || perHour <= 0) {
			return;
		}
		Instant now = clock.instant();
		OffsetDateTime hour = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
		int hits = hit(kind + ":" + personalData.hash(PersonalData.Purpose.GUARD_ADDRESS, normalAddress(address)), hour);
		if (hits > perHour) {
			long wait = Math.max(1, Duration.between(now, hour.plusHours(1).toInstant()).toSeconds());
			throw new TooMany(messageKey, wait, perHour, (wait + 59) / 60);
		}
	}

	private boolean challengeDue(String address) {
		if (exempt(address) || settings.challengeAfter() <= 0) {
			return false;
		}
		OffsetDateTime hour = clock.instant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
		Integer hits = jdbc.sql("select hits from submission_counter where key = ? and window_start = ?")
			.params(addressKey(address), hour)
			.query(Integer.class)
			.optional()
			.orElse(0);
		return hits >= settings.challengeAfter();
	}

	private void verify(String token, String answer, Instant now) {
		if (token == null || token.isBlank() || answer == null || answer.isBlank()) {
			throw LianluoException.invalidField("challengeAnswer", "guard.challenge.required");
		}
		String[] parts = token.strip().split("\\.");
		long issued;
		try {
			issued = Long.parseLong(parts[0]);
		}
		catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
			throw LianluoException.invalidField("challengeAnswer", "guard.challenge.expired");
		}
		if (parts.length != 3 || parts[1].length() > 40) {
			throw LianluoException.invalidField("challengeAnswer", "guard.challenge.expired");
		}
		String given = Normalizer.normalize(answer, Normalizer.Form.NFKC).strip();
		if (!given.matches("\\d{1,3}") || !MessageDigest.isEqual(sign(parts[0] + "." + parts[1], String.valueOf(Integer.parseInt(given))).getBytes(),
				parts[2].getBytes())) {
			throw LianluoException.invalidField("challengeAnswer", "guard.challenge.wrong");
		}
		Instant asked = Instant.ofEpochSecond(issued);
		if (now.isAfter(asked.plus(settings.challengeTtl()))) {
			throw LianluoException.invalidField("challengeAnswer", "guard.challenge.expired");
		}
		if (now.isBefore(asked.plus(settings.challengeMinTime()))) {
			throw LianluoException.invalidField("challengeAnswer", "guard.challenge.too-fast");
		}
		int fresh = jdbc.sql("insert into submission_challenge_used (nonce, used_at) values (?, ?) on conflict do nothing")
			.params(parts[1], OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		if (fresh == 0) {
			throw LianluoException.invalidField("challengeAnswer", "guard.challenge.expired");
		}
	}

	private int hit(String key, OffsetDateTime window) {
		return jdbc.sql("""
				insert into submission_counter (key, window_start, hits) values (?, ?, 1)
				on conflict (key, window_start) do update set hits = submission_counter.hits + 1
				returning hits""")
			.params(key, window)
			.query(Integer.class)
			.single();
	}

	private String sign(String payload, String answer) {
		return personalData.hash(PersonalData.Purpose.CHALLENGE, payload + "|" + answer);
	}

	private String addressKey(String address) {
		return "a:" + personalData.hash(PersonalData.Purpose.GUARD_ADDRESS, normalAddress(address));
	}

	private boolean exempt(String address) {
		return address == null || exempt.contains(normalAddress(address));
	}

	private static String normalAddress(String address) {
		String a = address.strip();
		return a.equals("0:0:0:0:0:0:0:1") ? "::1" : a;
	}

	/** Counters and used challenges are kept two days, then deleted (one node at a time). */
	@Bean
	static RecurringTask<Void> submissionGuardCleanup(JdbcClient jdbc, Clock clock) {
		return Tasks.recurring("submission-guard-cleanup", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> {
				OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(2)), ZoneOffset.UTC);
				jdbc.sql("delete from submission_counter where window_start < ?").param(before).update();
				jdbc.sql("delete from submission_challenge_used where used_at < ?").param(before).update();
				jdbc.sql("delete from form_submission where created_at < ?").param(before).update();
			});
	}

	/** A sum in Chinese ({@code guard.challenge.question}) and the signed token that goes with the form. */
	public record Challenge(int a, int b, String token) {
	}

	/** Over a limit: 429 with the seconds to wait ({@code Retry-After}). */
	public static final class TooMany extends LianluoException {

		private final long retryAfterSeconds;

		TooMany(String messageKey, long retryAfterSeconds, Object... args) {
			super(HttpStatus.TOO_MANY_REQUESTS, messageKey, List.of(), args);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		public long retryAfterSeconds() {
			return retryAfterSeconds;
		}
	}

	/**
	 * {@code lianluo.submission-guard.*}: a challenge after this many submissions from one address in an hour (0:
	 * never), at most this many per address and hour and per phone and day (0: no limit), how long a challenge is
	 * good and how fast it may be answered, addresses not counted, and how many similar-opinion hints one address
	 * may ask an hour (one per pause while typing; 0: no limit).
	 */
	@ConfigurationProperties("lianluo.submission-guard")
	public record Settings(Integer challengeAfter, Integer perAddressPerHour, Integer perPhonePerDay,
			Duration challengeMinTime, Duration challengeTtl, List<String> exemptAddresses, Integer hintsPerAddressPerHour) {

		public Settings(Integer challengeAfter, Integer perAddressPerHour, Integer perPhonePerDay, Duration challengeMinTime,
				Duration challengeTtl, List<String> exemptAddresses) {
			this(challengeAfter, perAddressPerHour, perPhonePerDay, challengeMinTime, challengeTtl, exemptAddresses, null);
		}

		@ConstructorBinding
		public Settings {
			hintsPerAddressPerHour = hintsPerAddressPerHour == null ? 120 : hintsPerAddressPerHour;
			challengeAfter = challengeAfter == null ? 3 : challengeAfter;
			perAddressPerHour = perAddressPerHour == null ? 30 : perAddressPerHour;
			perPhonePerDay = perPhonePerDay == null ? 5 : perPhonePerDay;
			challengeMinTime = challengeMinTime == null ? Duration.ofSeconds(3) : challengeMinTime;
			challengeTtl = challengeTtl == null ? Duration.ofMinutes(30) : challengeTtl;
			exemptAddresses = exemptAddresses == null ? List.of() : List.copyOf(exemptAddresses);
		}
	}
}
