package org.lianluo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.LoopFixture;
import org.lianluo.region.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Each role's workbench queues, built through the API in 西林县's 足别瑶族苗族乡 (no other test writes there) with a
 * second township, a second unit and a second deputy beside it: each queue holds exactly the records its rule
 * names, the oldest first, and none of the neighbours'. Only "overdue" and "key supervision" need time to pass;
 * the test moves those opinions' deadline and supervision level as the supervision task would.
 */
@LianluoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchApiTests {

	static final String COUNTY = "451030";

	static final String TOWN = "451030208";

	static final String OTHER_TOWN = "451030206";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	LoopFixture f;

	Api city;

	Api townAssessor, handler, otherHandler, deputy, stationAdmin, leader;

	String unitName;

	UUID station, deputyId, otherDeputyId, unit;

	final Map<String, String> ids = new HashMap<>();

	@BeforeAll
	void build() {
		f = new LoopFixture(port);
		city = f.assessor;
		unitName = unique("西林县水利局");
		unit = id(f.admin.post("/api/v1/units", Map.of("name", unitName, "regionCode", TOWN)));
		UUID otherUnit = id(f.admin.post("/api/v1/units", Map.of("name", unique("西林县交通局"), "regionCode", TOWN)));
		deputyId = id(f.admin.post("/api/v1/deputies", Map.of("name", unique("韦代表"), "gender", "FEMALE", "levels",
				List.of("COUNTY"), "regionCode", TOWN)));
		otherDeputyId = id(f.admin.post("/api/v1/deputies", Map.of("name", unique("农代表"), "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", TOWN)));
		station = id(f.admin.post("/api/v1/stations", Map.of("name", unique("足别乡人大代表联络站"), "kind", "STANDARD",
				"regionCode", TOWN, "address", "足别乡政府旁", "deputyIds", List.of(deputyId, otherDeputyId))));
		UUID otherStation = id(f.admin.post("/api/v1/stations", Map.of("name", unique("那佐乡人大代表联络站"), "kind",
				"STANDARD", "regionCode", OTHER_TOWN, "address", "那佐乡政府旁", "deputyIds", List.of(otherDeputyId))));
		townAssessor = user("ASSESSOR", TOWN, Map.of());
		handler = user("UNIT_HANDLER", COUNTY, Map.of("unitId", unit.toString()));
		otherHandler = user("UNIT_HANDLER", COUNTY, Map.of("unitId", otherUnit.toString()));
		deputy = user("DEPUTY", TOWN, Map.of("deputyId", deputyId.toString()));
		stationAdmin = user("STATION_ADMIN", TOWN, Map.of());
		leader = user("LEADER", TOWN, Map.of());

		// Opinions of the township, one per state, made in this order (so the older first).
		ids.put("received1", submit(TOWN, null));
		ids.put("received2", submit(TOWN, null));
		ids.put("elsewhere", submit(OTHER_TOWN, otherStation));
		ids.put("assigned", submit(TOWN, null));
		assign("assigned", unit, "COMPLAINT");
		ids.put("otherUnit", submit(TOWN, null));
		assign("otherUnit", otherUnit, "COMPLAINT");
		ids.put("replied", submit(TOWN, null));
		assign("replied", unit, "COMPLAINT");
		step(handler, "replied", "accept", Map.of(), "ACCEPTED");
		step(handler, "replied", "reply", Map.of("result", "RESOLVED", "text", "已完成水渠修复。"), "REPLIED");
		ids.put("sentBack", submit(TOWN, null));
		assign("sentBack", unit, "COMPLAINT");
		step(handler, "sentBack", "accept", Map.of(), "ACCEPTED");
		step(handler, "sentBack", "reply", Map.of("result", "PLANNED", "text", "计划明年修复。"), "REPLIED");
		step(city, "sentBack", "review", Map.of("approve", false, "note", "请写明具体时间。"), "ACCEPTED");
		ids.put("urgent", submit(TOWN, null));
		assign("urgent", unit, "URGENT");
		step(handler, "urgent", "accept", Map.of(), "ACCEPTED");
		ids.put("overdue", submit(TOWN, null));
		assign("overdue", unit, "COMPLAINT");
		step(handler, "overdue", "accept", Map.of(), "ACCEPTED");
		ids.put("atStation", submit(TOWN, station));
		// Time passes for one of them: past its deadline by more than the escalation steps, under key supervision.
		assertThat(jdbc.sql("update opinion set deadline = now() - interval '12 days', supervision_level = 4, "
				+ "next_supervision_at = null where id = ?::uuid").param(ids.get("overdue")).update()).isEqualTo(1);

		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		rota(station, today, otherDeputyId);
		rota(station, today.plusDays(3), deputyId);
		rota(station, today.plusDays(1), deputyId);
		rota(station, today.minusDays(2), deputyId);
		rota(otherStation, today, otherDeputyId);
	}

	@Test
	void anAssessorSeesTheOpinionsToTriageAndTheRepliesToReviewOfTheirRegionOldestFirst() {
		JsonNode triage = panel(townAssessor, "ASSESSOR", "workbench.opinion.triage");
		assertThat(triage.get("count").asLong()).isEqualTo(3);
		assertThat(links(triage)).containsExactly(page("received1"), page("received2"), page("atStation"));
		assertThat(panel(townAssessor, "ASSESSOR", "workbench.opinion.triage").get("title").asText()).isEqualTo("待研判的意见");
		JsonNode review = panel(townAssessor, "ASSESSOR", "workbench.opinion.review");
		assertThat(review.get("count").asLong()).isEqualTo(1);
		assertThat(links(review)).containsExactly(page("replied"));
		// The city's assessor sees them too, and the other township's as well.
		assertThat(links(panel(city, "ASSESSOR", "workbench.opinion.triage")).size()).isPositive();
	}

	@Test
	void theOverdueBoardCountsPerUnitForTheAssessorAndTheLeaderWhoAlsoSeesKeySupervision() {
		for (Api who : List.of(townAssessor, leader)) {
			String role = who == leader ? "LEADER" : "ASSESSOR";
			JsonNode overdue = panel(who, role, "workbench.opinion.overdue");
			assertThat(overdue.get("count").asLong()).isEqualTo(1);
			assertThat(overdue.get("items")).hasSize(1);
			assertThat(overdue.get("items").get(0).get("label").asText()).isEqualTo(unitName);
			assertThat(overdue.get("items").get(0).get("note").asText()).isEqualTo("1");
		}
		JsonNode key = panel(leader, "LEADER", "workbench.opinion.key-supervision");
		assertThat(key.get("count").asLong()).isEqualTo(1);
		assertThat(links(key)).containsExactly(page("overdue"));
		assertThat(roles(leader)).containsOnly("LEADER");
	}

	@Test
	void aUnitHandlerSeesOnlyTheirUnitsOpinionsToAcceptDueSoonAndReturned() {
		JsonNode accept = panel(handler, "UNIT_HANDLER", "workbench.opinion.accept");
		assertThat(accept.get("count").asLong()).isEqualTo(1);
		assertThat(links(accept)).containsExactly(page("assigned"));
		JsonNode dueSoon = panel(handler, "UNIT_HANDLER", "workbench.opinion.due-soon");
		assertThat(links(dueSoon)).containsExactly(page("urgent"));
		JsonNode returned = panel(handler, "UNIT_HANDLER", "workbench.opinion.returned");
		assertThat(links(returned)).containsExactly(page("sentBack"));
		assertThat(links(panel(otherHandler, "UNIT_HANDLER", "workbench.opinion.accept"))).containsExactly(page("otherUnit"));
		assertThat(panel(otherHandler, "UNIT_HANDLER", "workbench.opinion.returned").get("count").asLong()).isZero();
		assertThat(roles(handler)).containsOnly("UNIT_HANDLER");
	}

	@Test
	void aDeputySeesTheOpinionsOfTheirStationsAndTheirOwnNextDutyDays() {
		JsonNode mine = panel(deputy, "DEPUTY", "workbench.opinion.my-stations");
		assertThat(links(mine)).containsExactly(page("atStation"));
		JsonNode days = panel(deputy, "DEPUTY", "workbench.duty.my-days");
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		assertThat(days.get("count").asLong()).isEqualTo(2);
		assertThat(whens(days)).containsExactly(today.plusDays(1).toString(), today.plusDays(3).toString());
		assertThat(links(days)).containsOnly("/stations/" + station);
	}

	@Test
	void aDeputySeesTheProposalRepliesAwaitingTheirRatingAndTheAssessorThoseToRegisterAndAssign() {
		Api county = user("ASSESSOR", COUNTY, Map.of());
		String session = session();
		String replied = proposal(session, "关于修建足别乡通村公路的建议");
		pstep(deputy, replied, "submit", Map.of());
		pstep(county, replied, "register", Map.of());
		JsonNode toAssign = panel(county, "ASSESSOR", "workbench.proposal.assign");
		assertThat(links(toAssign)).contains("/proposals/" + replied);
		pstep(county, replied, "assign", Map.of("mode", "LEAD", "leadUnitId", unit.toString()));
		pstep(handler, replied, "contact", Map.of("method", "PHONE", "note", "电话沟通。"));
		pstep(handler, replied, "reply", Map.of("replyClass", "B", "text", "已列入明年计划。"));
		String submitted = proposal(session, "关于足别乡卫生院增加医生的建议");
		pstep(deputy, submitted, "submit", Map.of());
		String draft = proposal(session, "关于足别乡学校食堂的建议");

		JsonNode rate = panel(deputy, "DEPUTY", "workbench.proposal.rate");
		assertThat(rate.get("count").asLong()).isEqualTo(1);
		assertThat(links(rate)).containsExactly("/proposals/" + replied);
		List<String> register = links(panel(county, "ASSESSOR", "workbench.proposal.register"));
		assertThat(register).contains("/proposals/" + submitted)
			.doesNotContain("/proposals/" + replied, "/proposals/" + draft);
		assertThat(links(panel(county, "ASSESSOR", "workbench.proposal.assign"))).doesNotContain("/proposals/" + replied);
		assertThat(roles(deputy)).containsOnly("DEPUTY");
	}

	@Test
	void stationStaffSeeTodaysReceptionAndTheOpinionsRegisteredTodayAtTheirStations() {
		JsonNode reception = panel(stationAdmin, "STATION_ADMIN", "workbench.duty.reception-today");
		assertThat(reception.get("count").asLong()).isEqualTo(1);
		assertThat(links(reception)).containsExactly("/stations/" + station);
		JsonNode registered = panel(stationAdmin, "STATION_ADMIN", "workbench.duty.registered-today");
		assertThat(registered.get("count").asLong()).isEqualTo(1);
		assertThat(links(registered)).containsExactly(page("atStation"));
	}

	@Test
	void theAdministratorSeesUsersDeadLettersAndTheCalendarWithNextYearsWarningFromNovember() {
		long dead = jdbc.sql("select count(*) from notification_delivery where status = 'DEAD'").query(Long.class).single();
		assertThat(panel(f.admin, "ADMIN", "workbench.notification.dead").get("count").asLong()).isEqualTo(dead);
		long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
		assertThat(panel(f.admin, "ADMIN", "workbench.identity.users").get("count").asLong()).isGreaterThanOrEqualTo(users);
		JsonNode calendar = panel(f.admin, "ADMIN", "workbench.region.calendar");
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		int next = today.getYear() + 1;
		boolean nextMissing = jdbc.sql("select count(*) from calendar_day where extract(year from day) = ?")
			.param(next).query(Long.class).single() == 0;
		assertThat(whens(calendar)).isNotNull();
		assertThat(calendar.get("items").get(1).get("label").asText()).isEqualTo(next + "年");
		if (today.getMonthValue() >= 11 && nextMissing) {
			assertThat(calendar.get("warning").asText()).contains("明年的节假日日历尚未登记");
		}
		else {
			assertThat(calendar.get("warning").isNull()).isTrue();
		}
		assertThat(roles(townAssessor)).containsOnly("ASSESSOR");
	}

	// --- helpers

	String submit(String region, UUID atStation) {
		Map<String, Object> body = new HashMap<>(Map.of("content", unique("足别乡水渠损坏，请修复。"), "regionCode", region,
				"kind", "COMPLAINT", "category", "INFRASTRUCTURE"));
		if (atStation != null) {
			body.put("stationId", atStation.toString());
		}
		Response r = new Api(port).post("/api/v1/public/opinions", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return f.idOf(r.json().get("trackingCode").asText());
	}

	void assign(String name, UUID unit, String kind) {
		step(city, name, "triage", Map.of("route", "ASSIGN", "leadUnitId", unit.toString(), "kind", kind), "ASSIGNED");
	}

	void step(Api who, String name, String step, Map<String, ?> body, String status) {
		Response r = who.post("/api/v1/opinions/" + ids.get(name) + "/" + step, body);
		assertThat(r.status()).as(step + " " + r).isEqualTo(200);
		assertThat(r.json().get("status").asText()).isEqualTo(status);
	}

	void rota(UUID at, LocalDate day, UUID who) {
		Response r = f.admin.post("/api/v1/stations/" + at + "/rota", Map.of("day", day.toString(), "deputyId", who));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
	}

	String session() {
		for (int attempt = 0; attempt < 20; attempt++) {
			Response r = f.admin.post("/api/v1/sessions", Map.of("level", "COUNTY", "regionCode", COUNTY, "term",
					ThreadLocalRandom.current().nextInt(1, 100), "number", ThreadLocalRandom.current().nextInt(1, 1000),
					"opensOn", "2026-01-10", "closesOn", "2026-01-13"));
			assertThat(r.status()).as(r.toString()).isIn(201, 409);
			if (r.status() == 201) {
				return r.json().get("id").asText();
			}
		}
		throw new AssertionError("no session");
	}

	String proposal(String session, String title) {
		return id(deputy.post("/api/v1/proposals", Map.of("sessionId", session, "title", unique(title), "content",
				"足别乡群众反映强烈，建议有关部门尽快研究解决，并安排专项资金。"))).toString();
	}

	void pstep(Api who, String id, String step, Map<String, ?> body) {
		Response r = who.post("/api/v1/proposals/" + id + "/" + step, body);
		assertThat(r.status()).as(step + " " + r).isEqualTo(200);
	}

	Api user(String role, String region, Map<String, String> links) {
		String name = unique("wb");
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "测试" + name, "password",
				"password-123", "roles", List.of(role), "regionCode", region));
		body.putAll(links);
		Response r = f.admin.post("/api/v1/users", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	String page(String name) {
		return "/opinions/" + ids.get(name);
	}

	static JsonNode panel(Api who, String role, String key) {
		Response r = who.get("/api/v1/workbench");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		for (JsonNode p : r.json().get("panels")) {
			if (p.get("role").asText().equals(role) && p.get("key").asText().equals(key)) {
				return p;
			}
		}
		throw new AssertionError("no panel " + role + " " + key + " in " + r.body());
	}

	static List<String> roles(Api who) {
		List<String> roles = new ArrayList<>();
		who.get("/api/v1/workbench").json().get("panels").forEach(p -> roles.add(p.get("role").asText()));
		return roles;
	}

	static List<String> links(JsonNode panel) {
		List<String> links = new ArrayList<>();
		panel.get("items").forEach(i -> links.add(i.get("href").asText()));
		return links;
	}

	static List<String> whens(JsonNode panel) {
		List<String> whens = new ArrayList<>();
		panel.get("items").forEach(i -> whens.add(i.get("when").asText()));
		return whens;
	}
}
