package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.notification.internal.LeaderDigest;
import org.lianluo.opinion.Supervision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** The leaders' daily digest counts what their own overdue board shows, once a day, on a moved clock. */
@LianluoTest
@Import(SmsDeliveryTests.Clocked.class)
// Its application context runs its own scheduler on the shared database with a clock weeks ahead; closed after
// the class, so that it never fires another test's deadline timers at that future time.
@DirtiesContext
class LeaderDigestTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	LeaderDigest digest;

	@Autowired
	Supervision supervision;

	@Test
	void aLeaderHearsEachMorningHowManyOpinionsOfTheirCountyAreOverdueAndUnderKeySupervision() {
		NotificationFixture f = new NotificationFixture(port);
		Api leader = f.newUser(port, "451028", "LEADER");
		Api otherLeader = f.newUser(port, "451029", "LEADER");
		String[] late = f.submit(null, "INQUIRY", "451028");
		String[] later = f.submit(null, "COMPLAINT", "451028");
		f.assign(late[0]);
		f.assign(later[0]);
		await().atMost(Duration.ofSeconds(20)).until(() -> f.handler.get("/api/v1/inbox").json().get("total").asInt() == 2);

		java.time.Instant assigned = clock.instant();
		clock.advance(Duration.ofDays(48));
		assertThat(supervision.advance(UUID.fromString(late[0]), clock.instant())).isEqualTo(4);
		supervision.advance(UUID.fromString(later[0]), assigned.plus(Duration.ofDays(22)));
		digest.send();
		digest.send();

		JsonNode inbox = leader.get("/api/v1/inbox").json();
		assertThat(inbox.get("total").asInt()).isEqualTo(1);
		JsonNode message = inbox.get("items").get(0);
		assertThat(message.get("kind").asText()).isEqualTo("DIGEST");
		assertThat(message.get("link").asText()).isEqualTo("/opinions?light=RED");
		int overdue = leader.get("/api/v1/opinions?light=RED").json().get("total").asInt();
		assertThat(overdue).isEqualTo(2);
		assertThat(message.get("text").asText()).contains("逾期未办意见 2 件").contains("重点督办 1 件");
		assertThat(otherLeader.get("/api/v1/inbox").json().get("total").asInt()).as("nothing overdue in 田林县").isZero();

		clock.advance(Duration.ofDays(1));
		digest.send();
		assertThat(leader.get("/api/v1/inbox").json().get("total").asInt()).isEqualTo(2);
	}
}
