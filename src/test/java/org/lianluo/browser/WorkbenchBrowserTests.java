package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.region.WorkingCalendar;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workbench as each role sees it after signing in: its own panels with their counts and the oldest items
 * linking to their pages; a user with two roles sees both; the administrator sees next year's missing calendar.
 * Records are made through the API in 西林县's 八达镇's neighbour 古障镇 (451030101), which no other test uses.
 */
@LianluoTest
class WorkbenchBrowserTests {

	static final String TOWN = "451030101";

	@LocalServerPort
	int port;

	@Test
	void eachRoleSeesItsOwnQueuesAndAUserWithTwoRolesSeesBoth() {
		Api admin = Staff.admin(port);
		UUID unit = id(admin.post("/api/v1/units", Map.of("name", unique("西林县林业局"), "regionCode", "451030")));
		UUID deputyId = id(admin.post("/api/v1/deputies", Map.of("name", unique("黄代表"), "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", TOWN)));
		UUID station = id(admin.post("/api/v1/stations", Map.of("name", unique("古障镇人大代表联络站"), "kind", "STANDARD",
				"regionCode", TOWN, "address", "古障镇街上", "deputyIds", List.of(deputyId))));
		String assessor = user(admin, List.of("ASSESSOR", "LEADER"), TOWN, Map.of());
		String handler = user(admin, List.of("UNIT_HANDLER"), "451030", Map.of("unitId", unit.toString()));
		String deputy = user(admin, List.of("DEPUTY"), TOWN, Map.of("deputyId", deputyId.toString()));
		String stationAdmin = user(admin, List.of("STATION_ADMIN"), TOWN, Map.of());
		Api city = Staff.user(port, "451000", "ASSESSOR");
		String toTriage = submit(admin, city, null);
		String atStation = submit(admin, city, station);
		String toAccept = submit(admin, city, null);
		assertThat(city.post("/api/v1/opinions/" + toAccept + "/triage", Map.of("route", "ASSIGN", "leadUnitId",
				unit.toString())).status()).isEqualTo(200);
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		assertThat(admin.post("/api/v1/stations/" + station + "/rota", Map.of("day", today.toString(), "deputyId",
				deputyId)).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/stations/" + station + "/rota", Map.of("day", today.plusDays(2).toString(),
				"deputyId", deputyId)).status()).isEqualTo(201);

		try (Browser browser = Browser.open(port)) {
			browser.signIn(assessor, "password-123");
			assertThat(roles(browser)).containsExactly("ASSESSOR", "LEADER");
			assertThat(count(browser, "workbench.opinion.triage")).isEqualTo("2");
			assertThat(browser.find("[data-queue='workbench.opinion.triage'] h4").getText()).startsWith("待研判的意见");
			browser.screenshot("workbench-01-assessor-and-leader");
			browser.click("[data-queue='workbench.opinion.triage'] li:first-child a");
			assertThat(browser.driver().getCurrentUrl()).endsWith("/opinions/" + toTriage);
			browser.signOut();

			browser.signIn(handler, "password-123");
			assertThat(roles(browser)).containsExactly("UNIT_HANDLER");
			assertThat(count(browser, "workbench.opinion.accept")).isEqualTo("1");
			assertThat(browser.find("[data-queue='workbench.opinion.accept'] li a").getAttribute("href"))
				.endsWith("/opinions/" + toAccept);
			browser.screenshot("workbench-02-unit-handler");
			browser.signOut();

			browser.signIn(deputy, "password-123");
			assertThat(roles(browser)).containsExactly("DEPUTY");
			assertThat(count(browser, "workbench.opinion.my-stations")).isEqualTo("1");
			assertThat(browser.find("[data-queue='workbench.opinion.my-stations'] li a").getAttribute("href"))
				.endsWith("/opinions/" + atStation);
			assertThat(count(browser, "workbench.duty.my-days")).isEqualTo("2");
			browser.screenshot("workbench-03-deputy");
			browser.signOut();

			browser.signIn(stationAdmin, "password-123");
			assertThat(roles(browser)).containsExactly("STATION_ADMIN");
			assertThat(count(browser, "workbench.duty.reception-today")).isEqualTo("1");
			assertThat(count(browser, "workbench.duty.registered-today")).isEqualTo("1");
			browser.screenshot("workbench-04-station");
			browser.signOut();

			browser.signIn("admin", "admin-test-password");
			assertThat(roles(browser)).contains("ADMIN");
			WebElement calendar = browser.find("[data-queue='workbench.region.calendar']");
			assertThat(calendar.findElements(By.cssSelector("li")).get(1).getText()).startsWith(String.valueOf(today.getYear() + 1));
			if (today.getMonthValue() >= 11) {
				// No test records next year's calendar: from November on the administrator is warned.
				assertThat(calendar.findElement(By.cssSelector(".warning")).getText()).contains("明年的节假日日历尚未登记");
			}
			browser.screenshot("workbench-05-admin-calendar-warning");
		}
	}

	static List<String> roles(Browser browser) {
		return browser.driver().findElements(By.cssSelector(".workbench[data-role]")).stream()
			.map(e -> e.getAttribute("data-role")).toList();
	}

	static String count(Browser browser, String queue) {
		return browser.find("[data-queue='" + queue + "']").getAttribute("data-count");
	}

	String user(Api admin, List<String> roles, String region, Map<String, String> links) {
		String name = unique("wbb");
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "测试" + name, "password",
				"password-123", "roles", roles, "regionCode", region));
		body.putAll(links);
		assertThat(admin.post("/api/v1/users", body).status()).isEqualTo(201);
		return name;
	}

	String submit(Api admin, Api city, UUID station) {
		Map<String, Object> body = new HashMap<>(Map.of("content", unique("古障镇路灯不亮，请修复。"), "regionCode", TOWN,
				"kind", "COMPLAINT", "category", "INFRASTRUCTURE"));
		if (station != null) {
			body.put("stationId", station.toString());
		}
		Api.Response r = new Api(port).post("/api/v1/public/opinions", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		String code = r.json().get("trackingCode").asText();
		return city.get("/api/v1/opinions?q=" + code).json().get("items").get(0).get("id").asText();
	}
}
