package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.notification.DeliveryRows.Row;
import org.lianluo.notification.internal.DeliverySender;
import org.lianluo.platform.PersonalData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Template SMS through Tencent Cloud (issue 23): opinions go through the real loop and outbox to a fake SMS API 3.0
 * that checks TC3-HMAC-SHA256 as Tencent documents it, the SdkAppId, the approved template, the 签名 and the
 * template's values in the mapping's order; Tencent's error codes drive the outbox: the daily limit of a number is
 * waited out, a template not approved and a wrong number are dead letters at once, the number masked.
 */
@LianluoTest
@Import(TencentSmsTests.Clocked.class)
@DirtiesContext
class TencentSmsTests {

	private static final Instant MORNING = AliyunSmsTests.MORNING;

	private static final TencentFakeSms tencent = new TencentFakeSms();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DeliverySender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	NotificationFixture f;

	DeliveryRows rows;

	@DynamicPropertySource
	static void tencent(DynamicPropertyRegistry registry) {
		registry.add("lianluo.notification.sms.provider", () -> "tencent");
		registry.add("lianluo.notification.sms.tencent.endpoint", tencent::url);
		registry.add("lianluo.notification.sms.tencent.region", () -> "ap-nanjing");
		registry.add("lianluo.notification.sms.tencent.sdk-app-id", () -> "1400006666");
		registry.add("lianluo.notification.sms.access-key", () -> TencentFakeSms.SECRET_ID);
		registry.add("lianluo.notification.sms.secret", () -> "tencent-test-secret");
		registry.add("lianluo.notification.sms.sign-name", () -> "百色人大");
		registry.add("lianluo.notification.sms.timeout", () -> "PT5S");
		registry.add("lianluo.notification.delivery.max-attempts", () -> "3");
		String[][] citizen = { { "received", "2001" }, { "assigned", "2002" }, { "fed-back", "2003" }, { "reopened", "2004" },
				{ "closed", "2005" }, { "merged", "2006" } };
		for (String[] t : citizen) {
			registry.add("lianluo.notification.sms.tencent.templates.citizen-" + t[0] + ".id", () -> t[1]);
			// Template 2003 reads "…请打开{1}查看并评价（查询码{2}）": the link first.
			registry.add("lianluo.notification.sms.tencent.templates.citizen-" + t[0] + ".params",
					() -> t[0].equals("fed-back") ? "link,code" : "code");
		}
	}

	@AfterAll
	static void stop() {
		tencent.close();
	}

	@BeforeEach
	void setUp() {
		clock.set(MORNING);
		tencent.secretKey = "tencent-test-secret";
		f = new NotificationFixture(port);
		rows = new DeliveryRows(jdbc, personalData);
	}

	@Test
	void eachMessageGoesOutAsItsApprovedTemplateWithTheValuesInTheTemplatesOrderSignedAsTencentDocumentsIt() {
		String phone = NotificationFixture.uniquePhone();
		String[] opinion = f.submit(phone, "COMPLAINT");
		String id = opinion[0];
		f.assign(id);
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "PLANNED", "text", "已安排疏通。"));
		assertThat(f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true)).status()).isEqualTo(200);
		List<Row> written = rows.await(phone, 3);
		sender.sendDue();

		assertThat(rows.of(phone)).extracting(Row::status).containsOnly("SENT");
		List<JsonNode> sent = tencent.acceptedFor(phone);
		assertThat(sent).extracting(b -> b.get("TemplateId").asText()).containsExactlyInAnyOrder("2001", "2002", "2003");
		assertThat(sent).allSatisfy(b -> {
			assertThat(b.get("SmsSdkAppId").asText()).isEqualTo("1400006666");
			assertThat(b.get("SignName").asText()).isEqualTo("百色人大");
			assertThat(b.get("PhoneNumberSet")).hasSize(1);
			assertThat(b.propertyNames()).containsExactlyInAnyOrder("PhoneNumberSet", "SmsSdkAppId", "SignName",
					"TemplateId", "TemplateParamSet", "SessionContext");
		});
		JsonNode received = sent.stream().filter(b -> b.get("TemplateId").asText().equals("2001")).findFirst().orElseThrow();
		assertThat(values(received)).containsExactly(opinion[1]);
		// all written at one instant of the test's clock: found by template, not by order
		assertThat(received.get("SessionContext").asText()).isEqualTo(written.stream()
			.filter(r -> r.template().equals("citizen-received")).findFirst().orElseThrow().id().toString());
		JsonNode fedBack = sent.stream().filter(b -> b.get("TemplateId").asText().equals("2003")).findFirst().orElseThrow();
		assertThat(values(fedBack)).hasSize(2);
		assertThat(values(fedBack).get(0)).endsWith("/track?code=" + opinion[1] + "&key=" + opinion[2]);
		assertThat(values(fedBack).get(1)).isEqualTo(opinion[1]);
		assertThat(tencent.regions).contains("ap-nanjing");
	}

	@Test
	void aSignatureTencentCannotVerifyIsRefusedAndTriedAgainLater() {
		String phone = NotificationFixture.uniquePhone();
		f.submit(phone, "COMPLAINT");
		rows.await(phone, 1);
		tencent.secretKey = "a-rotated-secret";
		sender.sendDue();

		assertThat(tencent.refusedSignatures).contains("signature");
		assertThat(rows.last(phone)).extracting(Row::status, Row::attempts, Row::lastError)
			.containsExactly("FAILED", 1, "tencent HTTP 200 AuthFailure.SignatureFailure");
		tencent.secretKey = "tencent-test-secret";
		clock.advance(Duration.ofMinutes(1));
		sender.sendDue();
		assertThat(rows.last(phone).status()).isEqualTo("SENT");
	}

	@Test
	void aNumbersDailyLimitIsWaitedOutWithoutSpendingAnAttempt() {
		String phone = NotificationFixture.uniquePhone();
		tencent.numberCodes.put("+86" + phone, "LimitExceeded.PhoneNumberDailyLimit");
		f.submit(phone, "COMPLAINT");
		rows.await(phone, 1);
		sender.sendDue();

		Row waiting = rows.last(phone);
		assertThat(waiting).extracting(Row::status, Row::attempts, Row::lastError).containsExactly("PENDING", 0, "rate-limited");
		// until Beijing's midnight, but never longer than max-retry-after-seconds (3600) at a time
		assertThat(waiting.nextAttemptAt()).isEqualTo(MORNING.plus(Duration.ofHours(1)));
		tencent.numberCodes.remove("+86" + phone);
		clock.advance(Duration.ofHours(1));
		sender.sendDue();
		assertThat(rows.last(phone).status()).isEqualTo("SENT");
		assertThat(tencent.acceptedFor(phone)).hasSize(2);
	}

	@Test
	void aTemplateNotApprovedIsADeadLetterAtOnce() {
		String phone = NotificationFixture.uniquePhone();
		tencent.callErrors.put("+86" + phone, "FailedOperation.TemplateIncorrectOrUnapproved");
		f.submit(phone, "COMPLAINT");
		rows.await(phone, 1);
		sender.sendDue();
		clock.advance(Duration.ofHours(5));
		sender.sendDue();

		Row dead = rows.last(phone);
		assertThat(dead).extracting(Row::status, Row::attempts).containsExactly("DEAD", 1);
		assertThat(dead.lastError()).contains("短信模板未审核通过", "腾讯云 FailedOperation.TemplateIncorrectOrUnapproved",
				PersonalData.mask(phone)).doesNotContain(phone);
		assertThat(tencent.acceptedFor(phone)).hasSize(1);
	}

	@Test
	void anIncorrectNumberIsADeadLetterAtOnceItsNumberMasked() {
		String phone = NotificationFixture.uniquePhone();
		tencent.callErrors.put("+86" + phone, "InvalidParameterValue.IncorrectPhoneNumber");
		f.submit(phone, "COMPLAINT");
		rows.await(phone, 1);
		sender.sendDue();

		Row dead = rows.last(phone);
		assertThat(dead).extracting(Row::status, Row::attempts).containsExactly("DEAD", 1);
		assertThat(dead.lastError()).contains("手机号码无效", "InvalidParameterValue.IncorrectPhoneNumber", PersonalData.mask(phone))
			.doesNotContain(phone);
	}

	private static List<String> values(JsonNode body) {
		List<String> values = new ArrayList<>();
		body.get("TemplateParamSet").forEach(v -> values.add(v.asText()));
		return values;
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
