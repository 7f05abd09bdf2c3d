package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lianluo.LianluoTest;
import org.lianluo.notification.internal.DeliverySender;
import org.lianluo.opinion.Supervision;
import org.lianluo.platform.PersonalData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** E-mail copies of staff messages through SMTP, against GreenMail: once, with its links; and the opt-out link. */
@LianluoTest
@TestMailServer.Configured
class EmailDeliveryTests {

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
	void aHandlerWhoGaveAnAddressGetsEachMessageOnceByEmailUntilOptingOut() throws Exception {
		NotificationFixture f = new NotificationFixture(port);
		String email = NotificationFixture.uniqueHandlerEmail();
		assertThat(f.handler.put("/api/v1/inbox/preferences", Map.of("email", "not-an-address", "emailEnabled", true))
			.status()).isEqualTo(400);
		assertThat(f.handler.put("/api/v1/inbox/preferences", Map.of("email", email, "emailEnabled", true)).json()
			.get("email").asText()).isEqualTo(email);

		String[] opinion = f.submit(null, "COMPLAINT");
		f.assign(opinion[0]);
		await().atMost(Duration.ofSeconds(20)).until(() -> rows(email) == 1);
		sender.sendDue();
		sender.sendDue();

		List<MimeMessage> received = smtp.to(email);
		assertThat(received).hasSize(1);
		MimeMessage mail = received.get(0);
		String body = (String) mail.getContent();
		assertThat(mail.getSubject()).contains("收到").doesNotContain(opinion[1]);
		assertThat(mail.getFrom()[0].toString()).isEqualTo("lianluo@rd.baise.example.cn");
		assertThat(body).contains("已交办贵单位").contains("https://lianluo.example.cn/opinions/" + opinion[0]);
		assertThat(mail.getHeader("Message-ID")[0]).endsWith("@lianluo>");
		assertThat(jdbc.sql("select status from notification_delivery where recipient_hash = ?")
			.param(personalData.searchHash(email)).query(String.class).single()).isEqualTo("SENT");

		Matcher link = Pattern.compile("https://lianluo\\.example\\.cn(/public/email-opt-out\\?token=[0-9a-f]{64})").matcher(body);
		assertThat(link.find()).isTrue();
		optOut(link.group(1));
		assertThat(f.handler.get("/api/v1/inbox/preferences").json().get("emailEnabled").asBoolean()).isFalse();

		supervision.advance(UUID.fromString(opinion[0]), Instant.now().plus(Duration.ofDays(60)));
		await().atMost(Duration.ofSeconds(20)).until(() -> f.handler.get("/api/v1/inbox").json().get("total").asInt() == 5);
		sender.sendDue();
		assertThat(rows(email)).isEqualTo(1);
		assertThat(smtp.to(email)).hasSize(1);
	}

	/** What the recipient's browser does with the link: opens the page, then confirms with its form. */
	private void optOut(String path) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String page = browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String token = path.substring(path.indexOf("token=") + 6);
		String form = "token=" + token + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(base + "/public/email-opt-out"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("opt-out-done");
	}

	private long rows(String email) {
		return jdbc.sql("select count(*) from notification_delivery where recipient_hash = ? and channel = 'EMAIL'")
			.param(personalData.searchHash(email))
			.query(Long.class)
			.single();
	}
}
