package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.notification.internal.DeliverySender;
import org.lianluo.proposal.ProposalEvents.ProposalRegistered;
import org.lianluo.proposal.ProposalEvents.ProposalReplied;
import org.lianluo.proposal.ProposalEvents.ProposalStatusChanged;
import org.lianluo.proposal.ProposalFixture;
import org.lianluo.proposal.ProposalStatus;
import org.lianluo.proposal.ReplyClass;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What deputies hear, each message once (in the inbox, and by e-mail through GreenMail for those who gave an
 * address): the opinions their station receives; the co-sign requests; their proposal registered; the unit's
 * reply to rate. The lead unit hears of the proposal's assignment. Handling one event twice writes nothing new.
 */
@LianluoTest
@TestMailServer.Configured
class DeputyMessagesTests {

	@RegisterExtension
	static TestMailServer smtp = new TestMailServer();

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	DeliverySender sender;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theDeputiesOfAStationAndThoseWhoReceivedAnOpinionHearOfItOnce() throws Exception {
		Api admin = Staff.admin(port);
		String onRoster = deputy(admin, "陆海");
		String receiving = deputy(admin, "黄梅");
		String withEmail = deputy(admin, "覃松");
		String station = ProposalFixture.id(admin.post("/api/v1/stations", Map.of("name", Staff.unique("平马镇联络站"),
				"kind", "STANDARD", "regionCode", "451022100", "address", "平马镇政府", "deputyIds", List.of(onRoster, withEmail))));
		Api rosterUser = deputyUser(admin, onRoster);
		Api receivingUser = deputyUser(admin, receiving);
		Api emailUser = deputyUser(admin, withEmail);
		String email = "deputy-" + UUID.randomUUID().toString().substring(0, 8) + "@rd.tiandong.example.cn";
		assertThat(emailUser.put("/api/v1/inbox/preferences", Map.of("email", email, "emailEnabled", true)).status())
			.isEqualTo(200);

		Api staff = Staff.user(port, "451022", "STATION_ADMIN");
		Api.Response submitted = staff.post("/api/v1/opinions", Map.of("content", "接待日群众反映：平马镇农贸市场排水不畅。",
				"stationId", station, "channel", "STATION_RECEPTION", "deputyIds", List.of(receiving)));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		String opinionId = submitted.json().get("id").asText();
		String code = submitted.json().get("trackingCode").asText();

		for (Api deputy : List.of(rosterUser, receivingUser, emailUser)) {
			await().atMost(WAIT).until(() -> messages(deputy, "STATION_OPINION").size() == 1);
			assertThat(messages(deputy, "STATION_OPINION").get(0).get("text").asText()).doesNotContain(code).contains("联络站")
				.contains("收到");
		}
		assertThat(messages(receivingUser, "STATION_OPINION").get(0).get("link").asText())
			.isEqualTo("/opinions/" + opinionId);
		assertThat(receivingUser.get("/api/v1/opinions/" + opinionId).status()).isEqualTo(200);
		assertThat(receivingUser.get("/api/v1/opinions/" + opinionId).body()).as("the citizen's code, not the deputy's")
			.doesNotContain(code);
		assertThat(messages(rosterUser, "STATION_OPINION").get(0).get("link").asText())
			.as("a deputy of the station opens what was said there").isEqualTo("/opinions/" + opinionId);
		assertThat(rosterUser.get("/api/v1/opinions/" + opinionId).status()).isEqualTo(200);
		assertThat(rosterUser.get("/api/v1/opinions?size=200").json().get("items").valueStream().map(o -> o.get("id").asText()))
			.contains(opinionId);
		Api elsewhere = deputyUser(admin, deputy(admin, "韦林"));
		assertThat(elsewhere.get("/api/v1/opinions/" + opinionId).status()).as("a deputy of no station of it").isEqualTo(404);
		assertThat(elsewhere.get("/api/v1/opinions?size=200").json().get("total").asLong()).isZero();

		sender.sendDue();
		sender.sendDue();
		List<MimeMessage> mails = smtp.to(email);
		assertThat(mails).hasSize(1);
		assertThat((String) mails.get(0).getContent()).contains("联络站").doesNotContain(code);
		assertThat(messages(rosterUser, "STATION_OPINION")).hasSize(1);
	}

	@Test
	void theLeadDeputyAndCosignersHearOfTheRequestTheRegistrationAndTheReplyOnceAndTheUnitOfTheAssignment()
			throws Exception {
		ProposalFixture f = new ProposalFixture(port);
		String email = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@rd.tiandong.example.cn";
		assertThat(f.deputy.put("/api/v1/inbox/preferences", Map.of("email", email, "emailEnabled", true)).status())
			.isEqualTo(200);
		String title = "关于改造祥周镇至林逢镇公路的建议" + f.u;
		String id = f.draft(title);
		assertThat(messages(f.cosigner, "COSIGN_REQUEST")).as("not before the lead deputy submits").isEmpty();
		f.step(f.deputy, id, "submit", Map.of());
		await().atMost(WAIT).until(() -> messages(f.cosigner, "COSIGN_REQUEST").size() == 1);
		JsonNode request = messages(f.cosigner, "COSIGN_REQUEST").get(0);
		assertThat(request.get("text").asText()).contains(title).contains("附议");
		assertThat(request.get("link").asText()).isEqualTo("/proposals/" + id);
		assertThat(messages(f.deputy, "COSIGN_REQUEST")).as("the lead deputy asks, is not asked").isEmpty();
		f.step(f.cosigner, id, "cosign", Map.of("confirm", true));

		JsonNode registered = f.step(f.assessor, id, "register", Map.of());
		int number = registered.get("number").asInt();
		for (Api deputy : List.of(f.deputy, f.cosigner)) {
			await().atMost(WAIT).until(() -> messages(deputy, "PROPOSAL_REGISTERED").size() == 1);
			assertThat(messages(deputy, "PROPOSAL_REGISTERED").get(0).get("text").asText()).contains("第 " + number + " 号")
				.contains(title);
		}

		f.step(f.assessor, id, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId, "assistingUnitIds", List.of()));
		await().atMost(WAIT).until(() -> messages(f.handler, "ASSIGNED").size() == 1);
		assertThat(messages(f.handler, "ASSIGNED").get(0).get("text").asText()).contains("第 " + number + " 号");
		f.step(f.handler, id, "accept", Map.of());
		f.step(f.handler, id, "contact", Map.of("method", "FACE_TO_FACE", "note", "到祥周镇与代表面商"));
		f.step(f.handler, id, "reply", Map.of("replyClass", "B", "text", "已列入 2027 年县道改造计划。"));
		await().atMost(WAIT).until(() -> messages(f.deputy, "REPLY_TO_RATE").size() == 1);
		assertThat(messages(f.deputy, "REPLY_TO_RATE").get(0).get("text").asText()).contains("评价").contains(title);
		assertThat(messages(f.cosigner, "REPLY_TO_RATE")).as("the lead deputy rates").isEmpty();

		// The registry may hand one publication to two nodes: handled again, it writes nothing new.
		UUID proposal = UUID.fromString(id);
		UUID session = UUID.fromString(f.sessionId);
		UUID leadDeputy = UUID.fromString(f.deputyId);
		tx.executeWithoutResult(s -> {
			events.publishEvent(new ProposalRegistered(proposal, session, number));
			events.publishEvent(new ProposalReplied(proposal, leadDeputy, ReplyClass.B, null, 0));
		});
		assertThat(messages(f.deputy, "PROPOSAL_REGISTERED")).hasSize(1);
		assertThat(messages(f.cosigner, "PROPOSAL_REGISTERED")).hasSize(1);
		assertThat(messages(f.deputy, "REPLY_TO_RATE")).hasSize(1);

		sender.sendDue();
		sender.sendDue();
		List<MimeMessage> mails = smtp.to(email);
		assertThat(mails).as("registered and reply to rate, each once").hasSize(2);
		List<String> bodies = new ArrayList<>();
		for (MimeMessage m : mails) {
			bodies.add((String) m.getContent());
			assertThat(m.getSubject()).isEqualTo("【联络】代表建议的办理消息");
		}
		assertThat(bodies).anySatisfy(b -> assertThat(b).contains("已立案").contains("https://lianluo.example.cn/proposals/" + id));
		assertThat(bodies).anySatisfy(b -> assertThat(b).contains("请查看答复并评价"));
	}

	@Test
	void aCosignerWhoAnsweredBeforeSubmissionIsNotAskedAgain() {
		ProposalFixture f = new ProposalFixture(port);
		String id = f.draft("关于增设平马镇公交站点的建议");
		f.step(f.cosigner, id, "cosign", Map.of("confirm", false));
		f.step(f.deputy, id, "submit", Map.of());
		tx.executeWithoutResult(s -> events.publishEvent(new ProposalStatusChanged(UUID.fromString(id), ProposalStatus.SUBMITTED)));
		f.step(f.assessor, id, "register", Map.of());
		await().atMost(WAIT).until(() -> messages(f.deputy, "PROPOSAL_REGISTERED").size() == 1);
		assertThat(messages(f.cosigner, "COSIGN_REQUEST")).isEmpty();
		assertThat(messages(f.cosigner, "PROPOSAL_REGISTERED")).as("a co-signer who declined is not told").isEmpty();
	}

	private static List<JsonNode> messages(Api user, String kind) {
		List<JsonNode> found = new ArrayList<>();
		user.get("/api/v1/inbox?size=100").json().get("items").forEach(m -> {
			if (m.get("kind").asText().equals(kind)) {
				found.add(m);
			}
		});
		return found;
	}

	private static String deputy(Api admin, String name) {
		return ProposalFixture.id(admin.post("/api/v1/deputies", Map.of("name", name + UUID.randomUUID().toString().substring(0, 4),
				"gender", "FEMALE", "levels", List.of("COUNTY"), "regionCode", "451022100")));
	}

	private Api deputyUser(Api admin, String deputyId) {
		String name = Staff.unique("dep");
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "测试" + name, "password",
				"password-123", "roles", List.of("DEPUTY"), "regionCode", "451022", "deputyId", deputyId));
		assertThat(admin.post("/api/v1/users", body).status()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}
}
