package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.OpinionEvents.OpinionSupervised;
import org.lianluo.opinion.Supervision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The in-app inbox over HTTP: who hears of an assignment and of each supervision step, once, and reading. */
@LianluoTest
class InboxTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	Supervision supervision;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theUnitHearsOfAnAssignmentAndReadsIt() {
		NotificationFixture f = new NotificationFixture(port);
		String[] opinion = f.submit(null, "COMPLAINT");
		f.assign(opinion[0]);

		JsonNode inbox = awaitMessages(f.handler, 1);
		JsonNode message = inbox.get("items").get(0);
		assertThat(message.get("kind").asText()).isEqualTo("ASSIGNED");
		// the unit being rated reads when it was received, never the citizen's tracking code
		assertThat(message.get("text").asText()).doesNotContain(opinion[1]).contains("收到）").contains("已交办贵单位").doesNotContain("韦秀兰");
		assertThat(message.get("link").asText()).isEqualTo("/opinions/" + opinion[0]);
		assertThat(inbox.get("unread").asInt()).isEqualTo(1);
		assertThat(awaitMessages(f.secondHandler, 1).get("items")).hasSize(1);
		assertThat(f.assessor.get("/api/v1/inbox").json().get("total").asInt()).isZero();

		String id = message.get("id").asText();
		assertThat(f.secondHandler.post("/api/v1/inbox/" + id + "/read", "{}").status()).isEqualTo(404);
		assertThat(f.handler.post("/api/v1/inbox/" + id + "/read", "{}").status()).isEqualTo(204);
		assertThat(f.handler.post("/api/v1/inbox/" + id + "/read", "{}").status()).isEqualTo(204);
		JsonNode after = f.handler.get("/api/v1/inbox").json();
		assertThat(after.get("unread").asInt()).isZero();
		assertThat(after.get("items").get(0).get("readAt").isNull()).isFalse();
		assertThat(f.handler.get("/api/v1/inbox?unread=true").json().get("total").asInt()).isZero();
		assertThat(f.handler.post("/api/v1/inbox/not-a-uuid/read", "{}").status()).isEqualTo(400);
		assertThat(new Api(port).get("/api/v1/inbox").status()).isEqualTo(401);
	}

	@Test
	void everySupervisionStepReachesTheUnitAndEscalationsTheAssessorsAboveOnce() {
		NotificationFixture f = new NotificationFixture(port);
		String[] opinion = f.submit(null, "INQUIRY");
		f.assign(opinion[0]);
		awaitMessages(f.handler, 1);

		assertThat(supervision.advance(UUID.fromString(opinion[0]), Instant.now().plus(Duration.ofDays(60)))).isEqualTo(4);

		JsonNode handlerInbox = awaitMessages(f.handler, 5);
		assertThat(kinds(handlerInbox)).containsExactlyInAnyOrder("ASSIGNED", "SUPERVISION_1", "SUPERVISION_2",
				"SUPERVISION_3", "SUPERVISION_4");
		JsonNode assessorInbox = awaitMessages(f.assessor, 2);
		assertThat(kinds(assessorInbox)).containsExactlyInAnyOrder("SUPERVISION_3", "SUPERVISION_4");
		assertThat(assessorInbox.get("items").get(0).get("text").asText()).contains(opinion[1]);
		assertThat(handlerInbox.toString()).doesNotContain(opinion[1]);
		assertThat(f.otherCountyAssessor.get("/api/v1/inbox").json().get("total").asInt()).isZero();

		// Handling one event twice (a retried transaction, a replayed event) writes nothing new.
		UUID id = UUID.fromString(opinion[0]);
		var row = jdbc.sql("select lead_unit_id, region_code, deadline from opinion where id = ?")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant() })
			.single();
		transactions.executeWithoutResult(tx -> {
			for (int level = 1; level <= 4; level++) {
				events.publishEvent(new OpinionSupervised(id, opinion[1], (UUID) row[0], level, (String) row[1], (Instant) row[2]));
			}
		});
		assertThat(f.handler.get("/api/v1/inbox").json().get("total").asInt()).isEqualTo(5);
		assertThat(f.assessor.get("/api/v1/inbox").json().get("total").asInt()).isEqualTo(2);
	}

	private static JsonNode awaitMessages(Api user, int count) {
		await().atMost(WAIT).until(() -> user.get("/api/v1/inbox").json().get("total").asInt() >= count);
		return user.get("/api/v1/inbox?size=50").json();
	}

	private static List<String> kinds(JsonNode inbox) {
		List<String> kinds = new ArrayList<>();
		inbox.get("items").forEach(m -> kinds.add(m.get("kind").asText()));
		return kinds;
	}
}
