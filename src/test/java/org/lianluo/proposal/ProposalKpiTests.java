package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LianluoTest
class ProposalKpiTests {

	@LocalServerPort
	int port;

	@Test
	void aSessionsFiguresCountRepliesClassesRatingsAndContactsInTotalAndByUnit() {
		ProposalFixture f = new ProposalFixture(port);
		String solved = assigned(f, "已解决的建议", f.unitId);
		f.step(f.handler, solved, "contact", Map.of("method", "FACE_TO_FACE"));
		f.step(f.handler, solved, "reply", Map.of("replyClass", "A", "text", "已解决。"));
		f.step(f.deputy, solved, "evaluate", Map.of("grade", "SATISFIED"));
		String explained = assigned(f, "暂不能解决的建议", f.unitId);
		f.step(f.handler, explained, "contact", Map.of("method", "PHONE"));
		f.step(f.handler, explained, "reply", Map.of("replyClass", "C", "text", "受条件限制，已作说明。"));
		f.step(f.deputy, explained, "evaluate", Map.of("grade", "UNSATISFIED"));
		assigned(f, "水利局办理中的建议", f.otherUnitId);
		String registered = f.draft("只立案的建议");
		f.step(f.deputy, registered, "submit", Map.of());
		f.step(f.assessor, registered, "register", Map.of());

		JsonNode report = f.assessor.get("/api/v1/proposals/kpis?session=" + f.sessionId).json();
		assertThat(report.get("registered").asLong()).isEqualTo(4);
		JsonNode total = report.get("total");
		assertThat(total.get("assigned").asLong()).isEqualTo(3);
		assertThat(total.get("replied").asLong()).isEqualTo(2);
		assertThat(total.get("onTime").asLong()).isEqualTo(2);
		assertThat(total.get("replyRate").asDouble()).isEqualTo(0.667);
		assertThat(total.get("solvedRate").asDouble()).isEqualTo(0.5);
		assertThat(total.get("satisfactionRate").asDouble()).isEqualTo(0.5);
		assertThat(total.get("inPersonRate").asDouble()).isEqualTo(0.5);
		assertThat(total.get("shareA").asDouble()).isEqualTo(0.5);
		assertThat(total.get("shareC").asDouble()).isEqualTo(0.5);
		JsonNode first = report.get("byUnit").get(0);
		assertThat(first.get("unitName").asText()).startsWith("田东县交通运输局");
		assertThat(first.get("assigned").asLong()).isEqualTo(2);
		assertThat(report.get("byUnit").get(1).get("replyRate").asDouble()).isZero();

		assertThat(f.jingxiAssessor.get("/api/v1/proposals/kpis?session=" + f.sessionId).status()).isEqualTo(404);
		assertThat(f.deputy.get("/api/v1/proposals/kpis?session=" + f.sessionId).status()).isEqualTo(403);
		assertThat(f.leader.get("/api/v1/proposals/kpis?session=" + f.sessionId).status()).isEqualTo(200);
	}

	@Test
	void aDelegationsProposalToTheRegionalCongressIsRecordedWithItsNumber() {
		ProposalFixture f = new ProposalFixture(port);
		String title = "关于支持百色革命老区振兴发展的建议" + f.u;
		Response r = f.assessor.post("/api/v1/proposals/upward", Map.of("delegation", "百色代表团", "regionCode", "451000",
				"targetLevel", "PROVINCIAL", "title", title, "submittedOn", "2026-01-20", "externalNumber", "第0123号"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		assertThat(r.json().get("externalNumber").asText()).isEqualTo("第0123号");
		assertThat(f.assessor.get("/api/v1/proposals/upward?year=2026&size=200").body()).contains(title);
		assertThat(f.jingxiAssessor.get("/api/v1/proposals/upward?year=2026&size=200").body()).doesNotContain(title);
		Response outside = f.jingxiAssessor.post("/api/v1/proposals/upward", Map.of("delegation", "百色代表团", "regionCode",
				"451000", "targetLevel", "PROVINCIAL", "title", "越权", "submittedOn", "2026-01-20"));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("管辖范围");
		assertThat(f.assessor.post("/api/v1/proposals/upward", Map.of("delegation", "", "regionCode", "451000",
				"targetLevel", "TOWNSHIP", "title", "x", "submittedOn", "2099-01-01")).status()).isEqualTo(400);

		// followed there: its status at the higher congress, as the office learns it
		String id = r.json().get("id").asText();
		assertThat(r.json().get("status").asText()).isEqualTo("SUBMITTED");
		String status = "/api/v1/proposals/upward/" + id + "/status";
		assertThat(f.jingxiAssessor.post(status, Map.of("status", "REGISTERED")).status()).as("outside their county").isEqualTo(404);
		assertThat(f.handler.post(status, Map.of("status", "REGISTERED")).status()).isEqualTo(403);
		Response missing = f.assessor.post(status, Map.of("note", "x"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("办理状态");
		Response answered = f.assessor.post(status, Map.of("status", "ANSWERED", "note", "自治区发展改革委已答复，列入年度计划"));
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.json().get("status").asText()).isEqualTo("ANSWERED");
		assertThat(answered.json().get("externalNumber").asText()).as("kept when not given").isEqualTo("第0123号");
		assertThat(answered.json().get("statusAt").isNull()).isFalse();
		assertThat(f.assessor.get("/api/v1/proposals/upward?year=2026&size=200").json().get("items").valueStream()
			.filter(u -> u.get("id").asText().equals(id)).map(u -> u.get("statusNote").asText()))
			.containsExactly("自治区发展改革委已答复，列入年度计划");
	}

	private static String assigned(ProposalFixture f, String title, String unit) {
		String id = f.draft(title);
		f.step(f.deputy, id, "submit", Map.of());
		f.step(f.assessor, id, "register", Map.of());
		f.step(f.assessor, id, "assign", Map.of("mode", "SEPARATE", "leadUnitId", unit));
		f.step(unit.equals(f.unitId) ? f.handler : f.otherHandler, id, "accept", Map.of());
		return id;
	}
}
