package org.lianluo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The maps' county outlines (issue 22): 百色's ship with Lianluo; a city administrator replaces them with a GeoJSON
 * that holds every county of the city once, nothing else, in longitude and latitude; a broken file changes nothing.
 */
@LianluoTest
class CountyOutlineTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheShippedOutlines() {
		jdbc.sql("delete from report_county_outline").update();
	}

	private Api admin() {
		return new Api(port).as("admin", "admin-test-password");
	}

	private ObjectNode shipped() {
		return (ObjectNode) admin().get("/api/v1/maps/451000").json();
	}

	private static ArrayNode features(ObjectNode map) {
		return (ArrayNode) map.get("features");
	}

	@Test
	void baiseShipsWithTheRealOutlinesOfItsTwelveCounties() {
		Api.Response r = admin().get("/api/v1/maps/451000");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.contentType()).startsWith("application/geo+json");
		JsonNode map = r.json();
		assertThat(map.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(map.get("features")).hasSize(12);
		assertThat(map.get("features").valueStream().map(f -> f.get("properties").get("code").asString()))
			.contains("451002", "451022", "451030");
		assertThat(new Api(port).get("/api/v1/maps/451000").status()).as("no one unsigned").isEqualTo(401);
		assertThat(admin().get("/api/v1/maps/450100").status()).as("a city with no outlines").isEqualTo(404);
	}

	@Test
	void aCityAdministratorReplacesTheOutlinesAndTheUploadIsAudited() {
		ObjectNode map = shipped();
		String marker = UUID.randomUUID().toString();
		((ObjectNode) features(map).get(0).get("properties")).put("source", marker);

		Api.Response r = admin().post("/api/v1/maps/451000", JSON.writeValueAsString(map));

		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat(r.json().get("uploaded").asBoolean()).isTrue();
		assertThat(r.json().get("counties").asInt()).isEqualTo(12);
		assertThat(admin().get("/api/v1/maps/451000").body()).contains(marker);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'MAP_UPLOADED' and target = 'map:451000'")
			.query(Integer.class).single()).isPositive();
	}

	@Test
	void aBrokenFileIsRefusedByItsFirstBrokenRuleAndChangesNothing() {
		ObjectNode missing = shipped();
		String xilin = features(missing).valueStream()
			.filter(f -> f.get("properties").get("code").asString().equals("451030")).findFirst().orElseThrow()
			.get("properties").get("name").asString();
		ArrayNode kept = JSON.createArrayNode();
		features(missing).valueStream().filter(f -> !f.get("properties").get("code").asString().equals("451030"))
			.forEach(kept::add);
		missing.set("features", kept);
		assertRefused(JSON.writeValueAsString(missing), "缺少这些县（市、区）的轮廓：" + xilin);

		ObjectNode foreign = shipped();
		((ObjectNode) features(foreign).get(3).get("properties")).put("code", "450102");
		assertRefused(JSON.writeValueAsString(foreign), "第 4 个要素的代码“450102”不是百色市的县（市、区）。");

		ObjectNode twice = shipped();
		features(twice).add(features(twice).get(0).deepCopy());
		assertRefused(JSON.writeValueAsString(twice), "第 13 个要素的代码“451002”重复出现。");

		ObjectNode projected = shipped();
		((ObjectNode) features(projected).get(1).get("geometry")).set("coordinates",
				JSON.readTree("[[[11870000.5, 2740000.2], [11871000.5, 2740000.2], [11870000.5, 2741000.2]]]"));
		assertRefused(JSON.writeValueAsString(projected), "第 2 个要素");

		assertRefused("{\"type\": \"FeatureCollection\", \"features\": [", "文件不是有效的 JSON。");
		assertRefused("{\"type\": \"Feature\"}", "FeatureCollection");

		assertThat(jdbc.sql("select count(*) from report_county_outline").query(Integer.class).single()).isZero();
	}

	private void assertRefused(String body, String message) {
		Api.Response r = admin().post("/api/v1/maps/451000", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(400);
		assertThat(r.body()).contains(message);
	}

	@Test
	void onlyTheCitysAdministratorsReplaceIt() {
		Api county = new Api(port).as("admin", "admin-test-password");
		String name = "tdadmin" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(county.post("/api/v1/users", java.util.Map.of("username", name, "displayName", "田东县管理员",
				"password", "password-123", "roles", java.util.List.of("ADMIN"), "regionCode", "451022")).status())
			.isEqualTo(201);
		Api.Response r = new Api(port).as(name, "password-123").post("/api/v1/maps/451000",
				JSON.writeValueAsString(shipped()));
		assertThat(r.status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from report_county_outline").query(Integer.class).single()).isZero();
	}
}
