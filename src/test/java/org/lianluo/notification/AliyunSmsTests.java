package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.notification.DeliveryRows.Row;
import org.lianluo.notification.internal.DeliverySender;
import org.lianluo.platform.PersonalData;
import org.lianluo.region.WorkingCalendar;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Template SMS through Aliyun (issue 23): a citizen's opinion goes through the real loop and outbox to a fake
 * dysmsapi that checks the V3 signature as Aliyun documents it, the approved template, the 签名 and the template's
 * values; Aliyun's error codes drive the outbox: its flow control is waited out, a template not approved and a bad
 * number are dead letters at once with a Chinese reason, the phone masked.
 */
@LianluoTest
@Import(AliyunSmsTests.Clocked.class)
// Its own scheduler runs on a clock the test moves: closed after the class (as SmsDeliveryTests).
@DirtiesContext
class AliyunSmsTests {

	/** A weekday, 10:00 in Asia/Shanghai: outside quiet hours. */
	static final Instant MORNING = LocalDate.now(WorkingCalendar.ZONE).atTime(LocalTime.of(10, 0))
		.atZone(WorkingCalendar.ZONE)
		.toInstant();

	private static final AliyunFakeSms aliyun = new AliyunFakeSms();

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	static void aliyun(DynamicPropertyRegistry registry) {
		registry.add("lianluo.notification.sms.provider", () -> "aliyun");
		registry.add("lianluo.notification.sms.aliyun.endpoint", aliyun::url);
		registry.add("lianluo.notification.sms.access-key", () -> AliyunFakeSms.KEY_ID);
		registry.add("lianluo.notification.sms.secret", () -> "aliyun-test-secret");
		registry.add("lianluo.notification.sms.sign-name", () -> "百色人大");
		registry.add("lianluo.notification.sms.timeout", () -> "PT5S");
		registry.add("lianluo.notification.delivery.max-attempts", () -> "3");
		String[][] citizen = { { "received", "SMS_460001" }, { "assigned", "SMS_460002" }, { "fed-back", "SMS_460003" },
				{ "reopened", "SMS_460004" }, { "closed", "SMS_460005" }, { "merged", "SMS_460006" } };
		for (String[] t : citizen) {
			registry.add("lianluo.notification.sms.aliyun.templates.citizen-" + t[0] + ".id", () -> t[1]);
			// The registered template names its variable ${trackingCode}: the mapping says which value fills it.
			registry.add("lianluo.notification.sms.aliyun.templates.citizen-" + t[0] + ".params",
					() -> t[0].equals("fed-back") ? "trackingCode=code,link" : "trackingCode=code");
		}
	}

	@AfterAll
	static void stop() {
		aliyun.close();
	}

	@BeforeEach
	void setUp() {
		clock.set(MORNING);
		aliyun.secret = "aliyun-test-secret";
		f = new NotificationFixture(port);
		rows = new DeliveryRows(jdbc, personalData);
	}

	@Test
	void theReceiptGoesOutAsTheApprovedTemplateUnderTheSignatureSignedAsAliyunDocumentsIt() {
		String phone = NotificationFixture.uniquePhone();
		String[] opinion = f.submit(phone, "COMPLAINT");
		Row row = rows.await(phone, 1).get(0);
		sender.sendDue();

		assertThat(rows.last(phone).status()).isEqualTo("SENT");
		assertThat(aliyun.acceptedFor(phone)).hasSize(1);
		Map<String, String> sms = aliyun.acceptedFor(phone).get(0);
		assertThat(sms).containsOnlyKeys("PhoneNumbers", "SignName", "TemplateCode", "TemplateParam", "OutId");
		assertThat(sms.get("SignName")).isEqualTo("百色人大");
		assertThat(sms.get("TemplateCode")).isEqualTo("SMS_460001");
		assertThat(sms.get("OutId")).isEqualTo(row.id().toString());
		JsonNode params = JSON.readTree(sms.get("TemplateParam"));
		assertThat(params.propertyNames()).containsExactly("trackingCode");
		assertThat(params.get("trackingCode").asText()).isEqualTo(opinion[1]);
	}

	@Test
	void aSignatureAliyunCannotVerifyIsRefusedAndTriedAgainLater() {
		String phone = NotificationFixture.uniquePhone();
		f.submit(phone, "COMPLAINT");
		rows.await(phone, 1);
		aliyun.secret = "a-rotated-secret";
		sender.sendDue();

		assertThat(aliyun.refusedSignatures).contains("signature");
		assertThat(aliyun.acceptedFor(phone)).isEmpty();
		assertThat(rows.last(phone)).extracting(Row::status, Row::attempts, Row::lastError)
			.containsExactly("FAILED", 1, "aliyun HTTP 400 SignatureDoesNotMatch");
		aliyun.secret = "aliyun-test-secret";
		clock.advance(Duration.ofMinutes(1));
		sender.sendDue();
		assertThat(rows.last(phone).status()).isEqualTo("SENT");
	}

	@Test
	void aliyunsFlowControlIsWaitedOutWithoutSpendingAnAttempt() {
		String phone = NotificationFixture.uniquePhone();
		aliyun.answers.put(phone, new String[] { "isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1" });
		f.submit(phone, "COMPLAINT");
		rows.await(phone, 1);
		sender.sendDue();

		Row waiting = rows.last(phone);
		assertThat(waiting).extracting(Row::status, Row::attempts, Row::lastError).containsExactly("PENDING", 0, "rate-limited");
		// the minute's limit, as Aliyun's message says, and a second beyond
		assertThat(waiting.nextAttemptAt()).isEqualTo(MORNING.plusSeconds(61));
		aliyun.answers.remove(phone);
		clock.advance(Duration.ofSeconds(60));
		sender.sendDue();
		assertThat(aliyun.acceptedFor(phone)).hasSize(1);
		clock.advance(Duration.ofSeconds(1));
		sender.sendDue();
		assertThat(rows.last(phone).status()).isEqualTo("SENT");
		assertThat(aliyun.acceptedFor(phone)).hasSize(2);
	}

	@Test
	void aTemplateNotApprovedIsADeadLetterAtOnceThatTheAdminsRetrySendsOnceItIs() {
		String phone = NotificationFixture.uniquePhone();
		aliyun.answers.put(phone, new String[] { "isv.SMS_TEMPLATE_ILLEGAL", "模板不合法(不存在或被拉黑)" });
		f.submit(phone, "COMPLAINT");
		Row row = rows.await(phone, 1).get(0);
		sender.sendDue();

		Row dead = rows.last(phone);
		assertThat(dead).extracting(Row::status, Row::attempts).containsExactly("DEAD", 1);
		assertThat(dead.lastError()).contains("短信模板未审核通过", "阿里云 isv.SMS_TEMPLATE_ILLEGAL", PersonalData.mask(phone))
			.doesNotContain(phone);
		clock.advance(Duration.ofHours(5));
		sender.sendDue();
		assertThat(aliyun.acceptedFor(phone)).as("no retry of a refusal for good").hasSize(1);
		JsonNode listed = null;
		for (JsonNode d : f.admin.get("/api/v1/admin/deliveries?status=DEAD&size=200").json().get("items")) {
			listed = d.get("id").asText().equals(row.id().toString()) ? d : listed;
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("lastError").asText()).isEqualTo(dead.lastError());

		aliyun.answers.remove(phone);
		assertThat(f.admin.post("/api/v1/admin/deliveries/" + row.id() + "/retry", "{}").status()).isEqualTo(200);
		sender.sendDue();
		assertThat(rows.last(phone).status()).isEqualTo("SENT");
	}

	@Test
	void aNumberAliyunCallsIllegalIsADeadLetterAtOnceItsNumberMasked() {
		String phone = NotificationFixture.uniquePhone();
		aliyun.answers.put(phone, new String[] { "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号" });
		f.submit(phone, "COMPLAINT");
		rows.await(phone, 1);
		sender.sendDue();

		Row dead = rows.last(phone);
		assertThat(dead).extracting(Row::status, Row::attempts).containsExactly("DEAD", 1);
		assertThat(dead.lastError()).contains("手机号码无效", "isv.MOBILE_NUMBER_ILLEGAL", PersonalData.mask(phone))
			.doesNotContain(phone);
	}

	@Test
	void aStaffMessageWithoutAnApprovedTemplateIsADeadLetterNamingTheSettingToAdd() {
		String phone = NotificationFixture.uniquePhone();
		assertThat(f.handler.put("/api/v1/inbox/preferences", Map.of("email", NotificationFixture.uniqueHandlerEmail(),
				"emailEnabled", false, "phone", phone, "kinds", Map.of("ASSIGNED", Map.of("email", false, "sms", true))))
			.status()).isEqualTo(200);
		String[] opinion = f.submit(null, "COMPLAINT");
		f.assign(opinion[0]);
		Row row = rows.await(phone, 1).get(0);
		assertThat(row.template()).isEqualTo("opinion-assigned");
		sender.sendDue();

		Row dead = rows.last(phone);
		assertThat(dead).extracting(Row::status, Row::attempts).containsExactly("DEAD", 1);
		assertThat(dead.lastError()).contains("lianluo.notification.sms.aliyun.templates.opinion-assigned", PersonalData.mask(phone))
			.doesNotContain(phone);
		assertThat(aliyun.acceptedFor(phone)).as("nothing reached Aliyun").isEmpty();
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
