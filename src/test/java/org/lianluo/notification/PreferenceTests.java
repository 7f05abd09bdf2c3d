package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.notification.internal.DeliverySender;
import org.lianluo.opinion.Supervision;
import org.lianluo.platform.PersonalData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Choices per kind of message and channel: the inbox always; e-mail (through GreenMail) and SMS (to the log
 * channel) only for the kinds the user chose; a wrong number or an unknown kind refused in Chinese, nothing saved.
 */
@LianluoTest
@TestMailServer.Configured
class PreferenceTests {

	@RegisterExtension
	static TestMailServer smtp = new TestMailServer();

	@LocalServerPort
	int port;

	@Autowired
	DeliverySender sender;

	@Autowired
	Supervision supervision;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachKindReachesTheChannelsItsRecipientChoseAndTheInboxAlways() throws Exception {
		NotificationFixture f = new NotificationFixture(port);
		String email = NotificationFixture.uniqueHandlerEmail();
		String phone = NotificationFixture.uniquePhone();
		JsonNode defaults = f.handler.get("/api/v1/inbox/preferences").json();
		assertThat(defaults.get("kinds").get("ASSIGNED").get("email").asBoolean()).isTrue();
		assertThat(defaults.get("kinds").get("ASSIGNED").get("sms").asBoolean()).isFalse();

		JsonNode saved = f.handler.put("/api/v1/inbox/preferences", Map.of("email", email, "emailEnabled", true,
				"phone", phone, "kinds", Map.of("ASSIGNED", Map.of("email", true, "sms", true),
						"SUPERVISION_1", Map.of("email", false, "sms", false),
						"SUPERVISION_4", Map.of("email", false, "sms", true)))).json();
		assertThat(saved.get("phone").asText()).isEqualTo(phone);
		assertThat(saved.get("kinds").get("SUPERVISION_1").get("email").asBoolean()).isFalse();
		assertThat(saved.get("kinds").get("SUPERVISION_2").get("email").asBoolean()).as("unchosen: the default").isTrue();

		Api.Response refused = f.handler.put("/api/v1/inbox/preferences", Map.of("email", "other@example.cn",
				"emailEnabled", true, "phone", "12345", "kinds", Map.of("LOTTERY", Map.of("email", true, "sms", true))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("手机号应为 11 位").contains("没有“LOTTERY”这一消息类别");
		JsonNode unchanged = f.handler.get("/api/v1/inbox/preferences").json();
		assertThat(unchanged.get("email").asText()).as("nothing saved").isEqualTo(email);
		assertThat(unchanged.get("phone").asText()).isEqualTo(phone);

		String[] opinion = f.submit(null, "COMPLAINT");
		f.assign(opinion[0]);
		supervision.advance(UUID.fromString(opinion[0]), Instant.now().plus(Duration.ofDays(60)));
		await().atMost(Duration.ofSeconds(20)).until(() -> f.handler.get("/api/v1/inbox").json().get("total").asInt() == 5);
		sender.sendDue();
		sender.sendDue();

		assertThat(templates(email, "EMAIL")).containsExactlyInAnyOrder("opinion-assigned", "opinion-supervised-2",
				"opinion-supervised-3");
		assertThat(templates(phone, "SMS")).containsExactlyInAnyOrder("opinion-assigned", "opinion-supervised-4");
		assertThat(statuses(email)).containsOnly("SENT");
		// (whether the SMS went out already depends on the hour: quiet hours are SmsDeliveryTests' business)
		List<MimeMessage> mails = smtp.to(email);
		assertThat(mails).hasSize(3);
		assertThat(mails).noneSatisfy(m -> assertThat((String) m.getContent()).contains("提醒"));
		assertThat(f.secondHandler.get("/api/v1/inbox").json().get("total").asInt()).as("the inbox always").isEqualTo(5);

		// The old body (address and switch only) keeps the number and the choices per kind; "" clears the number.
		JsonNode kept = f.handler.put("/api/v1/inbox/preferences", Map.of("email", email, "emailEnabled", false)).json();
		assertThat(kept.get("kinds").get("SUPERVISION_4").get("sms").asBoolean()).isTrue();
		assertThat(kept.get("phone").asText()).isEqualTo(phone);
		assertThat(f.handler.put("/api/v1/inbox/preferences", Map.of("email", email, "emailEnabled", false, "phone", ""))
			.json().get("phone").isNull()).isTrue();
	}

	private List<String> templates(String recipient, String channel) {
		return jdbc.sql("select template from notification_delivery where recipient_hash = ? and channel = ?")
			.params(personalData.searchHash(recipient), channel)
			.query(String.class)
			.list();
	}

	private List<String> statuses(String recipient) {
		return jdbc.sql("select status from notification_delivery where recipient_hash = ?")
			.param(personalData.searchHash(recipient))
			.query(String.class)
			.list();
	}
}
