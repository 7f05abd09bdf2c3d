package org.lianluo.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

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
 * Issue 21, point 1 (API.md): a station's members who are not deputies, registered by the office, shown with their days
 * on the station's public list and page; and a station's upgrade (提档升级) with its checklist. 田林县定安镇 (451029102):
 * no other test uses it.
 */
@LianluoTest
class StationMembersApiTests {

	static final String TOWN = "451029102";

	@LocalServerPort
	int port;

	UUID station(Api office, String name) {
		return id(office.post("/api/v1/stations", Map.of("name", name, "kind", "STANDARD", "partners", List.of("LEGAL_SERVICE"),
				"regionCode", TOWN, "address", "定安镇政府一楼")));
	}

	@Test
	void theOfficeRegistersAJudgeAndAProsecutorAndCitizensSeeThemWithTheirDays() {
		Api office = Staff.user(port, "451029", "ASSESSOR");
		String name = unique("定安镇“联络站+法律诉讼服务”联络站");
		UUID station = station(office, name);
		String judge = unique("黄").substring(0, 6);
		Response added = office.post("/api/v1/stations/" + station + "/members", Map.of("name", judge, "kind", "JUDGE",
				"organisation", "田林县人民法院", "schedule", "每月第一个星期三"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().get("id").asText()).isNotBlank();
		assertThat(added.json().get("kind").asText()).isEqualTo("JUDGE");
		assertThat(office.post("/api/v1/stations/" + station + "/members", Map.of("name", "岑检察官", "kind", "检察官",
				"organisation", "田林县人民检察院")).status()).as("the kind by its Chinese name too").isEqualTo(201);

		JsonNode members = office.get("/api/v1/stations/" + station + "/members").json();
		assertThat(members.get("total").asLong()).isEqualTo(2);
		assertThat(members.get("items").get(0).get("name").asText()).isEqualTo(judge);
		assertThat(members.get("items").get(1).get("kind").asText()).isEqualTo("PROSECUTOR");
		assertThat(office.get("/api/v1/stations/" + station).json().get("members")).hasSize(2);

		JsonNode published = new Api(port).get("/api/v1/public/stations?region=" + TOWN + "&q=" + java.net.URLEncoder
			.encode(name, java.nio.charset.StandardCharsets.UTF_8)).json();
		assertThat(published.get("total").asLong()).isEqualTo(1);
		JsonNode publicJudge = published.get("items").get(0).get("members").get(0);
		assertThat(publicJudge.get("name").asText()).isEqualTo(judge);
		assertThat(publicJudge.get("kind").asText()).isEqualTo("JUDGE");
		assertThat(publicJudge.get("organisation").asText()).isEqualTo("田林县人民法院");
		assertThat(publicJudge.get("schedule").asText()).isEqualTo("每月第一个星期三");
		assertThat(publicJudge.has("id")).as("API.md: name, kind, organisation, schedule").isFalse();
		assertThat(published.get("items").get(0).get("members").get(1).get("schedule").isNull()).isTrue();

		String page = new Api(port).get("/public/stations/" + station).body();
		assertThat(page).contains("进站驻点人员", judge, "法官", "田林县人民法院", "驻点时间：每月第一个星期三", "检察官");
	}

	@Test
	void badMembersAreRefusedInChineseAndChangeNothing() {
		Api office = Staff.user(port, "451029", "ASSESSOR");
		UUID station = station(office, unique("定安镇联络站"));
		Response badKind = office.post("/api/v1/stations/" + station + "/members", Map.of("name", "韦律师", "kind", "COOK",
				"organisation", "某律师事务所"));
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.contentType()).contains("application/problem+json");
		assertThat(badKind.json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
		assertThat(badKind.json().get("errors").get(0).get("message").asText()).contains("法官", "调解员");
		Response blank = office.post("/api/v1/stations/" + station + "/members", Map.of("name", " ", "kind", "MEDIATOR",
				"organisation", "", "schedule", "x".repeat(201)));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").valueStream().map(e -> e.get("field").asText()))
			.containsExactlyInAnyOrder("name", "organisation", "schedule");
		assertThat(office.get("/api/v1/stations/" + station + "/members").json().get("total").asLong()).isZero();
	}

	@Test
	void onlyStaffOfTheStationsScopeRegisterSeeAndRemoveMembers() {
		Api office = Staff.user(port, "451029", "ASSESSOR");
		UUID station = station(office, unique("定安镇联络站"));
		UUID member = id(office.post("/api/v1/stations/" + station + "/members", Map.of("name", "陆调解员", "kind", "MEDIATOR",
				"organisation", "定安镇人民调解委员会", "schedule", "每周五")));
		Api otherCounty = Staff.user(port, "451030", "ASSESSOR");
		assertThat(otherCounty.post("/api/v1/stations/" + station + "/members", Map.of("name", "某", "kind", "LAWYER",
				"organisation", "某所")).status()).isEqualTo(404);
		assertThat(otherCounty.get("/api/v1/stations/" + station + "/members").status()).isEqualTo(404);
		assertThat(otherCounty.delete("/api/v1/stations/" + station + "/members/" + member).status()).isEqualTo(404);
		assertThat(Staff.user(port, "451029", "LEADER").post("/api/v1/stations/" + station + "/members",
				Map.of("name", "某", "kind", "LAWYER", "organisation", "某所")).status()).isEqualTo(403);
		assertThat(new Api(port).post("/api/v1/stations/" + station + "/members", Map.of("name", "某", "kind", "LAWYER",
				"organisation", "某所")).status()).isEqualTo(401);

		assertThat(office.delete("/api/v1/stations/" + station + "/members/" + member).status()).isEqualTo(204);
		assertThat(office.get("/api/v1/stations/" + station + "/members").json().get("total").asLong()).isZero();
		assertThat(office.delete("/api/v1/stations/" + station + "/members/" + member).status()).isEqualTo(404);
	}

	@Test
	void aStationKeepsTheDayOfItsUpgradeAndItsChecklist() {
		Api office = Staff.user(port, "451029", "ASSESSOR");
		Response created = office.post("/api/v1/stations", Map.of("name", unique("定安镇联络站"), "kind", "STANDARD",
				"regionCode", TOWN, "address", "定安镇政府", "upgradedOn", "2025-06-30", "checklist",
				List.of("标准化建设", "规范化运行", "信息化平台", "标准化建设")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("upgradedOn").asText()).isEqualTo("2025-06-30");
		assertThat(created.json().get("checklist").valueStream().map(JsonNode::asText))
			.as("each item once, in order").containsExactly("标准化建设", "规范化运行", "信息化平台");
		UUID id = id(created);
		Response bad = office.put("/api/v1/stations/" + id, Map.of("name", "定安镇联络站", "kind", "STANDARD",
				"regionCode", TOWN, "address", "定安镇政府", "upgradedOn", "2025-13-01"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("upgradedOn");
		assertThat(bad.json().get("errors").get(0).get("message").asText()).contains("提档升级日期");
		assertThat(office.get("/api/v1/stations/" + id).json().get("upgradedOn").asText()).as("unchanged")
			.isEqualTo("2025-06-30");
	}
}
