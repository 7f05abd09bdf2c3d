package org.lianluo.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@LianluoTest
class DeputyApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Deputies deputies;

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6);
	}

	Api admin() {
		return new Api(port).as("admin", "admin-test-password");
	}

	/** A new user with the given role and region, signed in. */
	Api user(String region, String role) {
		String name = unique("u");
		Response r = admin().post("/api/v1/users", Map.of("username", name, "displayName", "测试", "password",
				"password-123", "roles", List.of(role), "regionCode", region));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	@Test
	void createsADeputyWithSeatsAndAnswersWithAMaskedPhone() {
		String name = unique("韦");
		Response created = admin().post("/api/v1/deputies", Map.of("name", name, "gender", "FEMALE", "ethnicity", "壮族",
				"levels", List.of("CITY", "COUNTY"), "regionCode", "451022100", "phone", "13877001234",
				"committeeMember", true, "delegation", "田东代表团"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode d = created.json();
		assertThat(d.get("id").asText()).isNotBlank();
		assertThat(d.get("phone").asText()).isEqualTo("138****1234");
		assertThat(d.get("ethnicity").asText()).isEqualTo("ZHUANG");
		assertThat(d.get("committeeMember").asBoolean()).isTrue();
		assertThat(d.get("committeePosition").asText()).isEqualTo("MEMBER");
		assertThat(d.get("delegation").asText()).isEqualTo("田东代表团");
		assertThat(d.get("levels").toString()).contains("CITY", "COUNTY");
		assertThat(d.get("seats")).hasSize(2);
		assertThat(d.get("seats").toString()).contains("451000", "451022").doesNotContain("13877001234");

		UUID id = UUID.fromString(d.get("id").asText());
		String stored = jdbc.sql("select phone_cipher || ' ' || phone_hash from deputy where id = ?").param(id)
			.query(String.class).single();
		assertThat(stored).doesNotContain("13877001234").doesNotContain("1234");
		assertThat(jdbc.sql("select count(*) from deputy where cast(deputy.* as text) like '%13877001234%'")
			.query(Long.class).single()).isZero();

		assertThat(deputies.find(id)).hasValueSatisfying(s -> {
			assertThat(s.name()).isEqualTo(name);
			assertThat(s.levels()).containsExactlyInAnyOrder(Level.CITY, Level.COUNTY);
			assertThat(s.regionCode()).isEqualTo("451022100");
		});
		assertThat(deputies.findAll(List.of(id, UUID.randomUUID()))).extracting(DeputySummary::id).containsExactly(id);

		Response byPhone = admin().get("/api/v1/deputies?q=13877001234");
		assertThat(byPhone.json().get("items").toString()).contains(id.toString());
		assertThat(byPhone.body()).doesNotContain("13877001234");
	}

	@Test
	void refusesBadInputInChineseFieldByField() {
		Response r = admin().post("/api/v1/deputies", Map.of("name", "", "gender", "X", "ethnicity", "火星族",
				"levels", List.of("TOWNSHIP"), "regionCode", "451022", "phone", "12345"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		String errors = r.json().get("errors").toString();
		assertThat(errors).contains("\"name\"", "\"gender\"", "\"ethnicity\"", "\"levels\"", "\"phone\"")
			.contains("民族须为 56 个民族之一");
		assertThat(admin().post("/api/v1/deputies", "{not json").status()).isEqualTo(400);
	}

	@Test
	void aCountyUserSeesOnlyTheirCountyTheCitySeesAll() {
		String tiandong = unique("田");
		String jingxi = unique("靖");
		UUID inTiandong = id(admin().post("/api/v1/deputies", Map.of("name", tiandong, "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", "451022")));
		UUID inJingxi = id(admin().post("/api/v1/deputies", Map.of("name", jingxi, "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", "451081")));

		Api county = user("451022", "ASSESSOR");
		assertThat(county.get("/api/v1/deputies/" + inTiandong).status()).isEqualTo(200);
		assertThat(county.get("/api/v1/deputies/" + inJingxi).status()).isEqualTo(404);
		assertThat(county.get("/api/v1/deputies?q=" + jingxi).json().get("total").asLong()).isZero();
		assertThat(county.get("/api/v1/deputies?region=451081&q=" + jingxi).json().get("total").asLong()).isZero();
		assertThat(county.get("/api/v1/deputies?q=" + tiandong).json().get("total").asLong()).isEqualTo(1);
		assertThat(county.put("/api/v1/deputies/" + inJingxi, Map.of("name", jingxi, "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", "451081")).status()).isEqualTo(404);
		assertThat(county.post("/api/v1/deputies/" + inJingxi + "/phone", Map.of()).status()).isEqualTo(404);
		Response outside = county.post("/api/v1/deputies", Map.of("name", unique("外"), "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", "451081"));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.json().get("errors").toString()).contains("只能在您的管辖范围内登记代表");

		Api city = user("451000", "ASSESSOR");
		assertThat(city.get("/api/v1/deputies/" + inJingxi).status()).isEqualTo(200);
		assertThat(city.get("/api/v1/deputies/" + inTiandong).status()).isEqualTo(200);
	}

	@Test
	void updatesKeepTheStoredPhoneWhenTheMaskComesBackAndEndSeats() {
		String name = unique("黄");
		JsonNode created = admin().post("/api/v1/deputies", Map.of("name", name, "gender", "MALE", "levels",
				List.of("CITY"), "regionCode", "451022", "phone", "13900005678")).json();
		UUID id = UUID.fromString(created.get("id").asText());
		Map<String, Object> edit = Map.of("name", name, "gender", "MALE", "ethnicity", "YAO", "birthYear", 1975,
				"levels", List.of("CITY", "COUNTY"), "regionCode", "451022", "phone", created.get("phone").asText(),
				"occupation", "农民", "politicalAffiliation", "CPC");
		Response updated = admin().put("/api/v1/deputies/" + id, edit);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().get("ethnicity").asText()).isEqualTo("YAO");
		assertThat(updated.json().get("occupation").asText()).isEqualTo("FARMER");
		assertThat(updated.json().get("levels")).hasSize(2);

		Response revealed = admin().post("/api/v1/deputies/" + id + "/phone", Map.of());
		assertThat(revealed.json().get("phone").asText()).isEqualTo("13900005678");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'PERSONAL_DATA_REVEALED' and target = ?")
			.param("deputy:" + id).query(Long.class).single()).isEqualTo(1);

		String seat = updated.json().get("seats").get(0).get("id").asText();
		Response ended = admin().post("/api/v1/deputies/" + id + "/seats/" + seat + "/end",
				Map.of("status", "RESIGNED", "on", "2026-03-01"));
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.json().get("levels")).hasSize(1);
		assertThat(admin().post("/api/v1/deputies/" + id + "/seats/" + seat + "/end", Map.of("status", "RESIGNED"))
			.status()).isEqualTo(409);
		assertThat(admin().get("/api/v1/deputies?status=RESIGNED&q=" + name).json().get("total").asLong()).isEqualTo(1);

		assertThat(admin().put("/api/v1/deputies/" + id, Map.of("name", name, "gender", "MALE", "ethnicity", "YAO", "birthYear",
				1975, "levels", List.of("COUNTY"), "regionCode", "451022", "phone", "13700002222", "occupation", "FARMER",
				"politicalAffiliation", "CPC")).status()).isEqualTo(200);
		Response history = admin().get("/api/v1/deputies/" + id + "/history");
		assertThat(history.status()).isEqualTo(200);
		List<String> actions = history.json().findValuesAsString("action");
		assertThat(actions).containsExactly("UPDATED", "SEAT_ENDED", "UPDATED", "CREATED");
		assertThat(history.json().get(0).get("changes").toString()).contains("手机号：已更改");
		assertThat(history.json().get(1).get("changes").toString()).contains("市人大：辞职");
		assertThat(history.json().get(2).get("changes").toString()).contains("民族：（空） → 瑶族", "职业类别：（空） → 农民",
				"代表层级：市人大 → 市人大、县级人大").doesNotContain("手机号");
		assertThat(history.body()).doesNotContain("13700002222", "13900005678");
		assertThat(history.json().get(0).get("actor").asText()).isEqualTo("admin");
	}

	@Test
	void filtersByLevelEthnicityDelegationAndCommitteeMembership() {
		String name = unique("瑶");
		admin().post("/api/v1/deputies", Map.of("name", name, "gender", "FEMALE", "ethnicity", "瑶族", "levels",
				List.of("TOWNSHIP"), "regionCode", "451022105", "delegation", name + "团", "committeeMember", false));
		assertThat(total("/api/v1/deputies?region=451022&ethnicity=YAO&q=" + name)).isEqualTo(1);
		assertThat(total("/api/v1/deputies?region=451022&ethnicity=ZHUANG&q=" + name)).isZero();
		assertThat(total("/api/v1/deputies?level=TOWNSHIP&delegation=" + name + "团")).isEqualTo(1);
		assertThat(total("/api/v1/deputies?level=CITY&delegation=" + name + "团")).isZero();
		assertThat(total("/api/v1/deputies?committeeMember=true&q=" + name)).isZero();
		assertThat(total("/api/v1/deputies?committeeMember=false&q=" + name)).isEqualTo(1);
		assertThat(admin().get("/api/v1/deputies?level=MAYOR").status()).isEqualTo(400);
		assertThat(admin().get("/api/v1/deputies?size=500").status()).isEqualTo(400);
	}

	/** In 凌云县 (451028), where no other test opens a county session: its latest term is this test's own. */
	@Test
	void creatingASessionCreatesItsCongressAndTerm() {
		Response r = admin().post("/api/v1/sessions", Map.of("level", "COUNTY", "regionCode", "451028", "term", 17,
				"number", 3, "opensOn", "2026-01-10", "closesOn", "2026-01-12"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		assertThat(r.json().get("id").asText()).isNotBlank();
		assertThat(r.json().get("term").asInt()).isEqualTo(17);
		assertThat(r.json().get("kind").asText()).isEqualTo("PLENARY");
		assertThat(admin().post("/api/v1/sessions", Map.of("level", "COUNTY", "regionCode", "451028", "term", 17,
				"number", 3, "opensOn", "2026-01-10")).status()).isEqualTo(409);
		Response bad = admin().post("/api/v1/sessions", Map.of("level", "COUNTY", "regionCode", "451028", "term", 0,
				"number", 4, "opensOn", "2026-02-10", "closesOn", "2026-02-01"));
		assertThat(bad.json().get("errors").toString()).contains("\"term\"", "\"closesOn\"");

		String name = unique("岑");
		JsonNode d = admin().post("/api/v1/deputies", Map.of("name", name, "gender", "MALE", "levels", List.of("COUNTY"),
				"regionCode", "451028")).json();
		assertThat(d.get("seats").get(0).get("term").asInt()).isEqualTo(17);
	}

	private long total(String path) {
		return admin().get(path).json().get("total").asLong();
	}

	private static UUID id(Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return UUID.fromString(r.json().get("id").asText());
	}
}
