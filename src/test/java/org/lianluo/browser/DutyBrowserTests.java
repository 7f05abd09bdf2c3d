package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.time.LocalDate;
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

@LianluoTest
class DutyBrowserTests {

	/** 平班镇, a township no other test uses. */
	static final String TOWN = "451031103";

	@LocalServerPort
	int port;

	String user(Api admin, String role, UUID deputy) {
		String name = unique("duty");
		Map<String, Object> body = new java.util.HashMap<>(Map.of("username", name, "displayName", "履职测试", "password",
				"password-123", "roles", List.of(role), "regionCode", TOWN));
		if (deputy != null) {
			body.put("deputyId", deputy.toString());
		}
		assertThat(admin.post("/api/v1/users", body).status()).isEqualTo(201);
		return name;
	}

	@Test
	void staffRegisterAnActivityAndADeputyTheirVisitOnAPhoneBothInTheDutyRecord() {
		Api admin = admin(port);
		String name = unique("岑");
		UUID deputy = id(admin.post("/api/v1/deputies", Map.of("name", name, "gender", "FEMALE", "levels", List.of("COUNTY", "TOWNSHIP"),
				"regionCode", TOWN)));
		String assessor = user(admin, "ASSESSOR", null);
		String deputyUser = user(admin, "DEPUTY", deputy);
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String title = unique("平班镇民情沟通会");

		try (Browser browser = Browser.open(port)) {
			browser.signIn(assessor, "password-123");
			browser.click("a[href='/duty/activities']");
			browser.select("#type", "PUBLIC_MEETING").type("#title", title).type("#theme", "助力乡村全面振兴");
			((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('startAt').value = arguments[0];",
					today + "T09:30");
			browser.select("#regionCode", TOWN);
			new Select(browser.find("#deputyIds")).selectByValue(deputy.toString());
			browser.type("#votersReceived", "40").type("#outcome", "收集群众意见6条，现场答复4条");
			browser.screenshot("duty-01-register-form");
			browser.click("form.register-activity button[type=submit]");
			assertThat(browser.text("h1")).isEqualTo(title);
			assertThat(browser.text("dl.facts")).contains("民情沟通会", "助力乡村全面振兴", "40", today + " 09:30");
			assertThat(browser.text("table.participants")).contains(name, "已签到");
			browser.screenshot("duty-02-activity");

			browser.go("/duty/activities?region=" + TOWN);
			assertThat(browser.text("table.activities")).contains(title, "民情沟通会", "1 / 1");
			browser.screenshot("duty-03-list");

			Api staff = new Api(port).as(assessor, "password-123");
			UUID member = id(admin.post("/api/v1/deputies", Map.of("name", unique("黄"), "gender", "MALE", "levels", List.of("COUNTY"),
					"regionCode", TOWN, "committeeMember", true, "committeePosition", "MEMBER")));
			int year = Integer.parseInt(today.substring(0, 4));
			assertThat(staff.post("/api/v1/contact-plans", Map.of("year", year, "committeeMemberId", member, "deputyIds", List.of(deputy),
					"target", 2)).status()).isEqualTo(201);
			id(staff.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", deputy, "at", today + "T08:00:00+08:00",
					"method", "PHONE", "note", "了解民情沟通会准备情况")));
			browser.click("a[href='/duty/contacts']");
			assertThat(browser.text("main")).contains("1 名常委会组成人员联系 1 对代表，已完成 1 / 2 次", name, "未完成");
			browser.screenshot("duty-04-contact-plans");
		}

		try (Browser phone = Browser.openMobile(port)) {
			phone.signIn(deputyUser, "password-123");
			phone.go("/duty/visit");
			phone.select("#type", "VISIT").type("#title", "走访那么村脱贫户");
			((JavascriptExecutor) phone.driver()).executeScript("document.getElementById('startAt').value = arguments[0];",
					today + "T15:00");
			phone.type("#votersReceived", "6").type("#outcome", "群众反映村道破损");
			phone.screenshot("duty-05-phone-visit");
			phone.click("form.visit button[type=submit]");
			assertThat(phone.text("h1")).contains(name, today.substring(0, 4) + "年度");
			assertThat(phone.text("[role=status]")).isEqualTo("已登记，已记入履职档案。");
			assertThat(phone.text("dd.attended")).isEqualTo("2");
			assertThat(phone.text("dd.points")).as("public meeting 2 + visit 5 (configured for tests) + 1 contact").isEqualTo("8");
			assertThat(phone.text("table.record-activities")).contains(title, "走访那么村脱贫户", "民情沟通会", "走访");
			phone.screenshot("duty-06-phone-record");
		}
	}

	/**
	 * 德保县城关镇 (451024100): the deputy's station there is where the two opinions come in; nothing else in
	 * the tests receives opinions in this township, so its triage queue holds only these.
	 */
	@Test
	void aDeputyRegistersAReceptionWithTwoOpinionsOnAPhoneAndTheAssessorFindsThemInTriage() {
		Api admin = admin(port);
		String town = "451024100";
		String name = unique("韦");
		UUID deputy = id(admin.post("/api/v1/deputies", Map.of("name", name, "gender", "FEMALE", "levels", List.of("COUNTY"),
				"regionCode", town)));
		String stationName = unique("城关镇联络站");
		UUID station = id(admin.post("/api/v1/stations", Map.of("name", stationName, "kind", "STANDARD", "regionCode", town,
				"address", "城关镇政府", "deputyIds", List.of(deputy))));
		String deputyUser = unique("duty");
		assertThat(admin.post("/api/v1/users", Map.of("username", deputyUser, "displayName", "韦代表", "password", "password-123",
				"roles", List.of("DEPUTY"), "regionCode", town, "deputyId", deputy.toString())).status()).isEqualTo(201);
		String assessor = unique("duty");
		assertThat(admin.post("/api/v1/users", Map.of("username", assessor, "displayName", "德保县研判", "password",
				"password-123", "roles", List.of("ASSESSOR"), "regionCode", "451024")).status()).isEqualTo(201);
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		assertThat(admin.post("/api/v1/stations/" + station + "/rota", Map.of("day", today, "deputyId", deputy)).status())
			.isEqualTo(201);
		String first = "城关镇农贸市场门口排水沟堵塞，下雨就积水，" + unique("");
		String second = "希望增加城关镇到足荣镇的班车，老人看病不方便，" + unique("");

		try (Browser phone = Browser.openMobile(port)) {
			// Headless Chromium keeps a window at least 500 px wide: the phone's 360 × 740 viewport is emulated.
			((org.openqa.selenium.chromium.HasCdp) phone.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
			phone.signIn(deputyUser, "password-123");
			phone.go("/duty/visit");
			assertThat((Long) ((JavascriptExecutor) phone.driver()).executeScript("return window.innerWidth;")).isEqualTo(360L);
			phone.select("#type", "RECEPTION").type("#title", "城关镇联络站接待日");
			((JavascriptExecutor) phone.driver()).executeScript("document.getElementById('startAt').value = arguments[0];",
					today + "T09:00");
			new Select(phone.find("#stationId")).selectByVisibleText(stationName);
			phone.type("#votersReceived", "11").type("#opinion-1", first).type("#opinion-2", second);
			phone.screenshot("duty-07-phone-reception-two-opinions");
			assertThat((Long) ((JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth;")).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360L);
			phone.click("form.visit button[type=submit]");
			assertThat(phone.text("[role=status]")).isEqualTo("已登记，已记入履职档案。");
			assertThat(phone.text("dd.attended")).isEqualTo("1");
			assertThat(phone.text("dd.points")).as("reception 3 + two opinions received 1 each").isEqualTo("5");
			assertThat(phone.text("table.calendar td[data-date='" + today + "']")).contains("进站接待 城关镇联络站接待日");
			((JavascriptExecutor) phone.driver()).executeScript("document.getElementById('calendar').scrollIntoView();");
			phone.screenshot("duty-08-phone-record-calendar");
			phone.click("table.record-activities a");
			assertThat(phone.text("h1")).isEqualTo("城关镇联络站接待日");
			assertThat(phone.text("table.collected-opinions")).contains(first, second, "待研判");
			phone.screenshot("duty-09-phone-activity-with-opinions");
		}

		try (Browser browser = Browser.open(port)) {
			browser.signIn(assessor, "password-123");
			browser.click("a[href='/opinions?view=triage']");
			String queue = browser.text("table.opinions");
			assertThat(queue).contains(first.substring(0, 12), second.substring(0, 12));
			browser.screenshot("duty-10-triage-queue");

			browser.click("a[href='/duty/stations']");
			browser.go("/duty/stations?region=" + town);
			assertThat(browser.text("p.participation-overall")).contains("1 个联络站、1 名进站代表，进站履职参与率 100.0%");
			assertThat(browser.text("table.participation")).contains(stationName);
			browser.screenshot("duty-11-station-participation");
			browser.click("table.participation a");
			assertThat(browser.text("p.rota-summary")).startsWith("安排接待日 1 天：已接待 1 天，未落实 0 天");
			assertThat(browser.text("table.rota")).contains(today, name, "已接待", "城关镇联络站接待日（接待 11 人）");
			browser.screenshot("duty-12-station-rota");
		}
	}
}
