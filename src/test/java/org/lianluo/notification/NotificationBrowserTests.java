package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.browser.Browser;
import org.lianluo.platform.PersonalData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The unread count in the header, the inbox with mark-read, and ADMIN's dead-letter list with retry. */
@LianluoTest
class NotificationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Test
	void aHandlerSeesTheUnreadCountReadsTheMessageAndAdminRetriesADeadLetter() {
		NotificationFixture f = new NotificationFixture(port);
		String[] opinion = f.submit(null, "COMPLAINT");
		f.assign(opinion[0]);
		await().atMost(Duration.ofSeconds(20)).until(() -> f.handler.get("/api/v1/inbox").json().get("total").asInt() == 1);

		try (Browser b = Browser.open(port)) {
			b.signIn(f.handlerName, "password-123");
			assertThat(b.text(".user .inbox-link .badge")).isEqualTo("1");
			b.screenshot("30-handler-unread-badge");
			b.click(".user .inbox-link");
			assertThat(b.text("table.inbox tr.unread")).doesNotContain(opinion[1]).contains("已交办贵单位");
			b.screenshot("31-handler-inbox");
			b.click("table.inbox tr.unread button");
			assertThat(b.driver().getCurrentUrl()).endsWith("/opinions/" + opinion[0]);
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector(".user .inbox-link .badge"))).isEmpty();
			b.go("/inbox");
			assertThat(b.text("table.inbox tr.read")).contains("已交办贵单位");

			UUID dead = deadLetter(NotificationFixture.uniquePhone());
			b.signOut().signIn("admin", "admin-test-password").go("/admin/deliveries");
			assertThat(b.text("table.deliveries")).contains("HTTP 500").contains("意见已收到");
			b.screenshot("32-admin-dead-letters");
			b.click("form[action*='" + dead + "'] button");
			assertThat(b.text("p.notice")).isEqualTo("已重新排入发送队列。");
			assertThat(jdbc.sql("select status from notification_delivery where id = ?").param(dead).query(String.class).single())
				.isEqualTo("PENDING");
		}
	}

	@Test
	void adminRewordsAMessageWithAPreviewAndTheHandlerChoosesChannelsPerKind() {
		NotificationFixture f = new NotificationFixture(port);
		try (Browser b = Browser.open(port)) {
			b.signIn("admin", "admin-test-password").go("/admin/deliveries");
			b.click("a[href='/admin/notification-templates']");
			assertThat(b.text("table.notification-templates")).contains("交办通知").contains("站内消息").contains("意见已收到");
			b.click("a[href*='template=opinion-assigned'][href*='channel=INBOX']");
			assertThat(b.text("h1")).isEqualTo("交办通知 · 站内消息");
			b.type("#body", "意见 {code} 请联系 {phone}。").click("button[value=save]");
			assertThat(b.text(".field-error")).contains("占位符 {phone} 不适用于这条消息");
			b.type("#body", "新交办：意见 {code}，请于 {deadline} 前答复。").click("button[value=preview]");
			assertThat(b.text(".template-preview .preview-body")).isEqualTo("新交办：意见 01JDXKP4M2Q7R，请于 2026-12-15 17:30 前答复。");
			b.screenshot("33-admin-template-preview");
			b.click("button[value=save]");
			assertThat(b.text("p.notice")).contains("自下一条消息起生效");
			assertThat(b.text("table.template-history")).contains("admin").contains("新交办");
			b.screenshot("34-admin-template-saved");

			String[] opinion = f.submit(null, "COMPLAINT");
			f.assign(opinion[0]);
			await().atMost(Duration.ofSeconds(20)).until(() -> f.handler.get("/api/v1/inbox").json().get("total").asInt() == 1);
			b.signOut().signIn(f.handlerName, "password-123").go("/inbox");
			assertThat(b.text("table.inbox tr.unread")).contains("新交办：意见 （").contains(" 收到）").doesNotContain(opinion[1]);

			b.click("a[href='/inbox/preferences']");
			b.type("#phone", "12345").click("form.preferences button[type=submit]");
			assertThat(b.text(".field-error")).contains("手机号应为 11 位");
			String phone = NotificationFixture.uniquePhone();
			b.type("#phone", phone);
			b.click("input[name='sms-ASSIGNED']");
			b.click("input[name='email-SUPERVISION_1']");
			b.click("form.preferences button[type=submit]");
			assertThat(b.text("p.notice")).isEqualTo("已保存。");
			b.screenshot("35-handler-preferences-per-kind");
			var kinds = f.handler.get("/api/v1/inbox/preferences").json();
			assertThat(kinds.get("phone").asText()).isEqualTo(phone);
			assertThat(kinds.get("kinds").get("ASSIGNED").get("sms").asBoolean()).isTrue();
			assertThat(kinds.get("kinds").get("SUPERVISION_1").get("email").asBoolean()).isFalse();
			assertThat(kinds.get("kinds").get("SUPERVISION_2").get("email").asBoolean()).isTrue();
		}
		finally {
			jdbc.sql("delete from notification_template").update();
		}
	}

	/** A delivery as the sender leaves it after its last failed attempt. */
	private UUID deadLetter(String phone) {
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				insert into notification_delivery (id, channel, recipient_enc, recipient_hash, template, params, urgent,
				  region_code, status, attempts, next_attempt_at, last_error, created_at, updated_at)
				values (?, 'SMS', ?, ?, 'citizen-received', '{"code":"TEST"}', false, '451022108', 'DEAD', 6, ?, 'HTTP 500', ?, ?)""")
			.params(id, personalData.encrypt(phone, "notification_delivery", "recipient_enc", id), personalData.searchHash(phone), now, now,
					now)
			.update();
		return id;
	}
}
