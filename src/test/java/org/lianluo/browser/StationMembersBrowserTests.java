package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 21: the office registers a judge at 田东's legal-service station, records a joint supervision with the judge and
 * two deputies across two stations, and finds it on both stations' pages and in the annual report. 田东县印茶镇
 * (451022106): no other test uses it.
 */
@LianluoTest
class StationMembersBrowserTests {

	static final String TOWN = "451022106";

	@LocalServerPort
	int port;

	@Test
	void aJudgeAtTheLegalServiceStationTakesPartInAJointSupervisionOfTwoStations() {
		Api admin = admin(port);
		String office = unique("stations");
		assertThat(admin.post("/api/v1/users", Map.of("username", office, "displayName", "田东县人大常委会选联工委", "password",
				"password-123", "roles", List.of("ASSESSOR"), "regionCode", TOWN)).status()).isEqualTo(201);
		String first = unique("黄");
		String second = unique("韦");
		UUID a = id(admin.post("/api/v1/deputies", Map.of("name", first, "gender", "MALE", "levels", List.of("COUNTY"),
				"regionCode", TOWN)));
		UUID b = id(admin.post("/api/v1/deputies", Map.of("name", second, "gender", "FEMALE", "levels",
				List.of("TOWNSHIP"), "regionCode", TOWN)));
		String legalName = unique("田东县印茶镇“联络站+法律诉讼服务”人大代表联络站");
		String villageName = unique("印茶镇那赖村人大代表联络站");
		UUID legal = id(admin.post("/api/v1/stations", Map.of("name", legalName, "kind", "STANDARD", "partners",
				List.of("LEGAL_SERVICE"), "regionCode", TOWN, "address", "印茶镇政府一楼", "deputyIds", List.of(a))));
		UUID village = id(admin.post("/api/v1/stations", Map.of("name", villageName, "kind", "STANDARD", "regionCode", TOWN,
				"address", "那赖村村委", "deputyIds", List.of(b))));
		String judge = unique("罗法官");
		String title = unique("印茶镇片区联合监督");
		// Begun a few minutes ago (the public pages show only what has begun), in this year.
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
		LocalDateTime start = now.minusMinutes(10).getYear() < now.getYear() ? now.withDayOfYear(1).toLocalDate().atStartOfDay()
				: now.minusMinutes(10);
		LocalDate today = now.toLocalDate();

		try (Browser browser = Browser.open(port)) {
			browser.signIn(office, "password-123");
			browser.go("/stations/" + legal);
			browser.type("#member-name", judge).select("#member-kind", "JUDGE").type("#member-organisation", "田东县人民法院")
				.type("#member-schedule", "每月第一个星期三");
			browser.screenshot("stations-01-register-judge");
			browser.click("form.member-form button[type=submit]");
			assertThat(browser.text("#members")).contains(judge, "法官", "田东县人民法院", "每月第一个星期三");
			browser.screenshot("stations-02-judge-registered");

			browser.go("/duty/activities");
			browser.select("#type", "JOINT_SUPERVISION").type("#title", title).type("#theme", "农村土地承包纠纷化解");
			((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('startAt').value = arguments[0];",
					start.toString());
			browser.select("#regionCode", TOWN);
			Select stations = new Select(browser.find("#stationIds"));
			stations.selectByValue(legal.toString());
			stations.selectByValue(village.toString());
			Select deputies = new Select(browser.find("#deputyIds"));
			deputies.selectByValue(a.toString());
			deputies.selectByValue(b.toString());
			new Select(browser.find("#memberIds")).selectByVisibleText(judge + " · 法官 · 田东县人民法院");
			browser.type("#disputesResolved", "2");
			browser.screenshot("stations-03-joint-supervision-form");
			browser.click("form.register-activity button[type=submit]");
			assertThat(browser.text("h1")).isEqualTo(title);
			assertThat(browser.text("dd.stations")).contains(legalName, villageName);
			assertThat(browser.text("table.participants")).contains(first, second);
			assertThat(browser.text("table.activity-members")).contains(judge, "法官", "田东县人民法院");
			browser.screenshot("stations-04-joint-supervision");

			for (UUID station : List.of(legal, village)) {
				browser.go("/public/stations/" + station);
				assertThat(browser.text(".news")).as("the public page of " + station)
					.contains(title, "联合监督", "2 个联络站联合开展", "1 名进站人员参与");
			}
			assertThat(browser.text("h1")).isEqualTo(villageName);
			browser.screenshot("stations-05-public-village-station");
			browser.go("/public/stations/" + legal);
			assertThat(browser.text(".members")).contains(judge, "法官", "田东县人民法院", "驻点时间：每月第一个星期三");
			browser.screenshot("stations-06-public-legal-station");

			browser.go("/stations/" + village);
			browser.click("a.station-activities");
			assertThat(browser.text("table.activities")).contains(title, legalName, villageName);
			browser.screenshot("stations-07-activities-of-the-village-station");

			browser.go("/reports/annual?region=" + TOWN + "&year=" + today.getYear());
			assertThat(browser.text("#figure-jointSupervisions")).contains("联合监督", "1");
			assertThat(browser.text("#figure-activities")).as("counted once").contains("1");
			assertThat(browser.text("#figure-disputesResolved").replaceAll("\\s", ""))
				.as("the two parts beside the total").contains("化解矛盾纠纷2件（其中办理群众意见建议化解0件，履职活动中化解2件）；");
			browser.screenshot("stations-08-annual-report");
			browser.click("#figure-jointSupervisions a.figure-link");
			assertThat(browser.text("table.records")).contains(title, "联合监督");
			browser.screenshot("stations-09-report-records");
		}
	}
}
