package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A proposal assigned SEPARATE to two units (分别办理): each unit accepts, asks for time, replies and is rated on its
 * own; UNSATISFIED re-handles only that unit's part; the proposal follows its parts; the figures, the board, the
 * portal, the copies to co-signers and the letter count each unit's reply.
 */
@LianluoTest
class ProposalSeparateUnitsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProposalSupervision supervision;

	ProposalFixture f;

	@BeforeEach
	void setUp() {
		f = new ProposalFixture(port);
	}

	JsonNode assignedToBoth(String id) {
		return f.step(f.assessor, id, "assign", Map.of("mode", "SEPARATE", "unitIds", List.of(f.unitId, f.otherUnitId)));
	}

	@Test
	void twoUnitsReplySeparatelyAndOnlyTheUnsatisfyingOneHandlesItAgain() throws Exception {
		String id = f.registered("关于整治右江沿岸污染的建议");
		Response badUnit = f.assessor.post("/api/v1/proposals/" + id + "/assign",
				Map.of("mode", "SEPARATE", "unitIds", List.of(f.unitId, UUID.randomUUID().toString())));
		assertThat(badUnit.status()).isEqualTo(400);
		assertThat(badUnit.body()).contains("unitIds", "承办单位不存在");
		Response leadWithUnits = f.assessor.post("/api/v1/proposals/" + id + "/assign",
				Map.of("mode", "LEAD", "leadUnitId", f.unitId, "unitIds", List.of(f.otherUnitId)));
		assertThat(leadWithUnits.status()).isEqualTo(400);
		assertThat(leadWithUnits.body()).contains("分别办理");
		assertThat(status(id)).as("nothing changed").isEqualTo("REGISTERED");

		JsonNode assigned = assignedToBoth(id);
		assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
		assertThat(assigned.get("mode").asText()).isEqualTo("SEPARATE");
		assertThat(assigned.get("leadUnit").isNull()).isTrue();
		assertThat(parts(assigned)).extracting(p -> p.get("unit").get("name").asText())
			.containsExactly("田东县交通运输局" + f.u, "田东县水利局" + f.u);
		assertThat(part(assigned, f.unitId).get("deadline").asText()).isEqualTo(part(assigned, f.otherUnitId).get("deadline").asText())
			.isEqualTo(assigned.get("deadline").asText());
		Instant deadline = Instant.parse(assigned.get("deadline").asText());
		assertThat(deadline).isBetween(Instant.now().plus(Duration.ofDays(88)), Instant.now().plus(Duration.ofDays(100)));

		Api roads = f.handler;
		Api water = f.otherHandler;
		String thirdUnit = ProposalFixture.id(f.admin.post("/api/v1/units", Map.of("name", "田东县林业局" + f.u, "regionCode", "451022")));
		Api forestry = f.user("forest", "451022", "UNIT_HANDLER", thirdUnit, null);
		assertThat(forestry.post("/api/v1/proposals/" + id + "/accept", Map.of()).status()).as("not one of its units")
			.isEqualTo(404);

		JsonNode accepted = f.step(roads, id, "accept", Map.of());
		assertThat(accepted.get("status").asText()).isEqualTo("HANDLING");
		assertThat(part(accepted, f.unitId).get("status").asText()).isEqualTo("HANDLING");
		assertThat(part(accepted, f.otherUnitId).get("status").asText()).isEqualTo("ASSIGNED");
		assertThat(roads.post("/api/v1/proposals/" + id + "/accept", Map.of()).status()).isEqualTo(409);
		String list = "/api/v1/proposals?session=" + f.sessionId;
		assertThat(roads.get(list).json().get("items").get(0).get("status").asText()).as("its own part").isEqualTo("HANDLING");
		assertThat(water.get(list).json().get("items").get(0).get("status").asText()).isEqualTo("ASSIGNED");
		assertThat(water.get(list).json().get("items").get(0).get("leadUnitId").asText()).isEqualTo(f.otherUnitId);
		assertThat(f.assessor.get(list).json().get("items").get(0).get("separateUnitIds").valueStream().map(JsonNode::asText))
			.containsExactly(f.unitId, f.otherUnitId);
		Response early = water.post("/api/v1/proposals/" + id + "/reply", Map.of("replyClass", "A", "text", "已办理。"));
		assertThat(early.status()).as("no contact yet with the deputy").isEqualTo(409);
		assertThat(early.body()).contains("沟通");
		assertThat(water.get(list).json().get("items").get(0).get("status").asText())
			.as("a refused step signs for nothing").isEqualTo("ASSIGNED");
		f.step(water, id, "accept", Map.of());

		// The water unit's part is late: it stands on the board in the water unit's line, and the sweep chases it alone.
		jdbc.sql("update proposal_separate_unit set deadline = now() - interval '2 days', next_supervision_at = now()"
				+ " where proposal_id = ? and unit_id = ?").params(UUID.fromString(id), UUID.fromString(f.otherUnitId)).update();
		JsonNode board = f.assessor.get("/api/v1/proposals/overdue?session=" + f.sessionId).json();
		assertThat(board.get("overdue").asInt()).isEqualTo(1);
		assertThat(board.get("units").get(0).get("unitName").asText()).isEqualTo("田东县水利局" + f.u);
		assertThat(board.get("units").get(0).get("proposals").get(0).get("daysOverdue").asLong()).isEqualTo(2);
		assertThat(supervision.advance(UUID.fromString(id), Instant.now().plusSeconds(60))).isEqualTo(2);
		JsonNode chased = get(id);
		assertThat(part(chased, f.otherUnitId).get("supervisionLevel").asInt()).isEqualTo(2);
		assertThat(part(chased, f.unitId).get("supervisionLevel").asInt()).isZero();
		assertThat(chased.get("timeline").valueStream().filter(e -> e.get("kind").asText().equals("SUPERVISION"))
			.map(e -> e.get("unit").asText())).containsOnly("田东县水利局" + f.u).hasSize(2);

		f.step(water, id, "extension", Map.of("months", 2, "reason", "需与上游县协调"));
		Response unnamed = f.assessor.post("/api/v1/proposals/" + id + "/extension/decision", Map.of("approve", true));
		assertThat(unnamed.status()).isEqualTo(400);
		assertThat(unnamed.body()).contains("unitId", "哪个承办单位");
		assertThat(f.assessor.post("/api/v1/proposals/" + id + "/extension/decision",
				Map.of("approve", true, "unitId", f.unitId)).status()).as("the roads unit asked for nothing").isEqualTo(409);
		JsonNode extended = f.step(f.assessor, id, "extension/decision", Map.of("approve", true, "unitId", f.otherUnitId));
		assertThat(part(extended, f.otherUnitId).get("extended").asBoolean()).isTrue();
		assertThat(part(extended, f.unitId).get("extended").asBoolean()).isFalse();
		assertThat(Instant.parse(part(extended, f.unitId).get("deadline").asText()))
			.isCloseTo(deadline, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
		f.step(water, id, "extension/notice", Map.of("notice", "已书面告知代表延期两个月。"));
		assertThat(roads.post("/api/v1/proposals/" + id + "/extension/notice", Map.of("notice", "无延期")).status())
			.isEqualTo(409);

		f.step(roads, id, "contact", Map.of("method", "FACE_TO_FACE", "note", "到那坡镇与代表面商"));
		JsonNode oneReplied = f.step(roads, id, "reply", Map.of("replyClass", "A", "text", "已完成沿岸排污口整治" + f.u,
				"publish", true));
		assertThat(oneReplied.get("status").asText()).as("the water unit has not replied").isEqualTo("HANDLING");
		assertThat(oneReplied.get("repliedAt").isNull()).isTrue();
		assertThat(part(oneReplied, f.unitId).get("status").asText()).isEqualTo("REPLIED");
		Response upload = Staff.upload(water, "/api/v1/proposals/" + id + "/reply-documents", "水利局答复函.pdf",
				ProposalReplyTests.PDF);
		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		f.step(water, id, "contact", Map.of("method", "PHONE"));
		JsonNode bothReplied = f.step(water, id, "reply", Map.of("replyClass", "C", "text", "受资金所限暂缓实施" + f.u));
		assertThat(bothReplied.get("status").asText()).isEqualTo("REPLIED");
		assertThat(bothReplied.get("replyClass").asText()).as("the weakest of the replies").isEqualTo("C");
		assertThat(bothReplied.get("replyDocuments").get(0).get("filename").asText()).isEqualTo("水利局答复函.pdf");
		assertThat(bothReplied.get("replies").valueStream().map(r -> r.get("unit").asText()))
			.containsExactly("田东县交通运输局" + f.u, "田东县水利局" + f.u);

		JsonNode kpis = f.assessor.get("/api/v1/proposals/kpis?session=" + f.sessionId).json();
		assertThat(kpis.get("registered").asLong()).isEqualTo(1);
		JsonNode total = kpis.get("total");
		assertThat(total.get("assigned").asLong()).as("one per unit").isEqualTo(2);
		assertThat(total.get("replied").asLong()).isEqualTo(2);
		assertThat(total.get("shareA").asDouble()).isEqualTo(0.5);
		assertThat(total.get("shareC").asDouble()).isEqualTo(0.5);
		assertThat(total.get("solvedRate").asDouble()).isEqualTo(0.5);
		assertThat(total.get("inPersonRate").asDouble()).as("the water unit only phoned").isEqualTo(0.5);
		assertThat(kpis.get("byUnit").valueStream().map(u -> u.get("unitName").asText() + " " + u.get("classC").asLong()))
			.containsExactlyInAnyOrder("田东县交通运输局" + f.u + " 0", "田东县水利局" + f.u + " 1");

		assertThat(copies(id)).as("a copy of each unit's reply").isEqualTo(2);
		assertThat(new Api(port).get("/api/v1/public/proposals?region=451022&size=200").body())
			.contains("已完成沿岸排污口整治" + f.u, "田东县交通运输局" + f.u).doesNotContain("受资金所限暂缓实施" + f.u);

		Response unnamedGrade = f.deputy.post("/api/v1/proposals/" + id + "/evaluate", Map.of("grade", "SATISFIED"));
		assertThat(unnamedGrade.status()).isEqualTo(400);
		assertThat(f.deputy.post("/api/v1/proposals/" + id + "/evaluate",
				Map.of("grade", "SATISFIED", "unitId", thirdUnit)).status()).isEqualTo(400);
		JsonNode ratedOne = f.step(f.deputy, id, "evaluate", Map.of("grade", "SATISFIED", "unitId", f.unitId));
		assertThat(part(ratedOne, f.unitId).get("status").asText()).isEqualTo("CLOSED");
		assertThat(ratedOne.get("status").asText()).isEqualTo("REPLIED");
		assertThat(f.deputy.post("/api/v1/proposals/" + id + "/evaluate",
				Map.of("grade", "SATISFIED", "unitId", f.unitId)).status()).as("rated once").isEqualTo(409);
		JsonNode unsatisfied = f.step(f.deputy, id, "evaluate", Map.of("grade", "UNSATISFIED", "comment", "不满意",
				"unitId", f.otherUnitId));
		assertThat(unsatisfied.get("status").asText()).isEqualTo("RE_HANDLING");
		JsonNode rehandled = part(unsatisfied, f.otherUnitId);
		assertThat(rehandled.get("status").asText()).isEqualTo("RE_HANDLING");
		assertThat(rehandled.get("rehandlingCount").asInt()).isEqualTo(1);
		assertThat(Instant.parse(rehandled.get("deadline").asText()))
			.isBetween(Instant.now().plus(Duration.ofDays(27)), Instant.now().plus(Duration.ofDays(40)));
		assertThat(part(unsatisfied, f.unitId).get("status").asText()).as("only that unit's part").isEqualTo("CLOSED");
		assertThat(roads.post("/api/v1/proposals/" + id + "/reply", Map.of("replyClass", "A", "text", "再答复",
				"confirmedWithoutContact", true)).status()).isEqualTo(409);

		Response withoutContact = water.post("/api/v1/proposals/" + id + "/reply", Map.of("replyClass", "B", "text", "已列入计划"));
		assertThat(withoutContact.status()).as("contact first in the new round").isEqualTo(409);
		f.step(water, id, "contact", Map.of("method", "FACE_TO_FACE"));
		f.step(water, id, "reply", Map.of("replyClass", "B", "text", "已争取资金列入明年计划" + f.u));
		JsonNode closed = f.step(f.deputy, id, "evaluate", Map.of("grade", "BASICALLY_SATISFIED", "unitId", f.otherUnitId));
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("grade").asText()).as("the least satisfied").isEqualTo("BASICALLY_SATISFIED");
		assertThat(closed.get("closedAt").isNull()).isFalse();
		assertThat(closed.get("timeline").valueStream().filter(e -> e.get("kind").asText().equals("UNIT_TRANSITION"))
			.map(e -> e.get("unit").asText() + " " + e.get("status").asText()))
			.contains("田东县水利局" + f.u + " RE_HANDLING", "田东县交通运输局" + f.u + " CLOSED");

		JsonNode after = f.assessor.get("/api/v1/proposals/kpis?session=" + f.sessionId).json().get("total");
		assertThat(after.get("replied").asLong()).isEqualTo(2);
		assertThat(after.get("shareA").asDouble()).isEqualTo(0.5);
		assertThat(after.get("shareB").asDouble()).as("the water unit's latest reply").isEqualTo(0.5);
		assertThat(after.get("shareC").asDouble()).isZero();
		assertThat(after.get("rated").asLong()).isEqualTo(2);
		assertThat(after.get("satisfactionRate").asDouble()).isEqualTo(1.0);
		assertThat(after.get("inPersonRate").asDouble()).isEqualTo(1.0);
		assertThat(copies(id)).isEqualTo(3);

		String letter = letter();
		assertThat(letter).contains("田东县交通运输局" + f.u, "已完成沿岸排污口整治" + f.u, "田东县水利局" + f.u,
				"已争取资金列入明年计划" + f.u);
		assertThat(f.handler.get("/api/v1/proposals?size=200").body()).contains("关于整治右江沿岸污染的建议");
	}

	@Test
	void eachUnitReturnsItsOwnPartAndTheLastReturnSendsTheProposalBackForAssignment() {
		String id = f.registered("关于建设乡村污水处理站的建议");
		assignedToBoth(id);
		JsonNode one = f.step(f.handler, id, "return", Map.of("reason", "不属本单位职责"));
		assertThat(one.get("status").asText()).isEqualTo("ASSIGNED");
		assertThat(part(one, f.unitId).get("status").asText()).isEqualTo("RETURNED");
		assertThat(f.handler.get("/api/v1/proposals/" + id).status()).as("a unit that returned it no longer sees it")
			.isEqualTo(404);
		JsonNode kpis = f.assessor.get("/api/v1/proposals/kpis?session=" + f.sessionId).json();
		assertThat(kpis.get("total").get("assigned").asLong()).isEqualTo(1);
		JsonNode all = f.step(f.otherHandler, id, "return", Map.of("reason", "应由生态环境局办理"));
		assertThat(all.get("status").asText()).isEqualTo("RETURNED");
		assertThat(all.get("separateUnits").isEmpty()).isTrue();
		JsonNode again = f.step(f.assessor, id, "assign", Map.of("mode", "SEPARATE", "leadUnitId", f.otherUnitId));
		assertThat(again.get("leadUnit").get("id").asText()).as("one unit, as before").isEqualTo(f.otherUnitId);
		assertThat(again.get("separateUnits").isEmpty()).isTrue();
	}

	private JsonNode get(String id) {
		return f.assessor.get("/api/v1/proposals/" + id).json();
	}

	private String status(String id) {
		return get(id).get("status").asText();
	}

	private static List<JsonNode> parts(JsonNode p) {
		return p.get("separateUnits").valueStream().toList();
	}

	private static JsonNode part(JsonNode p, String unitId) {
		return parts(p).stream().filter(u -> u.get("unit").get("id").asText().equals(unitId)).findFirst().orElseThrow();
	}

	private long copies(String id) {
		return f.cosigner.get("/api/v1/inbox?size=200").json().get("items").valueStream()
			.filter(m -> m.get("link").asText().equals("/proposals/" + id))
			.filter(m -> m.get("kind").asText().equals("PROPOSAL_REPLY_COPY")).count();
	}

	private String letter() throws Exception {
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(f.deputy.base() + "/api/v1/proposals/letter?session=" + f.sessionId))
			.header("Authorization", "Bearer " + f.deputy.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
				XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
			return words.getText();
		}
	}
}
