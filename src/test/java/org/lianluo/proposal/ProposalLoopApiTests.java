package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.region.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@LianluoTest
class ProposalLoopApiTests {

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

	@Test
	void oneProposalRunsFromDraftToClosedThroughRehandling() {
		String id = f.draft("关于改造祥周镇至林逢镇公路的建议");
		JsonNode draft = f.deputy.get("/api/v1/proposals/" + id).json();
		assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
		assertThat(draft.get("leadDeputy").get("name").asText()).isEqualTo(f.deputyName);
		assertThat(draft.get("cosigners").get(0).get("answer").asText()).isEqualTo("PENDING");
		assertThat(f.assessor.get("/api/v1/proposals?status=DRAFT&session=" + f.sessionId).json().get("total").asLong())
			.as("lists leave drafts to their deputies").isZero();

		assertThat(f.step(f.cosigner, id, "cosign", Map.of("confirm", true)).get("cosigners").get(0).get("answer").asText())
			.isEqualTo("CONFIRMED");
		assertThat(f.step(f.deputy, id, "submit", Map.of()).get("betweenSessions").asBoolean()).isTrue();
		JsonNode registered = f.step(f.assessor, id, "register", Map.of());
		assertThat(registered.get("number").asInt()).isEqualTo(1);
		assertThat(registered.get("assignmentDue").isNull()).isFalse();

		JsonNode assigned = f.step(f.assessor, id, "assign",
				Map.of("mode", "LEAD", "leadUnitId", f.unitId, "assistingUnitIds", List.of(f.otherUnitId)));
		assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
		assertThat(assigned.get("assistingUnits").get(0).get("id").asText()).isEqualTo(f.otherUnitId);
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		LocalDate deadline = day(assigned.get("deadline"));
		assertThat(deadline).isBetween(today.plusMonths(3), today.plusMonths(3).plusDays(9));
		assertThat(f.otherHandler.get("/api/v1/proposals/" + id).status()).as("an assisting unit sees it").isEqualTo(200);
		assertThat(f.otherHandler.post("/api/v1/proposals/" + id + "/accept", Map.of()).status()).isEqualTo(403);

		f.step(f.handler, id, "accept", Map.of());
		Response noContact = f.handler.post("/api/v1/proposals/" + id + "/reply", Map.of("replyClass", "B", "text", "已列入计划。"));
		assertThat(noContact.status()).isEqualTo(409);
		assertThat(noContact.json().get("detail").asText()).contains("沟通");
		f.step(f.handler, id, "contact", Map.of("method", "FACE_TO_FACE", "note", "到祥周镇与黄代表面商"));

		f.step(f.handler, id, "extension", Map.of("months", 2, "reason", "需等待年度预算批复"));
		JsonNode extended = f.step(f.assessor, id, "extension/decision", Map.of("approve", true));
		assertThat(extended.get("extended").asBoolean()).isTrue();
		assertThat(day(extended.get("deadline"))).isAfter(deadline.plusMonths(1));
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/extension", Map.of("months", 1, "reason", "再延")).status())
			.as("one extension only").isEqualTo(409);

		JsonNode replied = f.step(f.handler, id, "reply", Map.of("replyClass", "B", "text", "已列入 2027 年县道改造计划。"));
		assertThat(replied.get("status").asText()).isEqualTo("REPLIED");
		assertThat(replied.get("repliedWithoutContact").asBoolean()).isFalse();
		assertThat(replied.get("repliedOnTime").asBoolean()).isTrue();

		JsonNode unsatisfied = f.step(f.deputy, id, "evaluate", Map.of("grade", "UNSATISFIED", "comment", "时间太晚"));
		assertThat(unsatisfied.get("status").asText()).isEqualTo("RE_HANDLING");
		assertThat(day(unsatisfied.get("deadline"))).isBetween(today.plusMonths(1), today.plusMonths(1).plusDays(9));
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/reply", Map.of("replyClass", "A", "text", "已安排。")).status())
			.as("a new contact in re-handling").isEqualTo(409);
		JsonNode flagged = f.step(f.handler, id, "reply",
				Map.of("replyClass", "A", "text", "已提前安排资金，年内动工。", "confirmedWithoutContact", true));
		assertThat(flagged.get("repliedWithoutContact").asBoolean()).isTrue();
		JsonNode closed = f.step(f.deputy, id, "evaluate", Map.of("grade", "SATISFIED"));
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("timeline").valueStream().filter(e -> e.get("kind").asText().equals("TRANSITION"))
			.map(e -> e.get("status").asText())).containsExactly("DRAFT", "SUBMITTED", "REGISTERED", "ASSIGNED",
					"HANDLING", "REPLIED", "RE_HANDLING", "REPLIED", "CLOSED");
		assertThat(closed.get("timeline").valueStream().map(e -> e.get("kind").asText())).contains("COSIGN_CONFIRMED",
				"CONTACT", "EXTENSION_REQUESTED", "EXTENSION_APPROVED");
	}

	/** The steps of API.md in their order: no separate accept; the unit's first step signs for it. */
	@Test
	void aUnitContactsRightAfterAssignmentAndItsFirstStepSignsForIt() {
		String id = f.draft("关于增设那坡县城区公交站台的建议");
		f.step(f.deputy, id, "submit", Map.of());
		f.step(f.assessor, id, "register", Map.of());
		f.step(f.assessor, id, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));

		Response early = f.handler.post("/api/v1/proposals/" + id + "/reply", Map.of("replyClass", "A", "text", "已增设。"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("detail").asText()).contains("沟通");
		assertThat(f.handler.get("/api/v1/proposals/" + id).json().get("status").asText())
			.as("a refused step signs for nothing").isEqualTo("ASSIGNED");

		JsonNode contacted = f.step(f.handler, id, "contact", Map.of("method", "PHONE", "note", "电话联系代表"));
		assertThat(contacted.get("status").asText()).isEqualTo("HANDLING");
		f.step(f.handler, id, "reply", Map.of("replyClass", "A", "text", "已在城区增设公交站台 3 处。"));
		JsonNode closed = f.step(f.deputy, id, "evaluate", Map.of("grade", "SATISFIED"));
		assertThat(closed.get("timeline").valueStream().filter(e -> e.get("kind").asText().equals("TRANSITION"))
			.map(e -> e.get("status").asText())).containsExactly("DRAFT", "SUBMITTED", "REGISTERED", "ASSIGNED",
					"HANDLING", "REPLIED", "CLOSED");
	}

	@Test
	void numbersPerSessionHaveNoGapsOrDuplicatesUnderConcurrency() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String id = f.draft("关于第" + i + "件事项的建议");
			f.step(f.deputy, id, "submit", Map.of());
			ids.add(id);
		}
		String refused = f.draft("未提交的建议");
		assertThat(f.assessor.post("/api/v1/proposals/" + refused + "/register", Map.of()).status()).as("a refused step takes no number").isEqualTo(409);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Response>> done = new ArrayList<>();
		for (String id : ids) {
			done.add(pool.submit(() -> f.assessor.post("/api/v1/proposals/" + id + "/register", Map.of())));
		}
		List<Integer> numbers = new ArrayList<>();
		for (Future<Response> r : done) {
			assertThat(r.get().status()).as(r.get().toString()).isEqualTo(200);
			numbers.add(r.get().json().get("number").asInt());
		}
		pool.shutdown();
		assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
		assertThat(f.assessor.post("/api/v1/proposals/" + ids.get(0) + "/register", Map.of()).status()).isEqualTo(409);
		String next = f.draft("第九件");
		f.step(f.deputy, next, "submit", Map.of());
		assertThat(f.step(f.assessor, next, "register", Map.of()).get("number").asInt()).isEqualTo(9);
	}

	@Test
	void aJingxiAssessorCannotSeeATiandongProposal() {
		String id = f.draft("关于田东县农村饮水安全的建议");
		f.step(f.deputy, id, "submit", Map.of());
		assertThat(f.jingxiAssessor.get("/api/v1/proposals/" + id).status()).isEqualTo(404);
		assertThat(f.jingxiAssessor.post("/api/v1/proposals/" + id + "/register", Map.of()).status()).isEqualTo(404);
		assertThat(f.jingxiAssessor.get("/api/v1/proposals?session=" + f.sessionId).json().get("total").asLong()).isZero();
		assertThat(f.assessor.get("/api/v1/proposals?session=" + f.sessionId).json().get("total").asLong()).isEqualTo(1);
		assertThat(f.handler.get("/api/v1/proposals/" + id).status()).as("not yet assigned to the unit").isEqualTo(404);
		assertThat(f.deputy.get("/api/v1/proposals?session=" + f.sessionId).json().get("total").asLong()).isEqualTo(1);
		assertThat(f.deputy.post("/api/v1/proposals/" + id + "/register", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void withdrawRefuseReturnAndReassign() {
		String withdrawn = f.draft("撤回的建议");
		f.step(f.deputy, withdrawn, "submit", Map.of());
		assertThat(f.step(f.deputy, withdrawn, "withdraw", Map.of()).get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(f.step(f.cosigner, f.draft("附议被拒的建议"), "cosign", Map.of("confirm", false)).get("cosigners").get(0)
			.get("answer").asText()).isEqualTo("DECLINED");

		String letter = f.draft("转为来信处理的建议");
		f.step(f.deputy, letter, "submit", Map.of());
		Response noReason = f.assessor.post("/api/v1/proposals/" + letter + "/not-register", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		JsonNode refused = f.step(f.assessor, letter, "not-register", Map.of("notRegisteredAs", "LETTER", "reason", "属于个人诉求，转为来信办理"));
		assertThat(refused.get("status").asText()).isEqualTo("NOT_REGISTERED");
		assertThat(refused.get("number").isNull()).isTrue();

		String id = f.draft("交办错误的建议");
		f.step(f.deputy, id, "submit", Map.of());
		f.step(f.assessor, id, "register", Map.of());
		assertThat(f.assessor.post("/api/v1/proposals/" + id + "/assign",
				Map.of("mode", "SEPARATE", "leadUnitId", f.unitId, "assistingUnitIds", List.of(f.otherUnitId))).status())
			.isEqualTo(400);
		f.step(f.assessor, id, "assign", Map.of("mode", "SEPARATE", "leadUnitId", f.unitId));
		assertThat(f.step(f.handler, id, "return", Map.of("reason", "属水利部门职责")).get("status").asText()).isEqualTo("RETURNED");
		assertThat(f.handler.get("/api/v1/proposals/" + id).status()).isEqualTo(404);
		f.step(f.assessor, id, "assign", Map.of("mode", "SEPARATE", "leadUnitId", f.otherUnitId));
		assertThat(f.step(f.otherHandler, id, "accept", Map.of()).get("status").asText()).isEqualTo("HANDLING");
	}

	@Test
	void badInputIsA400InChineseAndLeavesNothing() {
		long before = jdbc.sql("select count(*) from proposal").query(Long.class).single();
		Response r = f.deputy.post("/api/v1/proposals", Map.of("sessionId", UUID.randomUUID().toString(), "title", "",
				"content", "短", "coSignerIds", List.of(UUID.randomUUID().toString())));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().toString()).contains("会议不存在", "附议代表不存在");
		assertThat(f.assessor.post("/api/v1/proposals", Map.of("sessionId", f.sessionId, "title", "x", "content",
				"内容足够长的一段文字，共十个字以上。")).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from proposal").query(Long.class).single()).isEqualTo(before);
		String id = f.draft("延期申请超限");
		f.step(f.deputy, id, "submit", Map.of());
		f.step(f.assessor, id, "register", Map.of());
		f.step(f.assessor, id, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));
		f.step(f.handler, id, "accept", Map.of());
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/extension", Map.of("months", 4, "reason", "太久")).status())
			.isEqualTo(400);
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/reply", Map.of("replyClass", "E", "text", "x")).status())
			.isEqualTo(400);
	}

	@Test
	void theSweepWarnsOfLateAssignmentAndSupervisesTheReplyDeadlineOnce() {
		String late = f.draft("闭会期间提出、未按时交办的建议");
		f.step(f.deputy, late, "submit", Map.of());
		f.step(f.assessor, late, "register", Map.of());
		String handled = f.draft("逾期未答复的建议");
		f.step(f.deputy, handled, "submit", Map.of());
		f.step(f.assessor, handled, "register", Map.of());
		JsonNode assigned = f.step(f.assessor, handled, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));
		Instant farLater = Instant.parse(assigned.get("deadline").asText()).plus(40, ChronoUnit.DAYS);

		supervision.advance(UUID.fromString(late), farLater);
		supervision.advance(UUID.fromString(late), farLater);
		supervision.advance(UUID.fromString(handled), farLater);
		supervision.advance(UUID.fromString(handled), farLater);
		assertThat(kinds(late, "ASSIGNMENT_LATE")).containsExactly((String) null);
		assertThat(kinds(handled, "SUPERVISION")).containsExactlyInAnyOrder("1", "2", "3", "4");
		assertThat(kinds(handled, "ASSIGNMENT_LATE")).as("assigned in time").isEmpty();

		JsonNode key = f.step(f.leader, handled, "key-supervision", Map.of("topic", "农村公路"));
		assertThat(key.get("keySupervised").asBoolean()).isTrue();
		assertThat(key.get("keyTopic").asText()).isEqualTo("农村公路");
		assertThat(f.assessor.post("/api/v1/proposals/" + handled + "/key-supervision", Map.of("topic", "x")).status())
			.isEqualTo(403);
		assertThat(f.leader.get("/api/v1/proposals?keySupervised=true&session=" + f.sessionId).json().get("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void aDeputyTurnsAnOpinionTheyReceivedIntoADraftOnce() {
		Response opinion = f.assessor.post("/api/v1/opinions", Map.of("content", "林逢镇中学门前缺少减速带，学生上下学不安全。",
				"regionCode", "451022108", "channel", "DEPUTY_VISIT", "deputyIds", List.of(f.deputyId)));
		assertThat(opinion.status()).as(opinion.toString()).isEqualTo(201);
		String opinionId = opinion.json().get("id").asText();
		Map<String, String> body = Map.of("opinionId", opinionId, "sessionId", f.sessionId, "title", "关于在林逢镇中学门前设置减速带的建议");
		assertThat(f.cosigner.post("/api/v1/proposals/from-opinion", body).status()).as("not received by them").isEqualTo(404);

		Response drafted = f.deputy.post("/api/v1/proposals/from-opinion", body);
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		assertThat(drafted.json().get("status").asText()).isEqualTo("DRAFT");
		assertThat(drafted.json().get("content").asText()).isEqualTo("林逢镇中学门前缺少减速带，学生上下学不安全。");
		assertThat(f.assessor.get("/api/v1/opinions/" + opinionId).json().get("status").asText()).isEqualTo("TO_PROPOSAL");
		assertThat(f.deputy.post("/api/v1/proposals/from-opinion", body).status()).isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from proposal where opinion_id = ?").param(UUID.fromString(opinionId))
			.query(Long.class).single()).isEqualTo(1);
	}

	/** TO_PROPOSAL in triage (API.md): the office names the deputy; they see the opinion and draft from it once. */
	@Test
	void theOfficeTurnsAnOpinionIntoAProposalOfTheDeputyItNames() {
		Response letter = f.assessor.post("/api/v1/opinions", Map.of("content", "林逢镇卫生院缺少儿科医生，孩子看病要跑到县城。",
				"regionCode", "451022108", "channel", "LETTER"));
		assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
		String opinionId = letter.json().get("id").asText();
		String code = letter.json().get("trackingCode").asText();
		assertThat(f.deputy.get("/api/v1/opinions/" + opinionId).status()).as("not theirs yet").isEqualTo(404);
		assertThat(f.assessor.post("/api/v1/opinions/" + opinionId + "/triage",
				Map.of("route", "TO_PROPOSAL", "deputyId", UUID.randomUUID().toString())).status()).isEqualTo(400);

		Response routed = f.assessor.post("/api/v1/opinions/" + opinionId + "/triage",
				Map.of("route", "TO_PROPOSAL", "deputyId", f.deputyId, "note", "涉及县级卫生人才政策，宜由代表提出建议"));
		assertThat(routed.status()).as(routed.toString()).isEqualTo(200);
		assertThat(routed.json().get("status").asText()).isEqualTo("TO_PROPOSAL");
		assertThat(routed.json().get("timeline").valueStream().map(e -> e.path("note").asText()))
			.anyMatch(n -> n.contains("涉及县级卫生人才政策"));
		assertThat(new org.lianluo.Api(port).get("/api/v1/public/opinions/" + code).body()).doesNotContain("涉及县级卫生人才政策");

		Map<String, String> body = Map.of("opinionId", opinionId, "sessionId", f.sessionId, "title", "关于为林逢镇卫生院配备儿科医生的建议");
		Response drafted = f.deputy.post("/api/v1/proposals/from-opinion", body);
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		assertThat(drafted.json().get("content").asText()).isEqualTo("林逢镇卫生院缺少儿科医生，孩子看病要跑到县城。");
		JsonNode opinion = f.assessor.get("/api/v1/opinions/" + opinionId).json();
		assertThat(opinion.get("status").asText()).isEqualTo("TO_PROPOSAL");
		assertThat(opinion.get("timeline").valueStream().map(e -> e.get("kind").asText())).contains("PROPOSAL_DRAFTED");
		Response again = f.deputy.post("/api/v1/proposals/from-opinion", body);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asText()).isEqualTo("该意见已起草过代表建议，不能再次起草。");
	}

	@Test
	void theOfficeEntersADraftOnADeputysBehalfAndSubmitsItForThem() {
		Map<String, Object> body = Map.of("sessionId", f.sessionId, "title", "关于代为录入的建议", "content",
				"田东县平马镇农贸市场排水不畅，建议县住建局年内改造排水管网。", "leadDeputyId", f.deputyId);
		assertThat(f.jingxiAssessor.post("/api/v1/proposals", body).status()).as("a session outside their county").isEqualTo(404);
		assertThat(f.handler.post("/api/v1/proposals", body).status()).isEqualTo(403);
		assertThat(f.assessor.post("/api/v1/proposals", Map.of("sessionId", f.sessionId, "title", "x", "content",
				"内容足够长的一段文字，共十个字以上。", "leadDeputyId", UUID.randomUUID().toString())).status()).isEqualTo(400);
		Response drafted = f.assessor.post("/api/v1/proposals", body);
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		String id = drafted.json().get("id").asText();
		assertThat(drafted.json().get("leadDeputy").get("id").asText()).isEqualTo(f.deputyId);
		assertThat(drafted.json().get("draftedBy").asText()).isEqualTo("assessor" + f.u);
		assertThat(f.deputy.get("/api/v1/proposals/" + id).status()).as("the deputy sees their proposal").isEqualTo(200);
		assertThat(f.step(f.assessor, id, "submit", Map.of()).get("status").asText()).isEqualTo("SUBMITTED");
		String own = f.draft("代表自己的草稿");
		assertThat(f.assessor.post("/api/v1/proposals/" + own + "/submit", Map.of()).status())
			.as("a deputy's own draft is theirs to submit").isEqualTo(403);
	}

	private List<String> kinds(String id, String kind) {
		return jdbc.sql("select note from proposal_event where proposal_id = ? and kind = ? order by at, id")
			.params(UUID.fromString(id), kind).query(String.class).list();
	}

	private static LocalDate day(JsonNode instant) {
		return Instant.parse(instant.asText()).atZone(WorkingCalendar.ZONE).toLocalDate();
	}
}
