package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anti-abuse of public submissions on the real database: the limits per address and per phone, the
 * challenge after repeated submissions (wrong, too fast, reused, expired, right), with a clock the test moves
 * and small limits; then the wiring of the public API over HTTP with the application's own settings.
 */
@LianluoTest
class SubmissionGuardTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@LocalServerPort
	int port;

	private final MovableClock clock = new MovableClock(Instant.parse("2027-03-02T01:10:00Z"));

	private SubmissionGuard guard(int challengeAfter, int perAddress, int perPhone) {
		return new SubmissionGuard(jdbc, personalData, clock, new SubmissionGuard.Settings(challengeAfter, perAddress, perPhone,
				Duration.ofSeconds(3), Duration.ofMinutes(10), List.of("10.9.9.9")));
	}

	/** Counters outlive a test in the shared database: each test's addresses are new to it (65,024 of them a run). */
	private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger(
			ThreadLocalRandom.current().nextInt(256 * 254));

	private static String someAddress() {
		int n = Math.floorMod(ADDRESSES.getAndIncrement(), 256 * 254);
		return "198.51." + n / 254 + "." + (1 + n % 254);
	}

	private static String somePhone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	private static String messageOf(Throwable t) {
		return ((LianluoException) t).fieldProblems().get(0).messageKey();
	}

	@Test
	void afterRepeatedSubmissionsFromOneAddressASumMustBeAnsweredRightlyOnceAndNotTooFast() {
		SubmissionGuard guard = guard(2, 10, 0);
		String address = someAddress();
		assertThat(guard.challengeFor(address)).isNull();
		guard.admit(address, null, true, null, null);
		guard.admit(address, null, true, null, null);

		SubmissionGuard.Challenge c = guard.challengeFor(address);
		assertThat(c).isNotNull();
		assertThat(c.token().split("\\.")).as("the answer is not in the token").hasSize(3).doesNotContain(String.valueOf(c.a() + c.b()));
		assertThatThrownBy(() -> guard.admit(address, null, true, null, null)).satisfies(t -> {
			assertThat(((LianluoException) t).status().value()).isEqualTo(400);
			assertThat(messageOf(t)).isEqualTo("guard.challenge.required");
		});
		assertThatThrownBy(() -> guard.admit(address, null, true, c.token(), String.valueOf(c.a() + c.b() + 1)))
			.satisfies(t -> assertThat(messageOf(t)).isEqualTo("guard.challenge.wrong"));
		assertThatThrownBy(() -> guard.admit(address, null, true, c.token(), String.valueOf(c.a() + c.b())))
			.satisfies(t -> assertThat(messageOf(t)).isEqualTo("guard.challenge.too-fast"));
		clock.move(Duration.ofSeconds(5));
		// a full-width answer typed with a Chinese input method counts
		String fullWidth = String.valueOf(c.a() + c.b()).chars().mapToObj(d -> String.valueOf((char) (d - '0' + '０'))).reduce("", String::concat);
		guard.admit(address, null, true, c.token(), fullWidth);
		assertThatThrownBy(() -> guard.admit(address, null, true, c.token(), String.valueOf(c.a() + c.b())))
			.satisfies(t -> assertThat(messageOf(t)).isEqualTo("guard.challenge.expired"));
		assertThatThrownBy(() -> guard.admit(address, null, true, "12.ab.forged", "3"))
			.satisfies(t -> assertThat(messageOf(t)).isEqualTo("guard.challenge.wrong"));

		SubmissionGuard.Challenge old = guard.challengeFor(address);
		clock.move(Duration.ofMinutes(11));
		assertThatThrownBy(() -> guard.admit(address, null, true, old.token(), String.valueOf(old.a() + old.b())))
			.satisfies(t -> assertThat(messageOf(t)).isEqualTo("guard.challenge.expired"));

		// the API cannot show a sum: it gets the limit only
		guard.admit(address, null, false, null, null);
		// another address is not asked
		assertThat(guard.challengeFor(someAddress())).isNull();
		// the next hour starts afresh
		clock.move(Duration.ofHours(1));
		assertThat(guard.challengeFor(address)).isNull();
	}

	@Test
	void anAddressIsRefusedOverItsHourlyLimitUntilTheNextHourAndAnExemptAddressIsNeverCounted() {
		SubmissionGuard guard = guard(0, 3, 0);
		String address = someAddress();
		for (int i = 0; i < 3; i++) {
			guard.admit(address, null, false, null, null);
		}
		assertThatThrownBy(() -> guard.admit(address, null, false, null, null)).isInstanceOfSatisfying(SubmissionGuard.TooMany.class, t -> {
			assertThat(t.status().value()).isEqualTo(429);
			assertThat(t.messageKey()).isEqualTo("guard.address.too-many");
			// 01:10 UTC: the window ends at 02:00
			assertThat(t.retryAfterSeconds()).isEqualTo(50 * 60);
		});
		guard.admit(someAddress(), null, false, null, null);
		clock.move(Duration.ofMinutes(50));
		guard.admit(address, null, false, null, null);

		for (int i = 0; i < 10; i++) {
			guard.admit("10.9.9.9", somePhone(), true, null, null);
		}
		String key = "a:" + personalData.hash(PersonalData.Purpose.GUARD_ADDRESS, address);
		assertThat(jdbc.sql("select count(*) from submission_counter where key = ?").param(key).query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from submission_counter where key like ?").param("%" + address + "%").query(Long.class).single())
			.as("addresses are kept as keyed hashes only").isZero();
	}

	@Test
	void aPhoneIsRefusedOverItsDailyLimitFromAnyAddressUntilTheNextDayInChina() {
		SubmissionGuard guard = guard(0, 0, 2);
		String phone = somePhone();
		guard.admit(someAddress(), phone, false, null, null);
		guard.admit(someAddress(), " " + phone + " ", false, null, null);
		assertThatThrownBy(() -> guard.admit(someAddress(), phone, false, null, null))
			.isInstanceOfSatisfying(SubmissionGuard.TooMany.class, t -> assertThat(t.messageKey()).isEqualTo("guard.phone.too-many"));
		guard.admit(someAddress(), somePhone(), false, null, null);
		// 2027-03-02T01:10Z is 09:10 in 百色; the day there ends at 16:00Z
		clock.move(Duration.ofHours(14).plusMinutes(49));
		assertThatThrownBy(() -> guard.admit(someAddress(), phone, false, null, null)).isInstanceOf(SubmissionGuard.TooMany.class);
		clock.move(Duration.ofMinutes(2));
		guard.admit(someAddress(), phone, false, null, null);
		assertThat(jdbc.sql("select count(*) from submission_counter where key like ?").param("%" + phone + "%").query(Long.class).single())
			.isZero();
	}

	@Test
	void thePublicApiAnswers429InChineseWithRetryAfterOverThePhoneLimitAndRecordsNothing() throws Exception {
		String phone = somePhone();
		String address = someAddress();
		long before = jdbc.sql("select count(*) from opinion").query(Long.class).single();
		for (int i = 0; i < 6; i++) {
			String body = "{\"content\":\"村口路灯坏了很久，晚上出行不便（第" + i + "次）\",\"regionCode\":\"451022\",\"phone\":\"" + phone + "\"}";
			HttpResponse<String> r = submit(address, body, null);
			if (i < 5) {
				assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
			}
			else {
				assertThat(r.statusCode()).isEqualTo(429);
				assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
				assertThat(r.body()).contains("这个手机号今天的提交已达上限（5 次）");
				long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
				assertThat(wait).isBetween(1L, 24 * 3600L);
			}
		}
		assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single() - before).isGreaterThanOrEqualTo(5);
		assertThat(jdbc.sql("select count(*) from opinion where content like '%（第5次）%'").query(Long.class).single()).isZero();
	}

	@Test
	void aRetryWithItsIdempotencyKeyGetsTheSameAnswerAndIsNotCountedAgain() throws Exception {
		String phone = somePhone();
		String address = someAddress();
		String first = "{\"content\":\"屯里的饮水工程停水三天了\",\"regionCode\":\"451022\",\"phone\":\"" + phone + "\"}";
		String key = "retry-" + phone;
		String code = null;
		for (int i = 0; i < 8; i++) {
			HttpResponse<String> r = submit(address, first, key);
			assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
			String now = r.body().replaceAll(".*\"trackingCode\":\"(\\w+)\".*", "$1");
			assertThat(code == null ? now : code).isEqualTo(now);
			code = now;
		}
		// the phone's limit (5 a day) has one submission counted: four more pass, the fifth is refused
		for (int i = 0; i < 5; i++) {
			String other = "{\"content\":\"屯里的饮水工程又停水了（第" + i + "次）\",\"regionCode\":\"451022\",\"phone\":\"" + phone + "\"}";
			assertThat(submit(address, other, null).statusCode()).isEqualTo(i < 4 ? 201 : 429);
		}
		assertThat(jdbc.sql("select count(*) from opinion where content = '屯里的饮水工程停水三天了'").query(Long.class).single())
			.isOne();
	}

	private HttpResponse<String> submit(String address, String json, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/opinions"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** What counting costs a submission (printed, never asserted: the machine is shared). */
	@Test
	void measureWhatCountingCostsASubmission() {
		SubmissionGuard guard = guard(3, 100, 5);
		int n = 500;
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			guard.admit(someAddress(), somePhone(), true, null, null);
		}
		double ms = (System.nanoTime() - start) / 1e6;
		System.out.printf("*** SubmissionGuard: %d admissions (challenge check, address and phone counted) in %.0f ms = %.2f ms each%n", n,
				ms, ms / n);
		assertThat(jdbc.sql("select count(*) from submission_counter where window_start = ?")
			.param(java.time.OffsetDateTime.parse("2027-03-02T01:00:00Z")).query(Long.class).single()).isGreaterThanOrEqualTo(n / 2);
	}

	/** A clock the test moves. */
	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration d) {
			now = now.plus(d);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
