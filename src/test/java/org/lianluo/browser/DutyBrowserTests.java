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
}
