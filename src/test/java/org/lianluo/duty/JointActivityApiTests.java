package org.lianluo.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 21, points 1 and 2 (API.md): an activity over several stations ({@code stationIds}) with station members
 * beside the deputies ({@code memberIds}), counted once in every figure and listed at each of its stations. 田林县六隆镇
 * (451029103) holds the activities: no other test uses it.
 */
@LianluoTest
class JointActivityApiTests {

	static final String TOWN = "451029103";

	static final int Y = Year.now(DutyStatistics.ZONE).getValue();

	@LocalServerPort
	int port;

	record World(Api office, UUID first, UUID second, UUID judge, UUID a, UUID b) {
	}

	World world() {
		Api office = Staff.user(port, "451029", "ASSESSOR");
		UUID first = id(office.post("/api/v1/stations", Map.of("name", unique("六隆镇“联络站+法律诉讼服务”联络站"), "kind",
				"STANDARD", "partners", List.of("LEGAL_SERVICE"), "regionCode", TOWN, "address", "六隆镇政府")));
		UUID second = id(office.post("/api/v1/stations", Map.of("name", unique("浪平镇联络站"), "kind", "STANDARD",
				"regionCode", "451029104", "address", "浪平镇政府")));
		UUID judge = id(office.post("/api/v1/stations/" + first + "/members", Map.of("name", unique("罗法官"), "kind", "JUDGE",
				"organisation", "田林县人民法院", "schedule", "每月10日")));
		UUID a = id(admin(port).post("/api/v1/deputies", Map.of("name", unique("黄"), "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", TOWN)));
		UUID b = id(admin(port).post("/api/v1/deputies", Map.of("name", unique("韦"), "gender", "FEMALE", "levels",
				List.of("CITY"), "regionCode", TOWN)));
		return new World(office, first, second, judge, a, b);
	}

	@Test
	void aJointSupervisionOverTwoStationsWithAJudgeCountsOnceAndIsListedAtBothStations() {
		World w = world();
		JsonNode before = report(w.office());
		long attendedBefore = w.office().get("/api/v1/deputies/" + w.a() + "/duty?year=" + Y).json().get("activitiesAttended").asLong();
		String title = unique("六隆镇、浪平镇联合监督");
		Response created = w.office().post("/api/v1/activities", Map.of("type", "JOINT_SUPERVISION", "title", title,
				"startAt", begun(0), "regionCode", TOWN, "stationIds",
				List.of(w.first(), w.second()), "deputyIds", List.of(w.a(), w.b()), "memberIds", List.of(w.judge()),
				"disputesResolved", 3, "theme", "农村土地承包纠纷化解"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode activity = created.json();
		assertThat(activity.get("stationId").asText()).as("the first station").isEqualTo(w.first().toString());
		assertThat(activity.get("stationIds").valueStream().map(JsonNode::asText))
			.containsExactly(w.first().toString(), w.second().toString());
		assertThat(activity.get("stations")).hasSize(2);
		assertThat(activity.get("members")).hasSize(1);
		assertThat(activity.get("members").get(0).get("kind").asText()).isEqualTo("JUDGE");
		assertThat(activity.get("members").get(0).get("organisation").asText()).isEqualTo("田林县人民法院");
		UUID id = id(created);

		for (UUID station : List.of(w.first(), w.second())) {
			JsonNode listed = w.office().get("/api/v1/activities?station=" + station).json();
			assertThat(listed.get("total").asLong()).as("listed at " + station).isEqualTo(1);
			assertThat(listed.get("items").get(0).get("id").asText()).isEqualTo(id.toString());
			assertThat(new Api(port).get("/public/stations/" + station).body()).as("its public page")
				.contains(title, "2 个联络站联合开展", "1 名进站人员参与");
		}

		JsonNode after = report(w.office());
		assertThat(after.get("activities").asLong() - before.get("activities").asLong()).as("counted once").isEqualTo(1);
		assertThat(after.get("jointSupervisions").asLong() - before.get("jointSupervisions").asLong()).isEqualTo(1);
		assertThat(after.get("disputesResolvedAtActivities").asLong() - before.get("disputesResolvedAtActivities").asLong())
			.isEqualTo(3);
		assertThat(after.get("disputesResolved").asLong() - before.get("disputesResolved").asLong()).isEqualTo(3);
		long parts = 0;
		for (JsonNode part : after.get("byRegion")) {
			parts += part.get("figures").get("jointSupervisions").asLong();
		}
		assertThat(parts).as("once in the breakdown by region too").isEqualTo(after.get("jointSupervisions").asLong());
		assertThat(w.office().get("/api/v1/deputies/" + w.a() + "/duty?year=" + Y).json().get("activitiesAttended").asLong())
			.as("once in the deputy's record").isEqualTo(attendedBefore + 1);
	}

	@Test
	void aSingleStationIdStillWorksAndComesFirstBesideStationIds() {
		World w = world();
		Response created = w.office().post("/api/v1/activities", Map.of("type", "VISIT", "title", unique("走访"), "startAt",
				begun(1), "regionCode", TOWN, "stationId", w.second(),
				"stationIds", List.of(w.first(), w.second()), "deputyIds", List.of(w.a())));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("stationId").asText()).isEqualTo(w.second().toString());
		assertThat(created.json().get("stationIds").valueStream().map(JsonNode::asText))
			.containsExactly(w.second().toString(), w.first().toString());
		Response single = w.office().post("/api/v1/activities", Map.of("type", "RECEPTION", "title", unique("接待"),
				"startAt", begun(2), "regionCode", TOWN, "stationId", w.first(),
				"deputyIds", List.of(w.a())));
		assertThat(single.json().get("stationIds").valueStream().map(JsonNode::asText)).containsExactly(w.first().toString());
		assertThat(single.json().get("members")).isEmpty();
	}

	@Test
	void unknownStationsAndMembersAreRefusedInChineseAndNothingIsWritten() {
		World w = world();
		long total = w.office().get("/api/v1/activities?region=" + TOWN).json().get("total").asLong();
		Map<String, Object> body = new HashMap<>(Map.of("type", "JOINT_SUPERVISION", "title", "联合监督", "startAt",
				begun(0), "regionCode", TOWN, "deputyIds", List.of(w.a()),
				"stationIds", List.of(w.first(), UUID.randomUUID())));
		Response badStation = w.office().post("/api/v1/activities", body);
		assertThat(badStation.status()).isEqualTo(400);
		assertThat(badStation.json().get("errors").get(0).get("field").asText()).isEqualTo("stationIds");
		body.put("stationIds", List.of(w.first()));
		body.put("memberIds", List.of(w.judge(), UUID.randomUUID()));
		Response badMember = w.office().post("/api/v1/activities", body);
		assertThat(badMember.status()).isEqualTo(400);
		assertThat(badMember.json().get("errors").get(0).get("field").asText()).isEqualTo("memberIds");
		assertThat(badMember.json().get("errors").get(0).get("message").asText()).contains("进站人员");
		assertThat(w.office().get("/api/v1/activities?region=" + TOWN).json().get("total").asLong()).isEqualTo(total);
	}

	/**
	 * A few minutes ago, in this year: the public pages show only activities that have begun (at the year's first
	 * minutes, the year's first minute).
	 */
	static String begun(int minutesMore) {
		OffsetDateTime now = OffsetDateTime.now(DutyStatistics.ZONE).truncatedTo(ChronoUnit.MINUTES);
		OffsetDateTime start = now.minusMinutes(10 + minutesMore);
		return (start.getYear() < now.getYear() ? now.withDayOfYear(1).withHour(0).withMinute(0) : start).toString();
	}

	JsonNode report(Api office) {
		Response r = Staff.user(port, "451029", "LEADER").get("/api/v1/reports/annual?region=" + TOWN + "&year=" + Y);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}
}
