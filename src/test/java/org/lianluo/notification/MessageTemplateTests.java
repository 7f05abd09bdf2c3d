package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.notification.internal.DeliverySender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * ADMIN's wording of messages: refused in Chinese when it names a placeholder the message has not, leaves braces
 * open or makes an SMS too long (nothing saved); previewed with sample values; kept with who changed it; used
 * from the next message on, in the inbox and in e-mail (through GreenMail, links kept); back to the default.
 */
@LianluoTest
@TestMailServer.Configured
class MessageTemplateTests {

	private static final String PATH = "/api/v1/admin/notification-templates";

	@RegisterExtension
	static TestMailServer smtp = new TestMailServer();

	@LocalServerPort
	int port;

	@Autowired
	DeliverySender sender;

	@Autowired
	JdbcClient jdbc;

	/** Templates are the whole application's: other tests expect the defaults. */
	@AfterEach
	void defaults() {
		jdbc.sql("delete from notification_template").update();
	}

	@Test
	void aWrongTemplateIsRefusedInChineseAndNothingIsSaved() {
		NotificationFixture f = new NotificationFixture(port);
		Api.Response unknown = f.admin.put(PATH, Map.of("template", "opinion-assigned", "channel", "INBOX", "body",
				"意见 {code} 请联系 {phone}。"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().toString()).contains("占位符 {phone} 不适用于这条消息").contains("{code}、{deadline}");
		Api.Response braces = f.admin.put(PATH, Map.of("template", "opinion-assigned", "channel", "INBOX", "body",
				"意见 {code 请办理。"));
		assertThat(braces.status()).isEqualTo(400);
		assertThat(braces.json().toString()).contains("花括号不成对");
		Api.Response longSms = f.admin.put(PATH, Map.of("template", "citizen-received", "channel", "SMS", "body",
				"【人大代表联络站】" + "您反映的意见已收到，".repeat(12) + "查询码 {code}。"));
		assertThat(longSms.status()).isEqualTo(400);
		assertThat(longSms.json().toString()).contains("超过了 134 个字的上限");
		Api.Response empty = f.admin.put(PATH, Map.of("template", "opinion-assigned", "channel", "EMAIL", "body", " "));
		assertThat(empty.json().toString()).contains("文字不能为空");
		assertThat(f.admin.put(PATH, Map.of("template", "citizen-received", "channel", "EMAIL", "body", "x")).status())
			.as("citizens are told by SMS only").isEqualTo(404);
		assertThat(f.admin.put(PATH, Map.of("body", "x")).status()).isEqualTo(400);
		assertThat(f.handler.put(PATH, Map.of("template", "opinion-assigned", "channel", "INBOX", "body", "{code}")).status())
			.isEqualTo(403);
		assertThat(f.handler.get(PATH).status()).isEqualTo(403);

		JsonNode list = f.admin.get(PATH).json();
		assertThat(list.valueStream().filter(t -> t.get("template").asText().equals("opinion-assigned")))
			.hasSize(3)
			.allSatisfy(t -> assertThat(t.get("body").isNull()).as("nothing saved").isTrue());
		assertThat(f.admin.get(PATH + "/history?template=opinion-assigned&channel=INBOX").json()).isEmpty();
		JsonNode sms = list.valueStream().filter(t -> t.get("template").asText().equals("citizen-received")).findFirst().orElseThrow();
		assertThat(sms.get("channel").asText()).isEqualTo("SMS");
		assertThat(sms.get("defaultBody").asText()).contains("查询码 {code}");
		assertThat(sms.get("placeholders").get(0).asText()).isEqualTo("{code}");
	}

	@Test
	void theOfficesWordingIsPreviewedAndUsedFromTheNextMessageOnUntilPutBack() throws Exception {
		NotificationFixture f = new NotificationFixture(port);
		String email = NotificationFixture.uniqueHandlerEmail();
		f.handler.put("/api/v1/inbox/preferences", Map.of("email", email, "emailEnabled", true));
		String[] before = f.submit(null, "COMPLAINT");
		f.assign(before[0]);
		await().atMost(Duration.ofSeconds(20)).until(() -> f.handler.get("/api/v1/inbox").json().get("total").asInt() == 1);
		sender.sendDue();

		JsonNode preview = f.admin.post(PATH + "/preview", Map.of("template", "opinion-assigned", "channel", "EMAIL",
				"subject", "【百色人大】交办：{code}", "body", "请于 {deadline} 前办结群众意见 {code}，并答复群众。")).json();
		assertThat(preview.get("subject").asText()).isEqualTo("【百色人大】交办：01JDXKP4M2Q7R");
		assertThat(preview.get("body").asText()).isEqualTo("请于 2026-12-15 17:30 前办结群众意见 01JDXKP4M2Q7R，并答复群众。");
		assertThat(f.admin.get(PATH).json().valueStream()
			.filter(t -> t.get("template").asText().equals("opinion-assigned") && t.get("channel").asText().equals("EMAIL"))
			.findFirst().orElseThrow().get("body").isNull()).as("a preview saves nothing").isTrue();

		JsonNode saved = f.admin.put(PATH, Map.of("template", "opinion-assigned", "channel", "EMAIL", "subject",
				"【百色人大】交办：{code}", "body", "请于 {deadline} 前办结群众意见 {code}，并答复群众。")).json();
		assertThat(saved.get("updatedBy").asText()).isEqualTo("admin");
		f.admin.put(PATH, Map.of("template", "opinion-assigned", "channel", "INBOX", "body", "新交办：意见 {code}，期限 {deadline}。"));
		JsonNode history = f.admin.get(PATH + "/history?template=opinion-assigned&channel=EMAIL").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("by").asText()).isEqualTo("admin");
		assertThat(history.get(0).get("newBody").asText()).startsWith("请于 {deadline}");

		String[] after = f.submit(null, "COMPLAINT");
		f.assign(after[0]);
		await().atMost(Duration.ofSeconds(20)).until(() -> f.handler.get("/api/v1/inbox").json().get("total").asInt() == 2);
		sender.sendDue();
		List<MimeMessage> mails = smtp.to(email);
		assertThat(mails).hasSize(2);
		// the unit's messages name the opinion by when it was received (its tracking code is the citizen's)
		MimeMessage first = mails.stream().filter(m -> subject(m).startsWith("【联络】意见 （")).findFirst().orElseThrow();
		MimeMessage second = mails.stream().filter(m -> subject(m).startsWith("【百色人大】交办：（")).findFirst().orElseThrow();
		assertThat(first.getSubject()).as("sent before the change").endsWith(" 收到） 的办理消息").doesNotContain(before[1]);
		assertThat((String) first.getContent()).contains("已交办贵单位");
		assertThat(second.getSubject()).endsWith(" 收到）").doesNotContain(after[1]);
		String body = (String) second.getContent();
		assertThat(body).startsWith("请于 ").contains("前办结群众意见 （").doesNotContain(after[1])
			.contains("https://lianluo.example.cn/opinions/" + after[0]).contains("/public/email-opt-out?token=");
		JsonNode inbox = f.handler.get("/api/v1/inbox").json();
		assertThat(inbox.get("items").valueStream().map(m -> m.get("text").asText()))
			.anySatisfy(t -> assertThat(t).startsWith("新交办：意见 （").contains(" 收到），期限 "));

		f.admin.post(PATH + "/reset", Map.of("template", "opinion-assigned", "channel", "INBOX"));
		assertThat(f.handler.get("/api/v1/inbox").json().get("items").valueStream().map(m -> m.get("text").asText()))
			.allSatisfy(t -> assertThat(t).contains("已交办贵单位"));
		assertThat(f.admin.get(PATH + "/history?template=opinion-assigned&channel=INBOX").json().get(0).get("newBody").isNull())
			.isTrue();
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
