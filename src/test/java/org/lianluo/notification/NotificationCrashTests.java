package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianluo.ChildApplication;
import org.lianluo.notification.FakeSmsGateway.Mode;

/**
 * The application in a JVM of its own (its main class, as the packaged jar runs it), on its own durable embedded
 * PostgreSQL, with the fake SMS gateway and GreenMail behind a relay: each is made to accept a message and hold
 * back its answer, and the application is killed with SIGKILL, its PostgreSQL too, in that moment, after sending
 * and before marking sent. Started again on the same files, it finds the claim, waits out its lease and sends again
 * under the same id. The SMS reaches the phone once: the gateway, like the big ones, keeps one text per out-id.
 * The e-mail is accepted twice by SMTP, which has no such key: both copies carry the one Message-ID by which a
 * mail client shows them as one message. That is the guarantee, measured rather than assumed.
 */
class NotificationCrashTests {

	private final FakeSmsGateway gateway = FakeSmsGateway.startOrFail();

	private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private HoldingSmtpRelay relay;

	private Process app;

	private Path dataDir;

	@AfterEach
	void stop() throws Exception {
		if (app != null && app.isAlive()) {
			app.destroy();
			app.waitFor(60, TimeUnit.SECONDS);
		}
		killPostgres();
		gateway.close();
		if (relay != null) {
			relay.close();
		}
		greenMail.stop();
	}

	@Test
	void killedBetweenSendingAndMarkingEachSmsArrivesOnceAndEachEmailUnderOneMessageId() throws Exception {
		greenMail.start();
		relay = new HoldingSmtpRelay(greenMail.getSmtp().getPort());
		dataDir = Path.of("target", "notify-crash-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
		int port = freePort();

		// 1. An SMS: the gateway accepts it and holds its answer; the application dies waiting for it.
		gateway.mode(Mode.HANG);
		gateway.accepted = new CountDownLatch(1);
		gateway.release = new CountDownLatch(1);
		app = start(port);
		NotificationFixture f = new NotificationFixture(port);
		String phone = NotificationFixture.uniquePhone();
		String[] opinion = f.submit(phone, "COMPLAINT");
		assertThat(gateway.accepted.await(60, TimeUnit.SECONDS)).as("the gateway accepted the text").isTrue();
		kill();
		gateway.release.countDown();
		assertThat(gateway.deliveredTo(phone)).hasSize(1);
		gateway.mode(Mode.OK);

		app = start(port);
		awaitSent("SMS", 1);
		Delivery sms = deliveries("SMS").get(0);
		assertThat(sms.attempts()).as("sent again after the lease").isEqualTo(2);
		assertThat(gateway.requestsTo(phone)).hasSize(2)
			.allSatisfy(r -> assertThat(r.get("outId").asText()).isEqualTo(sms.id().toString()));
		assertThat(gateway.deliveredTo(phone)).as("the phone gets the text once").hasSize(1);
		assertThat(gateway.deliveredTo(phone).get(0).get("templateParam").get("code").asText()).isEqualTo(opinion[1]);

		// 2. An e-mail: the SMTP server stores it and its answer is held; the application dies waiting for it.
		NotificationFixture g = new NotificationFixture(port);
		String email = NotificationFixture.uniqueHandlerEmail();
		assertThat(g.handler.put("/api/v1/inbox/preferences", Map.of("email", email, "emailEnabled", true)).status())
			.isEqualTo(200);
		relay.hold = true;
		relay.held = new CountDownLatch(1);
		String[] second = g.submit(null, "COMPLAINT");
		g.assign(second[0]);
		assertThat(relay.held.await(60, TimeUnit.SECONDS)).as("the SMTP server accepted the e-mail").isTrue();
		kill();
		relay.hold = false;
		assertThat(TestMailServer.to(greenMail, email)).hasSize(1);

		app = start(port);
		awaitSent("EMAIL", 1);
		Delivery mail = deliveries("EMAIL").get(0);
		assertThat(mail.attempts()).isEqualTo(2);
		List<MimeMessage> copies = TestMailServer.to(greenMail, email);
		assertThat(copies).as("SMTP has no out-id: accepted once before the kill and once after").hasSize(2);
		assertThat(copies).extracting(m -> m.getHeader("Message-ID")[0]).containsOnly("<" + mail.id() + "@lianluo>");
		assertThat((String) copies.get(1).getContent()).contains("/opinions/" + second[0]).doesNotContain(second[1]);
		System.out.printf("=== NotificationCrashTests: SMS %s sent twice under one out-id, delivered once; e-mail %s"
				+ " accepted twice under one Message-ID ===%n", sms.id(), mail.id());
	}

	private void awaitSent(String channel, int count) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < until) {
			if (deliveries(channel).stream().filter(d -> d.status().equals("SENT")).count() >= count) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("not sent within 120 s: " + deliveries(channel) + " (see " + dataDir.resolve("app.log") + ")");
	}

	private List<Delivery> deliveries(String channel) throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort() + "/postgres",
				"postgres", ""); PreparedStatement s = db.prepareStatement(
						"select id, status, attempts from notification_delivery where channel = ? order by created_at")) {
			s.setString(1, channel);
			List<Delivery> rows = new ArrayList<>();
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rows.add(new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)));
				}
			}
			return rows;
		}
	}

	/** SIGKILL: no shutdown hook, no goodbye; then its PostgreSQL, as a power cut would. */
	private void kill() throws Exception {
		app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		killPostgres();
	}

	/**
	 * The application's main class on the test class path. The lease is short (and longer than the gateway's
	 * timeout) so that the test need not wait five minutes; db-scheduler is told to find a dead node's task soon.
	 */
	private Process start(int port) throws Exception {
		return ChildApplication.start(dataDir, port, List.of("--lianluo.notification.sms.url=" + gateway.url(), "--lianluo.notification.sms.access-key=test-key",
				"--lianluo.notification.sms.secret=test-secret", "--lianluo.notification.sms.sign-name=百色人大",
				"--lianluo.notification.sms.timeout=PT20S", "--lianluo.notification.sms.quiet-from=00:00",
				"--lianluo.notification.sms.quiet-until=00:00", "--lianluo.notification.delivery.lease=PT25S",
				"--lianluo.notification.delivery.interval=PT1S", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + relay.port(), "--spring.mail.properties.mail.smtp.timeout=20000",
				"--db-scheduler.polling-interval=PT1S", "--db-scheduler.heartbeat-interval=PT1S",
				"--db-scheduler.missed-heartbeats-limit=4"));
	}

	private int postgresPort() throws IOException {
		return ChildApplication.postgresPort(dataDir);
	}

	private void killPostgres() throws Exception {
		ChildApplication.killPostgres(dataDir);
	}

	private static int freePort() throws IOException {
		return ChildApplication.freePort();
	}

	record Delivery(UUID id, String status, int attempts) {
	}
}
