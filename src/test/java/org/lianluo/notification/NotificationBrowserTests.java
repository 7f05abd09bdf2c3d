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
			assertThat(b.text("table.inbox tr.unread")).contains(opinion[1]).contains("已交办贵单位");
			b.screenshot("31-handler-inbox");
			b.click("table.inbox tr.unread button");
			assertThat(b.driver().getCurrentUrl()).endsWith("/opinions/" + opinion[0]);
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector(".user .inbox-link .badge"))).isEmpty();
			b.go("/inbox");
			assertThat(b.text("table.inbox tr.read")).contains(opinion[1]);

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

	/** A delivery as the sender leaves it after its last failed attempt. */
	private UUID deadLetter(String phone) {
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				insert into notification_delivery (id, channel, recipient_enc, recipient_hash, template, params, urgent,
				  region_code, status, attempts, next_attempt_at, last_error, created_at, updated_at)
				values (?, 'SMS', ?, ?, 'citizen-received', '{"code":"TEST"}', false, '451022108', 'DEAD', 6, ?, 'HTTP 500', ?, ?)""")
			.params(id, personalData.encrypt(phone), personalData.searchHash(phone), now, now, now)
			.update();
		return id;
	}
}
