package org.lianluo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
 * Issue 18, point 5: what binds the whole city (message templates, the report template, the working calendar, the
 * search index) is for the administrators whose scope is the city (451000, the root region); a county's administrator
 * gets 403 on the API and the screens, and reads only their county's rows of the security audit.
 */
@LianluoTest
class CityWideSettingsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final String u = UUID.randomUUID().toString().substring(0, 6);

	Api admin(String name, String region) {
		Response r = Staff.admin(port).post("/api/v1/users", Map.of("username", name, "displayName", "管理员", "password",
				"password-123", "roles", List.of("ADMIN"), "regionCode", region));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	long calendarRows(String day) {
		return jdbc.sql("select count(*) from calendar_day where day = cast(? as date)").param(day).query(Long.class).single();
	}

	@Test
	void aCountyAdministratorGets403OnEveryCityWideSettingAndChangesNothing() {
		Api county = admin("tdcfg" + u, "451022");
		String sms = "【田东】您的意见 {code} 已受理" + u;
		String template = jdbc.sql("select coalesce(max(body), '') from report_template").query(String.class).single();
		List<Response> refused = List.of(
				county.get("/api/v1/admin/notification-templates"),
				county.put("/api/v1/admin/notification-templates", Map.of("template", "citizen-received", "channel", "SMS", "body", sms)),
				county.post("/api/v1/admin/notification-templates/reset", Map.of("template", "citizen-received", "channel", "SMS")),
				county.put("/api/v1/reports/template", Map.of("body", "{region}{year}年度代表工作综述" + u)),
				county.delete("/api/v1/reports/template"),
				county.put("/api/v1/calendar/days/2031-01-06", Map.of("kind", "HOLIDAY", "name", "县里放假")),
				county.delete("/api/v1/calendar/days/2031-01-01"),
				county.post("/api/v1/admin/search/rebuild", Map.of()));
		for (Response r : refused) {
			assertThat(r.status()).as(r.toString()).isEqualTo(403);
			assertThat(r.json().get("detail").asText()).isEqualTo("您的角色或管辖范围不允许此操作。");
		}
		assertThat(jdbc.sql("select count(*) from notification_template where body = ?").param(sms).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select coalesce(max(body), '') from report_template").query(String.class).single()).isEqualTo(template);
		assertThat(calendarRows("2031-01-06")).isZero();

		ScreenSession screens = new ScreenSession(port);
		screens.signIn("tdcfg" + u, "password-123");
		for (String path : List.of("/admin/notification-templates", "/admin/notification-templates/edit?template=citizen-received&channel=SMS",
				"/admin/report-template", "/admin/calendar")) {
			assertThat(screens.get(path).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(screens.post("/admin/calendar", Map.of("day", "2031-01-06", "kind", "HOLIDAY", "name", "县里放假")).statusCode())
			.isEqualTo(403);
		assertThat(calendarRows("2031-01-06")).isZero();
		// their own county's users stay theirs, and the menu offers no city-wide setting
		HttpResponse<String> users = screens.get("/admin/users");
		assertThat(users.statusCode()).isEqualTo(200);
		assertThat(users.body()).doesNotContain("/admin/calendar", "/admin/notification-templates", "/admin/report-template");

		// the city's administrator may
		Api city = admin("citycfg" + u, "451000");
		assertThat(city.put("/api/v1/calendar/days/2031-01-06", Map.of("kind", "HOLIDAY", "name", "市里调休")).status()).isEqualTo(200);
		assertThat(calendarRows("2031-01-06")).isOne();
		assertThat(city.delete("/api/v1/calendar/days/2031-01-06").status()).isEqualTo(204);
		assertThat(city.get("/api/v1/admin/notification-templates").status()).isEqualTo(200);
		ScreenSession cityScreens = new ScreenSession(port);
		cityScreens.signIn("citycfg" + u, "password-123");
		assertThat(cityScreens.get("/admin/calendar").statusCode()).isEqualTo(200);
		assertThat(cityScreens.get("/admin/report-template").statusCode()).isEqualTo(200);
	}

	@Test
	void aCountyAdministratorReadsTheAuditOfTheirCountyOnlyAndRowsWithoutARegionAreTheCitys() {
		Api tiandong = admin("tdaud" + u, "451022");
		Api jingxi = admin("jxaud" + u, "451081");
		assertThat(tiandong.post("/api/v1/users", Map.of("username", "tdnew" + u, "displayName", "田东用户", "password", "password-123",
				"roles", List.of("ASSESSOR"), "regionCode", "451022")).status()).isEqualTo(201);
		assertThat(jingxi.post("/api/v1/users", Map.of("username", "jxnew" + u, "displayName", "靖西用户", "password", "password-123",
				"roles", List.of("ASSESSOR"), "regionCode", "451081")).status()).isEqualTo(201);
		// a failed sign-in has no region of its own: the city's
		assertThat(new Api(port).post("/api/v1/auth/token", Map.of("username", "nobody" + u, "password", "wrong-password")).status())
			.isEqualTo(401);

		ScreenSession county = new ScreenSession(port);
		county.signIn("tdaud" + u, "password-123");
		assertThat(rows(county.get("/admin/audit?actor=tdaud" + u))).contains("tdnew" + u);
		assertThat(rows(county.get("/admin/audit?actor=jxaud" + u))).doesNotContain("jxnew" + u).doesNotContain("<tr");
		assertThat(rows(county.get("/admin/audit"))).doesNotContain("jxnew" + u, "jxaud" + u);
		assertThat(rows(county.get("/admin/audit?action=SIGN_IN_FAILED"))).doesNotContain("<tr");

		ScreenSession city = new ScreenSession(port);
		city.signIn("admin", "admin-test-password");
		assertThat(rows(city.get("/admin/audit?actor=jxaud" + u))).contains("jxnew" + u);
		assertThat(rows(city.get("/admin/audit?action=SIGN_IN_FAILED"))).contains("<tr");
	}

	/** The audit table's rows. */
	static String rows(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		return body.substring(body.indexOf("<tbody>") + 7, body.indexOf("</tbody>"));
	}
}
