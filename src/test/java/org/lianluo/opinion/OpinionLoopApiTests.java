package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.region.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@LianluoTest
class OpinionLoopApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	LoopFixture f;

	Api citizen;

	@BeforeEach
	void setUp() {
		f = new LoopFixture(port);
		citizen = new Api(port);
	}

	@Test
	void theWholeLoopRunsWithReopeningAndTheCitizenSeesNoPersonalData() {
		String code = f.submitPublic(citizen, "朔良镇那板村到镇上的道路塌方，雨天无法通行，请尽快修复。");
		assertThat(code).hasSize(13);
		JsonNode tracked = citizen.get("/api/v1/public/opinions/" + code).json();
		assertThat(tracked.get("status").asText()).isEqualTo("RECEIVED");
		String id = f.idOf(code);
		assertThat(f.assessor.get("/api/v1/opinions?q=" + code.toLowerCase()).json().get("items").get(0).get("id").asText()).isEqualTo(id);
		assertThat(f.assessor.get("/api/v1/opinions?q=那板村到镇上&size=200").json().get("items").valueStream()
			.map(n -> n.get("id").asText())).contains(id);

		JsonNode assigned = f.assessor.post("/api/v1/opinions/" + id + "/triage",
				Map.of("route", "ASSIGN", "leadUnitId", f.unitId)).json();
		assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
		LocalDate deadlineDay = Instant.parse(assigned.get("deadline").asText()).atZone(WorkingCalendar.ZONE).toLocalDate();
		assertThat(calendar.isWorkingDay(deadlineDay)).isTrue();
		assertThat(calendar.workingDaysBetween(LocalDate.now(WorkingCalendar.ZONE), deadlineDay)).isBetween(13, 14);
		assertThat(assigned.get("light").asText()).isEqualTo("GREEN");

		assertThat(f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of()).json().get("status").asText()).isEqualTo("ACCEPTED");
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "PLANNED", "text", "已列入本月道路抢修计划。"));
		assertThat(f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true)).json().get("status").asText())
			.isEqualTo("FED_BACK");

		JsonNode fedBack = citizen.get("/api/v1/public/opinions/" + code).json();
		assertThat(fedBack.get("reply").get("text").asText()).isEqualTo("已列入本月道路抢修计划。");
		Response rated = citizen.post("/api/v1/public/opinions/" + code + "/evaluation", Map.of("grade", "UNSATISFIED", "comment", "太慢",
				"ratingKey", f.ratingKeyOf(code)));
		assertThat(rated.status()).isEqualTo(200);
		assertThat(rated.json().get("status").asText()).isEqualTo("REOPENED");

		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "RESOLVED", "text", "道路已修复通车。"));
		f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));
		JsonNode closed = citizen.post("/api/v1/public/opinions/" + code + "/evaluation",
				Map.of("grade", "SATISFIED", "ratingKey", f.ratingKeyOf(code))).json();
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("reply").get("result").asText()).isEqualTo("RESOLVED");
		assertThat(closed.get("timeline").valueStream().map(s -> s.get("status").asText())).containsExactly("RECEIVED",
				"ASSIGNED", "ACCEPTED", "REPLIED", "FED_BACK", "REOPENED", "ACCEPTED", "REPLIED", "FED_BACK", "CLOSED");

		String publicJson = citizen.get("/api/v1/public/opinions/" + code).body();
		assertThat(publicJson).doesNotContain("黄大伟", "13812345678", "138****5678", "handler", "assessor", "actor");

		JsonNode staff = f.assessor.get("/api/v1/opinions/" + id).json();
		assertThat(staff.get("submitterPhone").asText()).isEqualTo("138****5678");
		assertThat(staff.get("submitterName").asText()).isEqualTo("黄**");
		assertThat(staff.get("timeline").valueStream().map(e -> e.get("actor").asText())).contains("citizen");
		assertThat(f.assessor.post("/api/v1/opinions/" + id + "/implemented", Map.of("note", "纳入全县道路隐患排查")).json()
			.get("implemented").asBoolean()).isTrue();

		String stored = jdbc.sql("select coalesce(submitter_phone_enc, '') || coalesce(submitter_name_enc, '') from opinion where tracking_code = ?")
			.param(code).query(String.class).single();
		assertThat(stored).doesNotContain("13812345678").doesNotContain("黄大伟").startsWith("v3:aes:k1:");
	}

	@Test
	void aPersistentTimerWaitsForTheNextSupervisionStepFiresItAndIsCancelledOnReply() throws InterruptedException {
		String id = f.idOf(f.submitPublic(citizen, "紧急：村口变压器冒烟，请马上处理。"));
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId, "kind", "URGENT"));
		// URGENT is due today, so its reminder is already due: the timer fires within the polling interval.
		long deadline = System.currentTimeMillis() + 30_000;
		List<String> levels = List.of();
		while (System.currentTimeMillis() < deadline && levels.isEmpty()) {
			Thread.sleep(250);
			levels = jdbc.sql("select note from opinion_event where opinion_id = ? and kind = 'SUPERVISION'")
				.param(java.util.UUID.fromString(id)).query(String.class).list();
		}
		assertThat(levels).containsExactly("1");
		assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'opinion-deadline' and task_instance = ?")
			.param(id + ":2").query(Long.class).single()).isEqualTo(1);
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "RESOLVED", "text", "已断电抢修。"));
		assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'opinion-deadline' and task_instance like ?")
			.param(id + ":%").query(Long.class).single()).isZero();
	}

	@Test
	void kpisCountTheRegionsOpinionsAndNeverTakeUnratedAsSatisfied() {
		// 作登瑶族乡 of 田东, whose unit the fixture's is (a unit answers its own county's opinions only), and no other test's.
		String region = "451022201";
		List<String> codes = new java.util.ArrayList<>();
		List<String> keys = new java.util.ArrayList<>();
		for (String text : List.of("作登乡街道路灯不亮。", "作登乡集市垃圾清运不及时。", "作登乡学校门口缺少斑马线。")) {
			JsonNode receipt = citizen.post("/api/v1/public/opinions", Map.of("content", text, "regionCode", region)).json();
			codes.add(receipt.get("trackingCode").asText());
			keys.add(receipt.get("ratingKey").asText());
		}
		for (int i = 0; i < 2; i++) {
			String id = f.idOf(codes.get(i));
			f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
			f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
			f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "RESOLVED", "text", "已处理。"));
			f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));
			citizen.post("/api/v1/public/opinions/" + codes.get(i) + "/evaluation", Map.of("grade", i == 0 ? "SATISFIED" : "UNSATISFIED",
					"ratingKey", keys.get(i)));
		}
		JsonNode total = f.assessor.get("/api/v1/opinions/kpis?region=" + region).json().get("total");
		assertThat(total.get("received").asLong()).isEqualTo(3);
		assertThat(total.get("assigned").asLong()).isEqualTo(2);
		assertThat(total.get("settled").asLong()).isEqualTo(1);
		assertThat(total.get("onTime").asLong()).isEqualTo(1);
		assertThat(total.get("rated").asLong()).isEqualTo(2);
		assertThat(total.get("satisfied").asLong()).isEqualTo(1);
		// 靖西's assessor counts none of 田东's.
		assertThat(f.otherCountyAssessor.get("/api/v1/opinions/kpis?region=" + region).json().get("total").get("received").asLong())
			.isZero();
		assertThat(f.otherCountyAssessor.get("/api/v1/opinions/kpis?region=451022").json().get("total").get("received").asLong())
			.isZero();
	}

	@Test
	void stationStaffRegisterAVotersOpinionWithTheDeputiesWhoReceivedIt() {
		String deputy = f.admin.post("/api/v1/deputies", Map.of("name", "韦代表", "gender", "FEMALE", "levels", List.of("COUNTY"),
				"regionCode", "451022108")).json().get("id").asText();
		String station = f.admin.post("/api/v1/stations", Map.of("name", "朔良镇人大代表联络站" + System.nanoTime(), "kind", "STANDARD",
				"regionCode", "451022108", "address", "朔良镇政府", "deputyIds", List.of(deputy))).json().get("id").asText();
		Api stationAdmin = org.lianluo.Staff.user(port, "451022", "STATION_ADMIN");
		Response r = stationAdmin.post("/api/v1/opinions", Map.of("content", "接待日群众反映：村小学缺少校车。", "stationId", station,
				"channel", "STATION_RECEPTION", "deputyIds", List.of(deputy), "phone", "13900001111"));
		assertThat(r.status()).isEqualTo(201);
		assertThat(r.json().get("regionCode").asText()).isEqualTo("451022108");
		assertThat(r.json().get("channel").asText()).isEqualTo("STATION_RECEPTION");
		assertThat(r.json().get("deputyIds").get(0).asText()).isEqualTo(deputy);
		assertThat(r.json().get("submitterPhone").asText()).isEqualTo("139****1111");

		Response unknown = stationAdmin.post("/api/v1/opinions", Map.of("content", "接待日群众反映：村小学缺少校车。",
				"stationId", java.util.UUID.randomUUID(), "channel", "STATION_RECEPTION", "deputyIds", List.of(java.util.UUID.randomUUID())));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").valueStream().map(e -> e.get("field").asText())).contains("stationId", "deputyIds");
		assertThat(citizen.post("/api/v1/opinions", Map.of("content", "未登录的人不能登记。", "regionCode", "451022")).status()).isEqualTo(401);
	}

	@Test
	void theLeadUnitAttachesItsSignedReplyCheckedByContentAndOthersCannot() {
		String id = f.idOf(f.submitPublic(citizen, "村道边坡有落石隐患，请排查。"));
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		Response stored = org.lianluo.Staff.upload(f.handler, "/api/v1/opinions/" + id + "/attachments", "答复函.pdf", pdf);
		assertThat(stored.status()).isEqualTo(201);
		assertThat(stored.json().get("contentType").asText()).isEqualTo("application/pdf");
		Response disguised = org.lianluo.Staff.upload(f.handler, "/api/v1/opinions/" + id + "/attachments", "photo.pdf",
				"<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(disguised.status()).isEqualTo(415);
		assertThat(disguised.json().get("detail").asText()).contains("按文件内容识别");
		assertThat(org.lianluo.Staff.upload(f.otherCountyAssessor, "/api/v1/opinions/" + id + "/attachments", "x.pdf", pdf).status())
			.isEqualTo(404);
		var files = f.assessor.get("/api/v1/opinions/" + id + "/attachments").json().get("items");
		assertThat(files).hasSize(1);
		assertThat(f.assessor.get("/api/v1/opinions/" + id + "/attachments/" + files.get(0).get("id").asText()).body()).startsWith("%PDF-");
		assertThat(citizen.get("/api/v1/opinions/" + id + "/attachments").status()).isEqualTo(401);
	}

	@Test
	void theSameIdempotencyKeyGivesTheSameAnswerAndAnotherBodyIs422() {
		Map<String, Object> body = Map.of("content", "小区路灯坏了三个月没人修。", "regionCode", "451022");
		Map<String, String> key = Map.of("Idempotency-Key", "key-" + System.nanoTime());
		Response first = citizen.post("/api/v1/public/opinions", body, key);
		Response again = citizen.post("/api/v1/public/opinions", body, key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("trackingCode").asText()).isEqualTo(first.json().get("trackingCode").asText());
		Response other = citizen.post("/api/v1/public/opinions", Map.of("content", "另一件事情需要反映。", "regionCode", "451022"), key);
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("detail").asText()).isEqualTo("该幂等键已用于另一份不同的提交。");
	}

	@Test
	void badInputIsRefusedFieldByFieldInChineseAndWritesNothing() {
		long before = jdbc.sql("select count(*) from opinion").query(Long.class).single();
		Response r = citizen.post("/api/v1/public/opinions", Map.of("content", "短", "regionCode", "123", "phone", "12345"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asText())).contains("content", "regionCode", "phone");
		assertThat(r.json().get("errors").get(0).get("message").asText()).isEqualTo("请填写意见内容（5–5000 字）。");
		Response badEnum = citizen.post("/api/v1/public/opinions", Map.of("content", "内容足够长了吧", "regionCode", "451022", "kind", "WHATEVER"));
		assertThat(badEnum.status()).isEqualTo(400);
		assertThat(badEnum.json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
		assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single()).isEqualTo(before);
		assertThat(citizen.get("/api/v1/public/opinions/NOPE").status()).isEqualTo(404);
	}

	@Test
	void illegalTransitionsAre409AndOtherCountiesSee404() {
		String code = f.submitPublic(citizen, "田东县某村饮水管道破裂需要维修。");
		String id = f.idOf(code);
		Response early = f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		assertThat(early.status()).isIn(403, 404);
		Response review = f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));
		assertThat(review.status()).isEqualTo(409);
		assertThat(review.json().get("detail").asText()).isEqualTo("该意见当前状态为“待研判”，不允许此操作。");
		assertThat(citizen.post("/api/v1/public/opinions/" + code + "/evaluation",
				Map.of("grade", "SATISFIED", "ratingKey", f.ratingKeyOf(code))).status()).isEqualTo(409);
		assertThat(f.otherCountyAssessor.get("/api/v1/opinions/" + id).status()).isEqualTo(404);
		assertThat(f.otherCountyAssessor.get("/api/v1/opinions?q=" + code).json().get("total").asInt()).isZero();
		Response noDeputy = f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "TO_PROPOSAL"));
		assertThat(noDeputy.status()).as("no deputy received it, and none is named").isEqualTo(400);
		assertThat(noDeputy.json().get("errors").get(0).get("field").asText()).isEqualTo("deputyId");
		assertThat(f.handler.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "REJECT", "reason", "x")).status()).isEqualTo(403);
	}

	@Test
	void mergeKeepsBothAndCanBeUndoneAndTheFollowerShowsThePrimarysReply() {
		String primary = f.submitPublic(citizen, "那板村道路塌方请修复，影响出行。");
		String duplicate = f.submitPublic(citizen, "那板村的路塌了，车过不去。");
		String dupId = f.idOf(duplicate);
		String primaryId = f.idOf(primary);
		assertThat(f.assessor.post("/api/v1/opinions/" + dupId + "/triage", Map.of("route", "MERGE", "primaryId", primaryId))
			.json().get("status").asText()).isEqualTo("MERGED");
		assertThat(f.assessor.post("/api/v1/opinions/" + dupId + "/unmerge", Map.of()).json().get("status").asText()).isEqualTo("RECEIVED");
		f.assessor.post("/api/v1/opinions/" + dupId + "/triage", Map.of("route", "MERGE", "primaryId", primaryId));
		f.assessor.post("/api/v1/opinions/" + primaryId + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		f.handler.post("/api/v1/opinions/" + primaryId + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + primaryId + "/reply", Map.of("result", "RESOLVED", "text", "已修复。"));
		f.assessor.post("/api/v1/opinions/" + primaryId + "/review", Map.of("approve", true));
		JsonNode follower = citizen.get("/api/v1/public/opinions/" + duplicate).json();
		assertThat(follower.get("status").asText()).isEqualTo("MERGED");
		assertThat(follower.get("reply").get("text").asText()).isEqualTo("已修复。");
	}

	@Test
	void aUnitReturnsWithinTwoWorkingDaysAndExtensionsNeedApproval() {
		String id = f.idOf(f.submitPublic(citizen, "反映学校门口交通拥堵问题。"));
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		Response returned = f.handler.post("/api/v1/opinions/" + id + "/return", Map.of("reason", "不属于本单位职责，应由交警大队办理"));
		assertThat(returned.json().get("status").asText()).isEqualTo("RECEIVED");
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId, "kind", "INQUIRY"));
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		String before = f.assessor.get("/api/v1/opinions/" + id).json().get("deadline").asText();
		f.handler.post("/api/v1/opinions/" + id + "/extension", Map.of("workingDays", 5, "reason", "需协调多个部门"));
		assertThat(f.handler.post("/api/v1/opinions/" + id + "/extension", Map.of("workingDays", 5, "reason", "再次")).status()).isEqualTo(409);
		JsonNode approved = f.assessor.post("/api/v1/opinions/" + id + "/extension/decision", Map.of("approve", true)).json();
		assertThat(Instant.parse(approved.get("deadline").asText())).isAfter(Instant.parse(before));
		assertThat(approved.get("light").asText()).isEqualTo("YELLOW");
		assertThat(f.handler.post("/api/v1/opinions/" + id + "/extension", Map.of("workingDays", 2, "reason", "还要")).status()).isEqualTo(409);
		List<String> kinds = f.assessor.get("/api/v1/opinions/" + id).json().get("timeline").valueStream().map(e -> e.get("kind").asText()).toList();
		assertThat(kinds).contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
	}

	/** Up to FED_BACK: assigned to the fixture's unit, accepted, replied, approved. */
	private String fedBack(String code) {
		String id = f.idOf(code);
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "RESOLVED", "text", "已修复。"));
		assertThat(f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true)).json().get("status").asText())
			.isEqualTo("FED_BACK");
		return id;
	}

	@Test
	void onlyTheRatingKeyTheCitizenWasGivenRatesAndItIsNeverStoredNorShownToStaff() {
		Response receipt = citizen.post("/api/v1/public/opinions", Map.of("content", "朔良镇街上的下水道堵了，污水漫到路面。",
				"regionCode", "451022108", "phone", "13812340000"), Map.of("Idempotency-Key", "rating-" + System.nanoTime()));
		assertThat(receipt.status()).isEqualTo(201);
		String code = receipt.json().get("trackingCode").asText();
		String key = receipt.json().get("ratingKey").asText();
		assertThat(key).as("at least 96 bits").hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(code);
		String id = fedBack(code);

		for (Map<String, String> without : List.of(Map.of("grade", "SATISFIED"), Map.of("grade", "SATISFIED", "ratingKey", ""),
				Map.of("grade", "SATISFIED", "ratingKey", code), Map.of("grade", "SATISFIED", "ratingKey", "0".repeat(key.length())),
				Map.of("grade", "SATISFIED", "ratingKey", key.substring(0, key.length() - 1)))) {
			Response refused = citizen.post("/api/v1/public/opinions/" + code + "/evaluation", without);
			assertThat(refused.status()).as(without.toString()).isEqualTo(403);
			assertThat(refused.json().get("detail").asText()).contains("评价码");
		}
		JsonNode untouched = f.assessor.get("/api/v1/opinions/" + id).json();
		assertThat(untouched.get("status").asText()).isEqualTo("FED_BACK");
		assertThat(untouched.get("grade").isNull()).isTrue();

		Response rated = citizen.post("/api/v1/public/opinions/" + code + "/evaluation",
				Map.of("grade", "SATISFIED", "ratingKey", key.toLowerCase()));
		assertThat(rated.status()).isEqualTo(200);
		assertThat(rated.json().get("status").asText()).isEqualTo("CLOSED");
		JsonNode staff = f.assessor.get("/api/v1/opinions/" + id).json();
		assertThat(staff.get("ratedBy").asText()).isEqualTo("CITIZEN");
		assertThat(staff.has("ratingKey")).isFalse();

		// never shown to staff, never stored: not in any staff answer, not in the opinion's row, its timeline or its SMS
		assertThat(f.assessor.get("/api/v1/opinions/" + id).body() + f.handler.get("/api/v1/opinions/" + id).body()
				+ f.assessor.get("/api/v1/opinions?q=" + code).body()).doesNotContain(key);
		java.util.UUID uuid = java.util.UUID.fromString(id);
		assertThat(jdbc.sql("select row_to_json(o)::text from opinion o where id = ?").param(uuid).query(String.class).single())
			.doesNotContain(key);
		assertThat(jdbc.sql("select coalesce(string_agg(row_to_json(e)::text, ''), '') from opinion_event e where opinion_id = ?")
			.param(uuid).query(String.class).single()).doesNotContain(key);
		assertThat(jdbc.sql("select coalesce(string_agg(params, ''), '') from notification_delivery where params like ?")
			.param("%" + code + "%").query(String.class).single()).doesNotContain(key);
	}

	@Test
	void aRetriedIntakeAnswersTheSameRatingKeyAndStaffIntakeGivesItOnceForTheReceipt() {
		Map<String, Object> body = Map.of("content", "那板村村口路灯坏了三个月。", "regionCode", "451022108");
		Map<String, String> header = Map.of("Idempotency-Key", "retry-" + System.nanoTime());
		JsonNode first = citizen.post("/api/v1/public/opinions", body, header).json();
		JsonNode again = citizen.post("/api/v1/public/opinions", body, header).json();
		assertThat(again.get("trackingCode").asText()).isEqualTo(first.get("trackingCode").asText());
		assertThat(again.get("ratingKey").asText()).isEqualTo(first.get("ratingKey").asText());

		Api stationAdmin = org.lianluo.Staff.user(port, "451022", "STATION_ADMIN");
		Response registered = stationAdmin.post("/api/v1/opinions", Map.of("content", "接待日群众反映：村里自来水浑浊。",
				"regionCode", "451022108", "channel", "STATION_RECEPTION"));
		assertThat(registered.status()).isEqualTo(201);
		String code = registered.json().get("trackingCode").asText();
		String key = registered.json().get("ratingKey").asText();
		assertThat(key).hasSizeGreaterThanOrEqualTo(20);
		String id = registered.json().get("id").asText();
		assertThat(stationAdmin.get("/api/v1/opinions/" + id).json().has("ratingKey")).as("this once").isFalse();
		fedBack(code);
		assertThat(citizen.post("/api/v1/public/opinions/" + code + "/evaluation", Map.of("grade", "BASICALLY_SATISFIED",
				"ratingKey", key)).status()).isEqualTo(200);
	}

	@Test
	void theUnitBeingRatedNeverReadsTheTrackingCodeNorRatesItsOwnReply() {
		String code = f.submitPublic(citizen, "朔良镇卫生院门口的路灯坏了，晚上看病很不方便。");
		String id = fedBack(code);
		String merged = f.submitPublic(citizen, "卫生院门口黑灯瞎火的，请修路灯。");
		String mergedId = f.idOf(merged);
		assertThat(f.assessor.post("/api/v1/opinions/" + mergedId + "/triage", Map.of("route", "MERGE", "primaryId", id)).status())
			.isEqualTo(200);

		String api = f.handler.get("/api/v1/opinions/" + id).body() + f.handler.get("/api/v1/opinions?size=200").body()
				+ f.handler.get("/api/v1/opinions/" + id + "/duplicates").body() + f.handler.get("/api/v1/inbox?size=200").body();
		assertThat(api).contains(id).doesNotContain(code).doesNotContain(merged);
		assertThat(f.handler.get("/api/v1/opinions/" + id).json().get("trackingCode").isNull()).isTrue();
		// asked by code, the list confirms nothing (it is read as words of the content)
		assertThat(f.handler.get("/api/v1/opinions?q=" + code).json().get("total").asInt()).isZero();
		String screens = org.lianluo.Staff.screen(port, f.handlerName, "password-123", "/opinions/" + id)
				+ org.lianluo.Staff.screen(port, f.handlerName, "password-123", "/opinions");
		assertThat(screens).contains(id).doesNotContain(code).doesNotContain(merged);
		assertThat(org.lianluo.Staff.screen(port, f.handlerName, "password-123", "/opinions?q=" + code)).contains("共 0 条")
			.doesNotContain("/opinions/" + id + "\"");
		// the office still reads it, and a merge note naming a code is masked for the unit
		assertThat(f.assessor.get("/api/v1/opinions/" + id).json().get("trackingCode").asText()).isEqualTo(code);
		assertThat(f.assessor.get("/api/v1/opinions/" + id).body()).contains(merged);

		// even knowing the code, the unit has no key: its own reply stays unrated
		for (Map<String, String> body : List.of(Map.of("grade", "SATISFIED"), Map.of("grade", "SATISFIED", "ratingKey", code))) {
			assertThat(f.handler.post("/api/v1/public/opinions/" + code + "/evaluation", body).status()).isEqualTo(403);
		}
		assertThat(f.assessor.get("/api/v1/opinions/" + id).json().get("status").asText()).isEqualTo("FED_BACK");
	}

	@Test
	void theOfficesPhoneCallBackIsMarkedAuditedAndCountedApartFromTheCitizensRatings() {
		// 那拔镇 of 田东, whose unit the fixture's is, and no other test's.
		String region = "451022110";
		List<String> codes = new java.util.ArrayList<>();
		List<String> keys = new java.util.ArrayList<>();
		for (String text : List.of("那拔镇圩日交通拥堵严重。", "那拔镇中学门口缺少减速带。", "那拔镇自来水时有时无。")) {
			JsonNode receipt = citizen.post("/api/v1/public/opinions", Map.of("content", text, "regionCode", region)).json();
			codes.add(receipt.get("trackingCode").asText());
			keys.add(receipt.get("ratingKey").asText());
		}
		List<String> ids = codes.stream().map(this::fedBack).toList();
		citizen.post("/api/v1/public/opinions/" + codes.get(0) + "/evaluation", Map.of("grade", "SATISFIED", "ratingKey", keys.get(0)));
		citizen.post("/api/v1/public/opinions/" + codes.get(1) + "/evaluation", Map.of("grade", "UNSATISFIED", "ratingKey", keys.get(1)));
		JsonNode callBack = f.assessor.post("/api/v1/opinions/" + ids.get(2) + "/evaluation", Map.of("grade", "BASICALLY_SATISFIED",
				"comment", "电话回访，群众表示基本满意")).json();
		assertThat(callBack.get("status").asText()).isEqualTo("CLOSED");
		assertThat(callBack.get("ratedBy").asText()).isEqualTo("FOLLOW_UP");
		assertThat(callBack.get("timeline").valueStream().anyMatch(e -> e.get("kind").asText().equals("PHONE_FOLLOW_UP")
				&& e.get("actor").asText().equals(f.assessorName))).isTrue();
		assertThat(f.assessor.get("/api/v1/opinions/" + ids.get(0)).json().get("ratedBy").asText()).isEqualTo("CITIZEN");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'FOLLOW_UP_RATED' and actor = ? and target = ?")
			.params(f.assessorName, "opinion " + ids.get(2)).query(Long.class).single()).isEqualTo(1);
		assertThat(f.handler.post("/api/v1/opinions/" + ids.get(1) + "/evaluation", Map.of("grade", "SATISFIED")).status())
			.as("a staff action of the office, not of the unit").isIn(403, 404);

		JsonNode kpis = f.assessor.get("/api/v1/opinions/kpis?region=" + region).json();
		assertThat(kpis.get("total").get("rated").asLong()).isEqualTo(3);
		assertThat(kpis.get("ratedByCitizens").asLong()).isEqualTo(2);
		assertThat(kpis.get("ratedByFollowUp").asLong()).isEqualTo(1);
		JsonNode report = f.assessor.get("/api/v1/reports/annual?region=" + region + "&year="
				+ LocalDate.now(WorkingCalendar.ZONE).getYear()).json().get("opinionLoop");
		assertThat(report.get("ratedByCitizens").asLong()).isEqualTo(2);
		assertThat(report.get("ratedByFollowUp").asLong()).isEqualTo(1);
	}

	@Test
	void theSamePhonesHistoryStaysInTheViewersCountyAndShowsNoCodes() {
		String phone = "1390776" + String.format("%04d", (int) (System.nanoTime() % 10_000));
		Map<String, String> tiandong = Map.of("content", "平马镇农贸市场污水横流，请整治。", "regionCode", "451022100", "phone", phone);
		String earlier = citizen.post("/api/v1/public/opinions", tiandong).json().get("trackingCode").asText();
		String sibling = citizen.post("/api/v1/public/opinions", Map.of("content", "靖西市新靖镇夜市噪音扰民。", "regionCode", "451081100",
				"phone", phone)).json().get("trackingCode").asText();
		String now = citizen.post("/api/v1/public/opinions", Map.of("content", "平马镇农贸市场的污水还是没人管。", "regionCode",
				"451022100", "phone", phone)).json().get("trackingCode").asText();
		String earlierId = f.idOf(earlier);
		String siblingId = f.idOf(sibling);
		String id = f.idOf(now);

		String county = org.lianluo.Staff.unique("tdassessor");
		org.lianluo.Staff.user(port, county, "451022", "ASSESSOR");
		String page = org.lianluo.Staff.screen(port, county, "password-123", "/opinions/" + id);
		assertThat(page).contains("/opinions/" + earlierId).doesNotContain(siblingId).doesNotContain("新靖镇夜市")
			.doesNotContain(earlier).doesNotContain(sibling);
		// the city office sees both counties' opinions of the phone, still without their codes
		String city = org.lianluo.Staff.screen(port, f.assessorName, "password-123", "/opinions/" + id);
		assertThat(city).contains("/opinions/" + earlierId).contains("/opinions/" + siblingId).doesNotContain(earlier)
			.doesNotContain(sibling);
	}
}
