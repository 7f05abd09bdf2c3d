package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.SecondNode;
import org.lianluo.notification.FakeSmsGateway.Mode;
import org.lianluo.notification.internal.DeliverySender;
import org.lianluo.platform.DatabaseScope;
import org.lianluo.platform.PersonalData;
import org.lianluo.region.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SMS to the citizen through the HTTP gateway, against a local server that plays the gateway, on a clock the
 * test moves: sent once with the tracking code; failures retried with back-off into the dead letters and
 * delivered by ADMIN's retry; timeouts and crashes resent under the same out-id; 429 waited out; quiet hours
 * and the per-phone limit.
 */
@LianluoTest
@Import(SmsDeliveryTests.Clocked.class)
// Its application context runs its own scheduler on the shared database with a clock weeks ahead; closed after
// the class, so that it never fires another test's deadline timers at that future time.
@DirtiesContext
class SmsDeliveryTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final FakeSmsGateway gateway = start();

	/** A weekday, 10:00 in Asia/Shanghai: inside working hours. */
	private static final Instant MORNING = LocalDate.now(WorkingCalendar.ZONE)
		.atTime(LocalTime.of(10, 0))
		.atZone(WorkingCalendar.ZONE)
		.toInstant();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DeliverySender sender;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	NotificationFixture f;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		registry.add("lianluo.notification.sms.url", gateway::url);
		registry.add("lianluo.notification.sms.access-key", () -> "test-key");
		registry.add("lianluo.notification.sms.secret", () -> "test-secret");
		registry.add("lianluo.notification.sms.sign-name", () -> "百色人大");
		// Under the SLOW gateway's 1.5 s, yet long enough that a loaded machine does not time out the OK ones.
		registry.add("lianluo.notification.sms.timeout", () -> "PT1S");
		registry.add("lianluo.notification.sms.per-phone-per-hour", () -> "3");
		registry.add("lianluo.notification.sms.templates.citizen-received", () -> "SMS_100001");
		registry.add("lianluo.notification.sms.templates.citizen-assigned", () -> "SMS_100002");
		registry.add("lianluo.notification.delivery.max-attempts", () -> "3");
		registry.add("lianluo.notification.delivery.first-backoff", () -> "PT1M");
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@BeforeEach
	void setUp() {
		clock.set(MORNING);
		gateway.mode(Mode.OK);
		f = new NotificationFixture(port);
	}

	@Test
	void theCitizenHearsOfReceiptAndAssignmentOnceWithTheTrackingCode() {
		String phone = NotificationFixture.uniquePhone();
		String[] opinion = f.submit(phone, "COMPLAINT");
		List<Row> rows = awaitRows(phone, 1);
		assertThat(rows.get(0).status()).isEqualTo("PENDING");
		sender.sendDue();

		assertThat(gateway.deliveredTo(phone)).hasSize(1);
		JsonNode sms = gateway.deliveredTo(phone).get(0);
		assertThat(sms.get("templateCode").asText()).isEqualTo("SMS_100001");
		assertThat(sms.get("templateParam").get("code").asText()).isEqualTo(opinion[1]);
		assertThat(sms.get("outId").asText()).isEqualTo(rows.get(0).id().toString());
		assertThat(sms.get("signName").asText()).isEqualTo("百色人大");

		f.assign(opinion[0]);
		awaitRows(phone, 2);
		sender.sendDue();
		sender.sendDue();
		assertThat(gateway.requestsTo(phone)).hasSize(2);
		assertThat(gateway.deliveredTo(phone)).extracting(r -> r.get("templateCode").asText())
			.containsExactlyInAnyOrder("SMS_100001", "SMS_100002");
		assertThat(rows(phone)).extracting(Row::status).containsOnly("SENT");
		assertThat(jdbc.sql("select count(*) from notification_delivery where recipient_enc like ?")
			.param("%" + phone + "%").query(Long.class).single()).as("phone stored encrypted").isZero();
	}

	@Test
	void theCitizenHearsOfEachFeedbackRoundTheReopeningAndTheClosingOnce() {
		String phone = NotificationFixture.uniquePhone();
		String[] opinion = f.submit(phone, "COMPLAINT");
		String id = opinion[0];
		f.assign(id);
		awaitRows(phone, 2);
		for (int round = 0; round < 2; round++) {
			f.handler.post("/api/v1/opinions/" + id + "/accept", java.util.Map.of());
			f.handler.post("/api/v1/opinions/" + id + "/reply", java.util.Map.of("result", "PLANNED", "text", "已安排疏通。"));
			assertThat(f.assessor.post("/api/v1/opinions/" + id + "/review", java.util.Map.of("approve", true)).status())
				.isEqualTo(200);
			awaitRows(phone, 3 + 2 * round);
			if (round == 0) {
				f.citizen.post("/api/v1/public/opinions/" + opinion[1] + "/evaluation", java.util.Map.of("grade", "UNSATISFIED",
						"ratingKey", opinion[2]));
				awaitRows(phone, 4);
			}
		}
		f.citizen.post("/api/v1/public/opinions/" + opinion[1] + "/evaluation",
				java.util.Map.of("grade", "SATISFIED", "ratingKey", opinion[2]));
		awaitRows(phone, 6);
		for (int hour = 0; hour < 3; hour++) {
			sender.sendDue();
			clock.advance(Duration.ofMinutes(61));
		}

		assertThat(gateway.deliveredTo(phone)).hasSize(6);
		assertThat(gateway.requestsTo(phone)).hasSize(6);
		assertThat(gateway.deliveredTo(phone)).extracting(r -> r.get("templateCode").asText())
			.containsExactlyInAnyOrder("SMS_100001", "SMS_100002", "citizen-fed-back", "citizen-reopened",
					"citizen-fed-back", "citizen-closed");
		assertThat(gateway.deliveredTo(phone)).allSatisfy(r -> assertThat(r.get("templateParam").get("code").asText())
			.isEqualTo(opinion[1]));
		// the feedback SMS links to the rating page with the citizen's rating key, made at sending and stored nowhere
		assertThat(gateway.deliveredTo(phone)).filteredOn(r -> r.get("templateCode").asText().equals("citizen-fed-back"))
			.hasSize(2)
			.allSatisfy(r -> assertThat(r.get("templateParam").get("link").asText())
				.endsWith("/track?code=" + opinion[1] + "&key=" + opinion[2]));
		assertThat(jdbc.sql("select string_agg(params, '') from notification_delivery where recipient_hash = ?")
			.param(personalData.searchHash(phone)).query(String.class).single()).doesNotContain(opinion[2]);
		await().atMost(WAIT).until(() -> f.handler.get("/api/v1/inbox").json().get("total").asInt() == 2);
		List<String> texts = new java.util.ArrayList<>();
		f.handler.get("/api/v1/inbox").json().get("items").forEach(m -> texts.add(m.get("kind").asText() + " " + m.get("text").asText()));
		// Both were written at the same instant of the test's clock, so their order is not asserted.
		assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("REOPENED").doesNotContain(opinion[1]).contains("重新办理"));
	}

	@Test
	void aFailingGatewayEndsInTheDeadLettersAndTheAdminsRetryDelivers() {
		gateway.mode(Mode.FAIL);
		String phone = NotificationFixture.uniquePhone();
		f.submit(phone, "COMPLAINT");
		UUID id = awaitRows(phone, 1).get(0).id();

		sender.sendDue();
		assertThat(row(phone)).extracting(Row::status, Row::attempts).containsExactly("FAILED", 1);
		assertThat(row(phone).nextAttemptAt()).isEqualTo(MORNING.plus(Duration.ofMinutes(1)));
		sender.sendDue();
		assertThat(gateway.requestsTo(phone)).as("nothing before the back-off").hasSize(1);
		clock.advance(Duration.ofMinutes(1));
		sender.sendDue();
		assertThat(row(phone)).extracting(Row::status, Row::attempts).containsExactly("FAILED", 2);
		assertThat(row(phone).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
		clock.advance(Duration.ofMinutes(2));
		sender.sendDue();
		assertThat(row(phone)).extracting(Row::status, Row::attempts).containsExactly("DEAD", 3);
		clock.advance(Duration.ofHours(5));
		sender.sendDue();
		assertThat(gateway.requestsTo(phone)).hasSize(3);
		assertThat(gateway.deliveredTo(phone)).isEmpty();

		JsonNode dead = f.admin.get("/api/v1/admin/deliveries?status=DEAD&size=200").json();
		JsonNode listed = null;
		for (JsonNode d : dead.get("items")) {
			if (d.get("id").asText().equals(id.toString())) {
				listed = d;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("recipient").asText()).isEqualTo(PersonalData.mask(phone));
		assertThat(listed.get("lastError").asText()).isEqualTo("HTTP 500");
		assertThat(f.handler.get("/api/v1/admin/deliveries").status()).isEqualTo(403);
		assertThat(f.admin.get("/api/v1/admin/deliveries?status=LOST").status()).isEqualTo(400);
		assertThat(f.handler.post("/api/v1/admin/deliveries/" + id + "/retry", "{}").status()).isEqualTo(403);

		gateway.mode(Mode.OK);
		JsonNode retried = f.admin.post("/api/v1/admin/deliveries/" + id + "/retry", "{}").json();
		assertThat(retried.get("status").asText()).isEqualTo("PENDING");
		assertThat(f.admin.post("/api/v1/admin/deliveries/" + id + "/retry", "{}").status()).isEqualTo(409);
		sender.sendDue();
		assertThat(row(phone).status()).isEqualTo("SENT");
		assertThat(gateway.deliveredTo(phone)).hasSize(1);
	}

	@Test
	void aTimeoutIsRetriedUnderTheSameOutIdAndTheTextArrivesOnce() {
		gateway.mode(Mode.SLOW);
		String phone = NotificationFixture.uniquePhone();
		f.submit(phone, "COMPLAINT");
		awaitRows(phone, 1);

		sender.sendDue();
		assertThat(row(phone).status()).isEqualTo("FAILED");
		assertThat(row(phone).lastError()).startsWith("timeout");
		gateway.mode(Mode.OK);
		clock.advance(Duration.ofMinutes(1));
		sender.sendDue();

		assertThat(row(phone).status()).isEqualTo("SENT");
		List<JsonNode> requests = gateway.requestsTo(phone);
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).get("outId").asText()).isEqualTo(requests.get(0).get("outId").asText());
		assertThat(gateway.deliveredTo(phone)).hasSize(1);
	}

	@Test
	void aNodeKilledBetweenSendingAndMarkingLeavesALeaseAfterWhichTheSameOutIdIsSentAgain() {
		String phone = NotificationFixture.uniquePhone();
		f.submit(phone, "COMPLAINT");
		UUID id = awaitRows(phone, 1).get(0).id();
		sender.sendDue();
		assertThat(gateway.deliveredTo(phone)).hasSize(1);

		// What a node leaves when it dies after the gateway accepted and before it marked SENT: its claim.
		jdbc.sql("""
				update notification_delivery set status = 'SENDING', sent_at = null, attempts = 1, next_attempt_at = ?
				where id = ?""")
			.params(OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(5)), java.time.ZoneOffset.UTC), id)
			.update();
		sender.sendDue();
		assertThat(gateway.requestsTo(phone)).as("nobody sends while the lease holds").hasSize(1);
		clock.advance(Duration.ofMinutes(5));
		sender.sendDue();

		assertThat(row(phone)).extracting(Row::status, Row::attempts).containsExactly("SENT", 2);
		assertThat(gateway.requestsTo(phone)).hasSize(2).allSatisfy(r -> assertThat(r.get("outId").asText()).isEqualTo(id.toString()));
		assertThat(gateway.deliveredTo(phone)).hasSize(1);
	}

	@Test
	void aNodeStoppedWhileTheGatewayAnswersIsReplacedByAnotherThatSendsUnderTheSameOutId() throws Exception {
		// The doomed node runs on the real clock: before 10:00 in 百色 this morning's text is not due for it yet, so the
		// opinion comes in at yesterday's 10:00 (outside quiet hours either way).
		if (MORNING.isAfter(Instant.now())) {
			clock.set(MORNING.minus(Duration.ofDays(1)));
		}
		String phone = NotificationFixture.uniquePhone();
		f.submit(phone, "COMPLAINT");
		UUID id = awaitRows(phone, 1).get(0).id();
		gateway.mode(Mode.HANG);
		gateway.accepted = new java.util.concurrent.CountDownLatch(1);
		gateway.release = new java.util.concurrent.CountDownLatch(1);
		// No quiet hours on the real time of day it runs on (the evening CI run would otherwise hold the text until morning).
		ConfigurableApplicationContext doomed = SecondNode.start("lianluo.notification.sms.url=" + gateway.url(),
				"lianluo.notification.sms.access-key=test-key", "lianluo.notification.sms.secret=test-secret",
				"lianluo.notification.sms.sign-name=百色人大", "lianluo.notification.sms.timeout=PT60S",
				"lianluo.notification.sms.per-phone-per-hour=3", "lianluo.notification.sms.quiet-from=00:00",
				"lianluo.notification.sms.quiet-until=00:00");
		// The doomed node's clock is the system's; ours must be at its time for its claim to be judged by it.
		clock.set(Instant.now());
		ExecutorService thread = Executors.newSingleThreadExecutor();
		// As the node's delivery task would, under its own system scope (a thread of the test's own has none).
		Future<Integer> doomedSend = thread.submit(() -> DatabaseScope.asSystem("notification-delivery",
				() -> doomed.getBean(DeliverySender.class).sendDue()));
		boolean accepted = gateway.accepted.await(90, TimeUnit.SECONDS);
		doomed.close();
		assertThat(accepted).as("the doomed node sent the text").isTrue();
		gateway.release.countDown();
		assertThatThrownBy(doomedSend::get).as("the stopped node cannot mark what it sent");
		thread.shutdown();
		assertThat(row(phone).status()).isEqualTo("SENDING");

		gateway.mode(Mode.OK);
		sender.sendDue();
		assertThat(gateway.requestsTo(phone)).as("the lease holds").hasSize(1);
		clock.advance(Duration.ofMinutes(6));
		// The doomed node ran on the real time of day: from 22:00 in 百色 the resend waits for the morning.
		java.time.ZonedDateTime local = clock.instant().atZone(WorkingCalendar.ZONE);
		if (local.getHour() >= 22 || local.getHour() < 8) {
			clock.set((local.getHour() >= 22 ? local.plusDays(1) : local).with(LocalTime.of(8, 1)).toInstant());
		}
		sender.sendDue();

		assertThat(row(phone)).extracting(Row::status, Row::attempts).containsExactly("SENT", 2);
		assertThat(gateway.requestsTo(phone)).hasSize(2).allSatisfy(r -> assertThat(r.get("outId").asText()).isEqualTo(id.toString()));
		assertThat(gateway.deliveredTo(phone)).hasSize(1);
	}

	@Test
	void aRateLimitedGatewayIsWaitedOutWithoutSpendingAnAttempt() {
		gateway.mode(Mode.RATE_LIMITED);
		String phone = NotificationFixture.uniquePhone();
		f.submit(phone, "COMPLAINT");
		awaitRows(phone, 1);

		sender.sendDue();
		assertThat(row(phone)).extracting(Row::status, Row::attempts).containsExactly("PENDING", 0);
		assertThat(row(phone).nextAttemptAt()).isEqualTo(MORNING.plusSeconds(121));
		gateway.mode(Mode.OK);
		clock.advance(Duration.ofSeconds(60));
		sender.sendDue();
		assertThat(gateway.deliveredTo(phone)).isEmpty();
		clock.advance(Duration.ofSeconds(61));
		sender.sendDue();
		assertThat(row(phone).status()).isEqualTo("SENT");
		assertThat(gateway.deliveredTo(phone)).hasSize(1);
	}

	@Test
	void quietHoursHoldSmsUntilEightExceptForUrgentOpinions() {
		Instant lateEvening = MORNING.atZone(WorkingCalendar.ZONE).withHour(23).withMinute(30).toInstant();
		Instant nextEight = MORNING.atZone(WorkingCalendar.ZONE).plusDays(1).withHour(8).toInstant();
		clock.set(lateEvening);
		String quiet = NotificationFixture.uniquePhone();
		String urgent = NotificationFixture.uniquePhone();
		f.submit(quiet, "COMPLAINT");
		f.submit(urgent, "URGENT");
		awaitRows(quiet, 1);
		awaitRows(urgent, 1);
		assertThat(row(quiet).nextAttemptAt()).isEqualTo(nextEight);

		sender.sendDue();
		assertThat(gateway.deliveredTo(urgent)).hasSize(1);
		assertThat(gateway.requestsTo(quiet)).isEmpty();
		clock.set(nextEight.minusSeconds(60));
		sender.sendDue();
		assertThat(gateway.requestsTo(quiet)).isEmpty();
		clock.set(nextEight);
		sender.sendDue();
		assertThat(gateway.deliveredTo(quiet)).hasSize(1);
	}

	@Test
	void aPhoneGetsAtMostThreeSmsAnHour() {
		String phone = NotificationFixture.uniquePhone();
		for (int i = 0; i < 4; i++) {
			f.submit(phone, "COMPLAINT");
		}
		awaitRows(phone, 4);

		sender.sendDue();
		assertThat(gateway.deliveredTo(phone)).hasSize(3);
		Row held = rows(phone).stream().filter(r -> r.status().equals("PENDING")).findFirst().orElseThrow();
		assertThat(held.nextAttemptAt()).isEqualTo(MORNING.plus(Duration.ofHours(1)));
		clock.advance(Duration.ofMinutes(30));
		sender.sendDue();
		assertThat(gateway.deliveredTo(phone)).hasSize(3);
		clock.advance(Duration.ofMinutes(30));
		sender.sendDue();
		assertThat(gateway.deliveredTo(phone)).hasSize(4);
	}

	@Test
	void theOfficesWordingOfAnSmsGoesToTheGatewayFromTheNextTextOn() {
		String phone = NotificationFixture.uniquePhone();
		String[] before = f.submit(phone, "COMPLAINT");
		awaitRows(phone, 1);
		sender.sendDue();
		try {
			assertThat(f.admin.put("/api/v1/admin/notification-templates", java.util.Map.of("template", "citizen-received",
					"channel", "SMS", "body", "【百色人大】意见已收到，查询码 {code}。")).status()).isEqualTo(200);
			String[] after = f.submit(phone, "COMPLAINT");
			awaitRows(phone, 2);
			sender.sendDue();
			List<JsonNode> sent = gateway.deliveredTo(phone);
			assertThat(sent).hasSize(2);
			assertThat(sent).anySatisfy(r -> assertThat(r.get("content").asText())
				.isEqualTo("【人大代表联络站】您反映的意见已收到，查询码 " + before[1] + "，可凭此码查询办理进度。"));
			assertThat(sent).anySatisfy(r -> assertThat(r.get("content").asText())
				.isEqualTo("【百色人大】意见已收到，查询码 " + after[1] + "。"));
			assertThat(sent).allSatisfy(r -> assertThat(r.get("templateCode").asText()).isEqualTo("SMS_100001"));
		}
		finally {
			jdbc.sql("delete from notification_template").update();
		}
	}

	private List<Row> awaitRows(String phone, int count) {
		await().atMost(WAIT).until(() -> rows(phone).size() >= count);
		return rows(phone);
	}

	private Row row(String phone) {
		return rows(phone).get(0);
	}

	private List<Row> rows(String phone) {
		return jdbc.sql("""
				select id, status, attempts, next_attempt_at, last_error from notification_delivery
				where recipient_hash = ? order by created_at, id""")
			.param(personalData.searchHash(phone))
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
			.list();
	}

	private static FakeSmsGateway start() {
		try {
			return new FakeSmsGateway();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Row(UUID id, String status, int attempts, Instant nextAttemptAt, String lastError) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocked {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(MORNING);
		}
	}
}
