package org.lianluo.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@LianluoTest
class DutyApiTests {

	/** 天生桥镇, a township no other test uses: its figures are this class's alone. */
	static final String TOWN = "451031102";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DutyStatistics statistics;

	Api admin() {
		return Staff.admin(port);
	}

	UUID deputy(String region, List<String> levels, boolean committeeMember) {
		Map<String, Object> body = new HashMap<>(Map.of("name", unique("代表"), "gender", "MALE", "levels", levels, "regionCode", region));
		if (committeeMember) {
			body.put("committeeMember", true);
			body.put("committeePosition", "MEMBER");
		}
		return id(admin().post("/api/v1/deputies", body));
	}

	Api deputyUser(UUID deputy, String region) {
		String name = unique("d");
		Response r = admin().post("/api/v1/users", Map.of("username", name, "displayName", "代表", "password", "password-123",
				"roles", List.of("DEPUTY"), "regionCode", region, "deputyId", deputy.toString()));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	static Map<String, Object> activity(String type, String startAt, String region, List<UUID> deputies, Object... more) {
		Map<String, Object> body = new HashMap<>(Map.of("type", type, "title", "活动" + type, "startAt", startAt,
				"regionCode", region, "deputyIds", deputies));
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	@Test
	void anActivityTakesTheFieldsOfTheApiAndIsReadWithinTheScopeOnly() {
		UUID county = deputy("451022105", List.of("COUNTY"), false);
		UUID city = deputy("451022105", List.of("CITY"), false);
		UUID station = id(admin().post("/api/v1/stations", Map.of("name", unique("思林镇联络站"), "kind", "STANDARD",
				"regionCode", "451022105", "address", "思林镇政府", "deputyIds", List.of(county))));
		Api tiandong = Staff.user(port, "451022", "STATION_ADMIN");
		Response created = tiandong.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访脱贫户",
				"startAt", "2025-06-01T09:00:00+08:00", "endAt", "2025-06-01T11:30:00+08:00", "regionCode", "451022105",
				"stationId", station, "deputyIds", List.of(county, city), "votersReceived", 25, "theme", "助力乡村全面振兴",
				"outcome", "收集意见5条"));
		UUID id = id(created);
		JsonNode a = created.json();
		assertThat(a.get("type").asText()).isEqualTo("VISIT");
		assertThat(a.get("mixedLevel").asBoolean()).as("county and city deputies").isTrue();
		assertThat(a.get("votersReceived").asInt()).isEqualTo(25);
		assertThat(a.get("startAt").asText()).isEqualTo("2025-06-01T09:00:00+08:00");
		assertThat(a.get("stationName").asText()).startsWith("思林镇联络站");
		assertThat(a.get("deputies").valueStream().map(p -> p.get("attendance").asText())).containsOnly("SIGNED_IN");

		assertThat(tiandong.get("/api/v1/activities/" + id).json().get("theme").asText()).isEqualTo("助力乡村全面振兴");
		Api jingxi = Staff.user(port, "451081", "ASSESSOR");
		assertThat(jingxi.get("/api/v1/activities/" + id).status()).isEqualTo(404);
		assertThat(jingxi.get("/api/v1/activities?region=451022").json().get("total").asLong()).isZero();
		JsonNode list = tiandong.get("/api/v1/activities?region=451022105&type=VISIT&from=2025-06-01&to=2025-06-01&deputy=" + city).json();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(id.toString());
		assertThat(tiandong.get("/api/v1/activities?region=451022105&from=2025-06-02").json().get("items").valueStream()
			.map(i -> i.get("id").asText())).doesNotContain(id.toString());

		JsonNode flagged = tiandong.post("/api/v1/activities", Map.of("type", "BRIEFING", "title", "宣讲", "startAt",
				"2025-06-02T09:00:00+08:00", "regionCode", "451022105", "deputyIds", List.of(county), "mixedLevel", true,
				"outcome", "宣讲三场")).json();
		assertThat(flagged.get("mixedLevel").asBoolean()).as("flagged by hand though one level").isTrue();
		assertThat(flagged.get("outcome").asText()).isEqualTo("宣讲三场");
		assertThat(flagged.get("endAt").isNull()).isTrue();

		Response marked = tiandong.post("/api/v1/activities/" + id + "/attendance", Map.of("deputyId", city, "attendance", "EXCUSED"));
		assertThat(marked.json().get("deputies").valueStream().filter(p -> p.get("deputyId").asText().equals(city.toString()))
			.map(p -> p.get("attendance").asText())).containsExactly("EXCUSED");
	}

	@Test
	void badActivitiesAreRefusedInChineseAndNothingIsWritten() {
		Api assessor = Staff.user(port, "451022", "ASSESSOR");
		long before = jdbc.sql("select count(*) from duty_activity").query(Long.class).single();
		Response r = assessor.post("/api/v1/activities", Map.of("type", "PICNIC", "title", " ", "startAt", "2025-06-01T09:00:00+08:00",
				"endAt", "2025-06-01T08:00:00+08:00", "regionCode", "451081101", "stationId", UUID.randomUUID(),
				"deputyIds", List.of(UUID.randomUUID()), "votersReceived", -3));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asText()))
			.contains("type", "title", "endAt", "regionCode", "stationId", "deputyIds", "votersReceived");
		assertThat(r.body()).contains("请选择活动类型", "结束时间不能早于开始时间", "不在您的管辖范围内", "联络站不存在");
		assertThat(assessor.post("/api/v1/activities", Map.of("title", "无类型", "regionCode", "451022", "deputyIds", List.of()))
			.json().get("errors").valueStream().map(e -> e.get("field").asText())).contains("type", "startAt", "deputyIds");
		assertThat(assessor.post("/api/v1/activities", "{\"type\":\"VISIT\",\"startAt\":\"yesterday\"}").status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from duty_activity").query(Long.class).single()).isEqualTo(before);
		assertThat(Staff.user(port, "451022", "LEADER").post("/api/v1/activities",
				activity("VISIT", "2025-06-01T09:00:00+08:00", "451022", List.of(UUID.randomUUID()))).status()).isEqualTo(403);
	}

	@Test
	void aDeputyRegistersOnlyActivitiesTheyTakePartInAndSeesOnlyTheirs() {
		UUID me = deputy("451022101", List.of("COUNTY"), false);
		UUID other = deputy("451022101", List.of("COUNTY"), false);
		Api mine = deputyUser(me, "451022101");
		Response refused = mine.post("/api/v1/activities", activity("VISIT", "2025-03-01T09:00:00+08:00", "451022101", List.of(other)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("代表只能登记本人参加的活动");
		UUID visit = id(mine.post("/api/v1/activities", activity("VISIT", "2025-03-01T09:00:00+08:00", "451022101", List.of(me))));
		UUID othersVisit = id(Staff.user(port, "451022", "ASSESSOR").post("/api/v1/activities",
				activity("VISIT", "2025-03-02T09:00:00+08:00", "451022101", List.of(other))));
		assertThat(mine.get("/api/v1/activities/" + visit).status()).isEqualTo(200);
		assertThat(mine.get("/api/v1/activities/" + othersVisit).status()).isEqualTo(404);
		assertThat(mine.get("/api/v1/activities").json().get("items").valueStream().map(i -> i.get("id").asText()))
			.containsExactly(visit.toString());
	}

	@Test
	void contactsNeedACommitteeMemberAndCountTowardsThePlan() {
		UUID member = deputy("451022100", List.of("COUNTY"), true);
		UUID a = deputy("451022100", List.of("COUNTY"), false);
		UUID b = deputy("451022100", List.of("TOWNSHIP"), false);
		Api assessor = Staff.user(port, "451022100", "ASSESSOR");
		assertThat(assessor.post("/api/v1/contact-plans", Map.of("year", 2025, "committeeMemberId", member, "deputyIds", List.of(a, b),
				"target", 2)).status()).isEqualTo(201);
		Response notMember = assessor.post("/api/v1/contacts", Map.of("committeeMemberId", a, "deputyId", b,
				"at", "2025-04-01T10:00:00+08:00", "method", "PHONE"));
		assertThat(notMember.status()).isEqualTo(400);
		assertThat(notMember.body()).contains("联系人须为常委会组成人员");
		assertThat(assessor.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", a,
				"at", "2025-04-01T10:00:00+08:00", "method", "FAX")).body()).contains("请选择联系方式");
		for (String at : List.of("2025-04-01T10:00:00+08:00", "2025-09-01T10:00:00+08:00", "2025-10-01T10:00:00+08:00")) {
			Response c = assessor.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", a, "at", at,
					"method", "VISIT", "note", "反映道路维修问题"));
			assertThat(c.status()).as(c.toString()).isEqualTo(201);
			assertThat(c.json().get("id").asText()).isNotBlank();
		}
		id(deputyUser(member, "451022100").post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", b,
				"at", "2025-05-01T10:00:00+08:00", "method", "ONLINE")));

		JsonNode completion = assessor.get("/api/v1/contact-plans/completion?region=451022100&year=2025").json();
		assertThat(completion.get("pairs").asInt()).isEqualTo(2);
		assertThat(completion.get("target").asInt()).isEqualTo(4);
		assertThat(completion.get("done").asInt()).as("a's third contact goes beyond the target").isEqualTo(3);
		assertThat(completion.get("rate").asDouble()).isEqualTo(0.75);
		JsonNode byMember = completion.get("byMember").get(0);
		assertThat(byMember.get("memberId").asText()).isEqualTo(member.toString());
		assertThat(byMember.get("behind").asLong()).isEqualTo(1);
		assertThat(Staff.user(port, "451081", "ASSESSOR").get("/api/v1/contact-plans/completion?region=451022100&year=2025").status())
			.isEqualTo(404);
	}

	@Test
	void aYearOfRecordsGivesTheDutyRecordTheFiguresAndTheParticipationRateByHand() throws InterruptedException {
		UUID a = deputy(TOWN, List.of("TOWNSHIP"), false);
		UUID b = deputy(TOWN, List.of("COUNTY", "TOWNSHIP"), false);
		UUID c = deputy(TOWN, List.of("CITY"), false);
		UUID d = deputy(TOWN, List.of("TOWNSHIP"), false);
		UUID member = deputy(TOWN, List.of("CITY"), true);
		UUID station = id(admin().post("/api/v1/stations", Map.of("name", unique("天生桥镇联络站"), "kind", "STANDARD",
				"regionCode", TOWN, "address", "天生桥镇政府", "deputyIds", List.of(a, b, d))));
		Api staff = Staff.user(port, "451031", "ASSESSOR");
		List<Map<String, Object>> year = List.of(
				activity("RECEPTION", "2025-01-01T00:10:00+08:00", TOWN, List.of(a, b), "stationId", station, "votersReceived", 12,
						"attendance", Map.of(b.toString(), "EXCUSED")),
				activity("RECEPTION", "2025-03-05T09:00:00+08:00", TOWN, List.of(d), "stationId", station, "attendance",
						Map.of(d.toString(), "ABSENT")),
				activity("VISIT", "2025-04-01T09:00:00+08:00", TOWN, List.of(a, c), "theme", "助力乡村全面振兴", "votersReceived", 30),
				activity("INSPECTION", "2025-05-01T09:00:00+08:00", TOWN, List.of(c), "hazardsInspected", 4),
				activity("PUBLIC_MEETING", "2025-06-01T09:00:00+08:00", TOWN, List.of(a), "theme", "乡村振兴", "votersReceived", 50,
						"disputesResolved", 2),
				activity("COMMITTEE_ATTENDANCE", "2025-07-01T09:00:00+08:00", TOWN, List.of(a, c, d), "attendance",
						Map.of(d.toString(), "EXCUSED")),
				activity("JOINT_SUPERVISION", "2025-08-01T09:00:00+08:00", TOWN, List.of(b)),
				activity("RESEARCH", "2025-12-31T23:30:00+08:00", TOWN, List.of(c), "theme", "调研主题"),
				activity("RECEPTION", "2024-12-31T23:50:00+08:00", TOWN, List.of(b), "stationId", station, "votersReceived", 7),
				activity("VISIT", "2026-01-01T00:30:00+08:00", TOWN, List.of(a), "theme", "次年主题", "votersReceived", 9));
		year.forEach(body -> id(staff.post("/api/v1/activities", body)));
		for (String at : List.of("2025-02-01T10:00:00+08:00", "2025-11-01T10:00:00+08:00", "2026-01-01T01:00:00+08:00")) {
			id(staff.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", a, "at", at, "method", "PHONE")));
		}
		id(staff.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", d, "at", "2025-03-01T10:00:00+08:00",
				"method", "MEETING")));
		Response opinion = staff.post("/api/v1/opinions", Map.of("content", "接待日群众反映：天生桥镇村道需要硬化。", "stationId", station,
				"channel", "STATION_RECEPTION", "deputyIds", List.of(a), "receivedAt", "2025-01-01T00:20:00+08:00"));
		assertThat(opinion.status()).as(opinion.toString()).isEqualTo(201);

		// The member's contacts of 2025 (two with a, one with d; the third with a falls in 2026), as API.md's pages.
		JsonNode contactsFirst = staff.get("/api/v1/contacts?year=2025&member=" + member + "&size=2").json();
		assertThat(contactsFirst.get("total").asLong()).isEqualTo(3);
		assertThat(contactsFirst.get("items")).hasSize(2);
		assertThat(staff.get("/api/v1/contacts?year=2025&member=" + member + "&size=2&page=1").json().get("items")).hasSize(1);
		assertThat(staff.get("/api/v1/contacts?year=2025&size=201").status()).isEqualTo(400);

		JsonNode figures = staff.get("/api/v1/duty/statistics?region=" + TOWN + "&year=2025").json();
		assertThat(figures.get("activities").asLong()).isEqualTo(8);
		assertThat(figures.get("thematicActivities").asLong()).as("VISIT and PUBLIC_MEETING under a theme").isEqualTo(2);
		assertThat(figures.get("votersReceived").asLong()).isEqualTo(12 + 30 + 50);
		assertThat(figures.get("publicMeetings").asLong()).isEqualTo(1);
		assertThat(figures.get("committeeContacts").asLong()).isEqualTo(3);
		assertThat(figures.get("committeeAttendance").asLong()).as("a and c signed in, d excused").isEqualTo(2);
		assertThat(figures.get("stationParticipationRate").asDouble()).as("a of a, b, d").isEqualTo(1.0 / 3);
		assertThat(figures.get("jointSupervisions").asLong()).isEqualTo(1);
		assertThat(figures.get("hazardsInspected").asLong()).isEqualTo(4);
		assertThat(figures.get("disputesResolvedAtActivities").asLong()).isEqualTo(2);
		assertThat(figures.get("mixedLevelActivities").asLong()).as("with c (city) beside a, or with b (county and township)")
			.isEqualTo(4);
		assertThat(statistics.stationParticipationRate(TOWN, java.time.LocalDate.of(2024, 12, 1), java.time.LocalDate.of(2025, 1, 1)))
			.as("b received in the last days of 2024").isEqualTo(1.0 / 3);
		JsonNode perStation = staff.get("/api/v1/duty/participation?region=" + TOWN + "&year=2025").json().get("items");
		assertThat(perStation).hasSize(1);
		assertThat(perStation.get(0).get("stationId").asText()).isEqualTo(station.toString());
		assertThat(perStation.get(0).get("rostered").asInt()).isEqualTo(3);
		assertThat(perStation.get(0).get("received").asInt()).isEqualTo(1);
		assertThat(perStation.get(0).get("notYet").valueStream().map(JsonNode::asText)).containsExactly(b.toString(), d.toString());
		assertThat(Staff.user(port, "451081", "ASSESSOR").get("/api/v1/duty/statistics?region=" + TOWN + "&year=2025").status())
			.isEqualTo(404);

		JsonNode record = null;
		for (int i = 0; i < 50; i++) {
			record = staff.get("/api/v1/deputies/" + a + "/duty?year=2025").json();
			if (record.get("opinionsReceived").asLong() > 0) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(record.get("activitiesAttended").asLong()).as("reception, visit, public meeting, committee").isEqualTo(4);
		assertThat(record.get("receptionsHeld").asLong()).isEqualTo(1);
		assertThat(record.get("contacts").asLong()).isEqualTo(2);
		assertThat(record.get("opinionsReceived").asLong()).isEqualTo(1);
		assertThat(record.get("points").asLong()).as("3 + 5 (VISIT configured) + 2 + 3 + 2 contacts + 1 opinion").isEqualTo(16);
		assertThat(record.get("activities")).hasSize(4);
		JsonNode dRecord = staff.get("/api/v1/deputies/" + d + "/duty?year=2025").json();
		assertThat(dRecord.get("activitiesAttended").asLong()).isZero();
		assertThat(dRecord.get("activities")).as("absent and excused stay in the list").hasSize(2);
		assertThat(dRecord.get("points").asLong()).as("one contact").isEqualTo(1);
	}
}
