package org.lianluo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.ScreenSession;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18, point 2 (the links of users): a DEPUTY account needs its deputy, a UNIT_HANDLER its unit, and the linked
 * record must exist inside the administrator's scope and the user's region; at run time a narrowed user without
 * its link sees nothing, and a CITIZEN account reads nothing of the staff's.
 */
@LianluoTest
class UserLinkTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final String u = UUID.randomUUID().toString().substring(0, 6);

	Api city() {
		return Staff.admin(port);
	}

	String unit(String name, String region) {
		return Staff.id(city().post("/api/v1/units", Map.of("name", name + u, "regionCode", region))).toString();
	}

	String deputy(String name, String region) {
		return Staff.id(city().post("/api/v1/deputies", Map.of("name", name + u.substring(0, 2), "gender", "FEMALE", "levels",
				List.of("COUNTY"), "regionCode", region))).toString();
	}

	Response create(Api admin, String username, String region, String role, String unitId, String deputyId) {
		Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", "测试用户", "password",
				"password-123", "roles", List.of(role), "regionCode", region));
		if (unitId != null) {
			body.put("unitId", unitId);
		}
		if (deputyId != null) {
			body.put("deputyId", deputyId);
		}
		return admin.post("/api/v1/users", body);
	}

	static String messageOf(Response r, String field) {
		assertThat(r.status()).as(r.toString()).isEqualTo(400);
		return r.json().get("errors").valueStream().filter(e -> e.get("field").asText().equals(field)).findFirst()
			.orElseThrow(() -> new AssertionError("no error on " + field + ": " + r)).get("message").asText();
	}

	long users(String username) {
		return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single();
	}

	@Test
	void aCountyAdministratorLinksUsersOnlyToUnitsAndDeputiesOfTheirCountyAndTheUsersRegion() {
		String tiandongUnit = unit("田东县住建局", "451022");
		String jingxiUnit = unit("靖西市住建局", "451081");
		String tiandongDeputy = deputy("黄", "451022100");
		String jingxiDeputy = deputy("农", "451081101");
		assertThat(create(city(), "tdadmin" + u, "451022", "ADMIN", null, null).status()).isEqualTo(201);
		Api tiandong = new Api(port).as("tdadmin" + u, "password-123");

		// another county's unit or deputy, one that does not exist, none at all: 400 on that field, in Chinese, nothing written
		assertThat(messageOf(create(tiandong, "h1" + u, "451022", "UNIT_HANDLER", jingxiUnit, null), "unitId"))
			.isEqualTo("所填承办单位不存在，或不在您的管辖范围和该用户的管辖区域内。");
		assertThat(messageOf(create(tiandong, "h2" + u, "451022", "UNIT_HANDLER", UUID.randomUUID().toString(), null), "unitId"))
			.isEqualTo("所填承办单位不存在，或不在您的管辖范围和该用户的管辖区域内。");
		assertThat(messageOf(create(tiandong, "h3" + u, "451022", "UNIT_HANDLER", null, null), "unitId"))
			.isEqualTo("承办单位经办人须指定所属单位。");
		assertThat(messageOf(create(tiandong, "d1" + u, "451022", "DEPUTY", null, jingxiDeputy), "deputyId"))
			.isEqualTo("所填代表不存在，或不在您的管辖范围和该用户的管辖区域内。");
		assertThat(messageOf(create(tiandong, "d2" + u, "451022", "DEPUTY", null, null), "deputyId"))
			.isEqualTo("人大代表账户须指定所联系的代表。");
		// inside the admin's county, but not inside the new user's township: the county's unit is not the township's
		assertThat(messageOf(create(tiandong, "h4" + u, "451022108", "UNIT_HANDLER", tiandongUnit, null), "unitId"))
			.isEqualTo("所填承办单位不存在，或不在您的管辖范围和该用户的管辖区域内。");
		// the city administrator cannot cross the user's region either
		assertThat(messageOf(create(city(), "h5" + u, "451022", "UNIT_HANDLER", jingxiUnit, null), "unitId")).isNotBlank();
		for (String name : List.of("h1", "h2", "h3", "d1", "d2", "h4", "h5")) {
			assertThat(users(name + u)).as(name).isZero();
		}

		Response handler = create(tiandong, "h6" + u, "451022", "UNIT_HANDLER", tiandongUnit, null);
		assertThat(handler.status()).as(handler.toString()).isEqualTo(201);
		assertThat(create(tiandong, "d3" + u, "451022", "DEPUTY", null, tiandongDeputy).status()).isEqualTo(201);

		// changing the link to another county's unit is refused the same way, and changes nothing
		String id = handler.json().get("id").asText();
		Response moved = tiandong.put("/api/v1/users/" + id, Map.of("displayName", "测试用户", "roles", List.of("UNIT_HANDLER"),
				"regionCode", "451022", "unitId", jingxiUnit, "enabled", true));
		assertThat(messageOf(moved, "unitId")).isNotBlank();
		assertThat(jdbc.sql("select unit_id::text from app_user where id = ?").param(UUID.fromString(id)).query(String.class).single())
			.isEqualTo(tiandongUnit);
	}

	@Test
	void aDeputyOrHandlerWithoutItsLinkSeesNothingRatherThanTheCounty() {
		String opinion = new Api(port).post("/api/v1/public/opinions", Map.of("content", "田东县平马镇路灯坏了很久，夜里出行不便。",
				"regionCode", "451022108")).json().get("trackingCode").asText();
		Api assessor = Staff.user(port, "451022", "ASSESSOR");
		assertThat(assessor.get("/api/v1/opinions?q=" + opinion).json().get("total").asLong()).isOne();

		String deputyId = deputy("韦", "451022100");
		String unitId = unit("田东县水利局", "451022");
		assertThat(create(city(), "dl" + u, "451022", "DEPUTY", null, deputyId).status()).isEqualTo(201);
		assertThat(create(city(), "hl" + u, "451022", "UNIT_HANDLER", unitId, null).status()).isEqualTo(201);
		// accounts made before links were required, or whose record was unlinked since
		jdbc.sql("update app_user set deputy_id = null, unit_id = null where username in (?, ?)").params("dl" + u, "hl" + u).update();

		for (String name : List.of("dl" + u, "hl" + u)) {
			Api narrowed = new Api(port).as(name, "password-123");
			for (String list : List.of("/api/v1/opinions", "/api/v1/opinions?q=" + opinion, "/api/v1/proposals")) {
				Response r = narrowed.get(list);
				if (r.status() == 200) {
					assertThat(r.json().get("items").size()).as(name + " " + list).isZero();
				}
				else {
					assertThat(r.status()).as(name + " " + list).isEqualTo(403);
				}
			}
		}
	}

	@Test
	void aCitizenAccountReadsNothingOfTheStaffs() {
		assertThat(create(city(), "cz" + u, "451022", "CITIZEN", null, null).status()).isEqualTo(201);
		Api citizen = new Api(port).as("cz" + u, "password-123");
		for (String path : List.of("/api/v1/opinions", "/api/v1/proposals", "/api/v1/units", "/api/v1/deputies",
				"/api/v1/stations", "/api/v1/activities", "/api/v1/consultations", "/api/v1/inbox", "/api/v1/sessions",
				"/api/v1/reports/annual?region=451022&year=2026", "/api/v1/search?q=路灯")) {
			Response r = citizen.get(path);
			assertThat(r.status()).as(path + ": " + r).isEqualTo(403);
			assertThat(r.json().get("detail").asText()).isEqualTo("您的角色或管辖范围不允许此操作。");
		}
		ScreenSession screens = new ScreenSession(port);
		screens.signIn("cz" + u, "password-123");
		for (String path : List.of("/dashboard", "/opinions", "/proposals", "/deputies")) {
			assertThat(screens.get(path).statusCode()).as(path).isEqualTo(403);
		}
		// the public side stays open to them
		assertThat(citizen.get("/api/v1/public/regions").status()).isEqualTo(200);
	}
}
