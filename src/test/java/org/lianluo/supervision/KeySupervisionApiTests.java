package org.lianluo.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.proposal.ProposalFixture;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 point 5: special committees with members and fields; a committee or a leader takes an item under key
 * supervision, writes instructions the handling unit sees, invites deputies who then see it, and concludes it.
 */
@LianluoTest
class KeySupervisionApiTests {

	@LocalServerPort
	int port;

	@Test
	void aCommitteeTakesAProposalOfItsFieldInstructsInvitesAndConcludes() {
		ProposalFixture f = new ProposalFixture(port);
		String memberId = ProposalFixture.id(f.admin.post("/api/v1/users", Map.of("username", "nongwei" + f.u,
				"displayName", "农委主任" + f.u, "password", "password-123", "roles", List.of("ASSESSOR"), "regionCode", "451000")));
		Api member = new Api(port).as("nongwei" + f.u, "password-123");

		Response noField = f.assessor.post("/api/v1/committees", committee("空委员会" + f.u, List.of(), List.of(), memberId));
		assertThat(noField.status()).isEqualTo(400);
		assertThat(noField.json().get("errors").get(0).get("message").asText()).contains("分工领域");
		Response badCategory = f.assessor.post("/api/v1/committees",
				committee("错委员会" + f.u, List.of("ROADS"), List.of(), memberId));
		assertThat(badCategory.status()).isEqualTo(400);
		assertThat(f.handler.post("/api/v1/committees", committee("越权委员会" + f.u, List.of("AGRICULTURE"), List.of(), memberId))
			.status()).isEqualTo(403);

		JsonNode committee = f.assessor.post("/api/v1/committees",
				committee("农业与农村委员会" + f.u, List.of("AGRICULTURE"), List.of("公路"), memberId)).json();
		String committeeId = committee.get("id").asText();
		assertThat(committee.get("categories").get(0).asText()).isEqualTo("AGRICULTURE");
		assertThat(committee.get("subjects").get(0).asText()).isEqualTo("公路");
		assertThat(committee.get("members").get(0).get("username").asText()).isEqualTo("nongwei" + f.u);
		assertThat(f.leader.get("/api/v1/committees/" + committeeId).status()).isEqualTo(200);

		String proposal = f.registered("关于改造祥周镇公路的建议");
		f.step(f.assessor, proposal, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));

		Map<String, Object> take = new HashMap<>(Map.of("itemType", "PROPOSAL", "itemId", proposal, "topic", "农村公路",
				"committeeId", committeeId, "instruction", "请交通运输局一个月内拿出改造方案。"));
		assertThat(f.assessor.post("/api/v1/key-supervisions", take).status())
			.as("only the committee's members act for it").isEqualTo(403);
		assertThat(f.handler.post("/api/v1/key-supervisions", Map.of("itemType", "PROPOSAL", "itemId", proposal, "topic", "x"))
			.status()).as("without a committee: leaders only").isEqualTo(403);
		Response taken = member.post("/api/v1/key-supervisions", take);
		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		String id = taken.json().get("id").asText();
		assertThat(taken.json().get("status").asText()).isEqualTo("OPEN");
		assertThat(taken.json().get("committeeName").asText()).isEqualTo("农业与农村委员会" + f.u);
		assertThat(member.post("/api/v1/key-supervisions", take).status()).as("one open supervision per item").isEqualTo(409);
		assertThat(f.leader.get("/api/v1/proposals/" + proposal).json().get("keySupervised").asBoolean()).isTrue();

		assertThat(member.post("/api/v1/key-supervisions/" + id + "/instructions", Map.of("text", "  ")).status()).isEqualTo(400);
		JsonNode instructed = ok(member.post("/api/v1/key-supervisions/" + id + "/instructions",
				Map.of("text", "方案报委员会审阅后实施，每月报告进度。")));
		assertThat(instructed.get("instructions")).hasSize(2);
		assertThat(f.handler.post("/api/v1/key-supervisions/" + id + "/instructions", Map.of("text", "x")).status())
			.as("the unit reads the instructions, it does not write them").isEqualTo(403);

		JsonNode seenByUnit = ok(f.handler.get("/api/v1/key-supervisions?itemId=" + proposal));
		assertThat(seenByUnit.get("total").asInt()).isEqualTo(1);
		assertThat(seenByUnit.get("items").get(0).get("committeeName").asText())
			.as("the county's unit reads the city committee's name").isEqualTo("农业与农村委员会" + f.u);
		assertThat(seenByUnit.get("items").get(0).get("instructions").get(0).get("text").asText())
			.isEqualTo("请交通运输局一个月内拿出改造方案。");
		assertThat(f.otherHandler.get("/api/v1/key-supervisions/" + id).status()).as("another unit").isEqualTo(404);
		assertThat(f.otherHandler.get("/api/v1/key-supervisions?itemId=" + proposal).json().get("total").asInt()).isZero();
		assertThat(Staff.screen(port, "handler" + f.u, "password-123",
				"/key-supervisions/panel?itemType=PROPOSAL&itemId=" + proposal)).contains("方案报委员会审阅后实施，每月报告进度。");

		assertThat(f.cosigner.get("/api/v1/key-supervisions/" + id).status()).as("not invited").isEqualTo(404);
		assertThat(member.post("/api/v1/key-supervisions/" + id + "/deputies", Map.of("deputyIds", List.of())).status())
			.isEqualTo(400);
		JsonNode invited = ok(member.post("/api/v1/key-supervisions/" + id + "/deputies",
				Map.of("deputyIds", List.of(f.cosignerId))));
		assertThat(invited.get("deputies").get(0).get("deputyId").asText()).isEqualTo(f.cosignerId);
		assertThat(ok(f.cosigner.get("/api/v1/key-supervisions/" + id)).get("topic").asText()).isEqualTo("农村公路");
		assertThat(f.cosigner.get("/api/v1/key-supervisions").json().get("total").asInt()).isEqualTo(1);

		JsonNode concluded = ok(member.post("/api/v1/key-supervisions/" + id + "/conclusion",
				Map.of("conclusion", "改造已列入2026年计划，督办办结。")));
		assertThat(concluded.get("status").asText()).isEqualTo("CONCLUDED");
		assertThat(member.post("/api/v1/key-supervisions/" + id + "/conclusion", Map.of("conclusion", "再次")).status())
			.isEqualTo(409);
		assertThat(member.post("/api/v1/key-supervisions/" + id + "/instructions", Map.of("text", "再批")).status())
			.isEqualTo(409);
	}

	@Test
	void anOpinionOutsideTheCommitteesFieldIsRefusedAndALeaderTakesIt() {
		ProposalFixture f = new ProposalFixture(port);
		String memberId = ProposalFixture.id(f.admin.post("/api/v1/users", Map.of("username", "jiaowei" + f.u,
				"displayName", "教科文卫委" + f.u, "password", "password-123", "roles", List.of("ASSESSOR"), "regionCode", "451000")));
		Api member = new Api(port).as("jiaowei" + f.u, "password-123");
		String committeeId = ProposalFixture.id(f.assessor.post("/api/v1/committees",
				committee("教育科学文化卫生委员会" + f.u, List.of("EDUCATION", "HEALTH"), List.of("学校"), memberId)));

		Response submitted = new Api(port).post("/api/v1/public/opinions", Map.of("content",
				"那坡路口的红绿灯坏了一个星期，早晚上学时段很危险，请尽快修复。", "regionCode", "451022108", "category", "INFRASTRUCTURE"));
		assertThat(submitted.status()).isEqualTo(201);
		String opinion = f.assessor.get("/api/v1/opinions?q=" + submitted.json().get("trackingCode").asText()).json()
			.get("items").get(0).get("id").asText();

		Response outside = member.post("/api/v1/key-supervisions", Map.of("itemType", "OPINION", "itemId", opinion,
				"topic", "交通安全", "committeeId", committeeId));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.json().get("errors").get(0).get("message").asText()).contains("分工领域");
		assertThat(f.leader.get("/api/v1/key-supervisions?itemId=" + opinion).json().get("total").asInt()).isZero();

		Response byLeader = f.leader.post("/api/v1/key-supervisions", Map.of("itemType", "OPINION", "itemId", opinion,
				"topic", "交通安全", "instruction", "请县交警大队三日内修复。"));
		assertThat(byLeader.status()).as(byLeader.toString()).isEqualTo(201);
		assertThat(byLeader.json().get("committeeId").isNull()).isTrue();
		assertThat(f.jingxiAssessor.get("/api/v1/key-supervisions/" + byLeader.json().get("id").asText()).status())
			.as("another county's office").isEqualTo(404);
		assertThat(f.assessor.get("/api/v1/key-supervisions/" + byLeader.json().get("id").asText()).status()).isEqualTo(200);
	}

	private static JsonNode ok(Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	private static Map<String, Object> committee(String name, List<String> categories, List<String> subjects, String member) {
		return Map.of("name", name, "kind", "SPECIAL", "regionCode", "451000", "categories", categories, "subjects", subjects,
				"memberIds", List.of(member));
	}
}
