package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.opinion.LoopFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen on a 360×740 phone and at a desk: find 田东县's legal-service station, speak from its QR link, copy the
 * code, follow it, rate it after the staff's reply; read the results; comment on article 3 of a published draft.
 * Every page passes axe-core with no serious or critical violation and weighs under 200 KB before images, and no
 * request leaves this machine. A client who submitted several times is asked a sum and keeps what was typed.
 */
@LianluoTest
class PortalBrowserTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private Browser open(String size) {
		return size.equals("mobile") ? Browser.open(port, 360, 740, true) : Browser.open(port, 1280, 900, true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mobile", "desktop" })
	void aCitizenFindsTheLegalServiceStationSpeaksCopiesTheCodeFollowsAndRates(String size) {
		LoopFixture f = new LoopFixture(port);
		String name = Staff.unique("田东县平马镇联络站+法律诉讼服务站");
		UUID deputy = UUID.fromString(f.admin.post("/api/v1/deputies", Map.of("name", Staff.unique("农秀兰"), "gender", "FEMALE",
				"levels", List.of("COUNTY"), "regionCode", "451022")).json().get("id").asText());
		String station = f.admin.post("/api/v1/stations", Map.of("name", name, "kind", "STANDARD", "partners", List.of("LEGAL_SERVICE"),
				"regionCode", "451022", "address", "平马镇人民法院旁", "receptionSchedule", "每周三上午", "deputyIds", List.of(deputy)))
			.json().get("id").asText();
		assertThat(f.admin.post("/api/v1/stations/" + station + "/rota", Map.of("day", LocalDate.now().plusDays(2).toString(),
				"deputyId", deputy)).status()).isEqualTo(201);
		Api tiandong = Staff.user(port, "451022", "STATION_ADMIN");
		assertThat(tiandong.post("/api/v1/activities", Map.of("type", "PUBLIC_MEETING", "title", "平马镇民情沟通会",
				"startAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(3).withNano(0).toString(), "regionCode", "451022",
				"stationId", station, "deputyIds", List.of(deputy), "votersReceived", 18, "theme", "宅基地纠纷化解")).status())
			.isEqualTo(201);

		try (Browser b = open(size)) {
			PortalChecks check = new PortalChecks(b);
			b.go("/");
			assertThat(b.text(".news")).contains("平马镇民情沟通会");
			check.page("30-" + size + "-home");
			b.click("a[href='/public/stations']");
			check.page("31-" + size + "-stations");
			b.click("svg.county-map a[href$='region=451022']");
			b.type("#q", "法律诉讼").click("form.stack button[type=submit]");
			check.page("32-" + size + "-tiandong-legal");
			b.clickLink(name);
			assertThat(b.text("h1")).isEqualTo(name);
			assertThat(b.text(".tag")).isEqualTo("联络站+法律诉讼服务");
			assertThat(b.text(".on-duty")).contains(LocalDate.now().plusDays(2).toString()).contains("农秀兰");
			assertThat(b.text(".news")).contains("民情沟通会").contains("平马镇民情沟通会").contains("宅基地纠纷化解").contains("18");
			check.page("33-" + size + "-station");
			b.click("a.speak-here");
			assertThat(b.driver().getCurrentUrl()).endsWith("/opinions/new?station=" + station);
			assertThat(b.text(".station-chosen")).contains(name);
			b.type("#content", "邻里宅基地纠纷调解不成，想咨询法律途径。").select("#kind", "INQUIRY");
			check.page("34-" + size + "-speak");
			b.click("form.stack button[type=submit]");
			String code = b.text("#tracking-code");
			assertThat(code).hasSize(13);
			String ratingKey = b.text("#rating-key");
			assertThat(ratingKey).hasSize(20);
			b.click("button.copy-code");
			assertThat(b.text("#copy-status")).isNotBlank();
			check.page("35-" + size + "-code");

			String id = f.idOf(code);
			f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
			f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
			f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "EXPLAINED", "text", "已安排驻站法官周三接待并解答。"));
			f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));

			b.click("a[href^='/track']");
			assertThat(b.find("#code").getAttribute("value")).isEqualTo(code);
			// the copied code is what the citizen pastes (the clipboard, where the headless browser has one)
			b.type("#code", "");
			b.find("#code").sendKeys(Keys.chord(Keys.CONTROL, "v"));
			if (b.find("#code").getAttribute("value").isEmpty()) {
				b.type("#code", code);
			}
			assertThat(b.find("#code").getAttribute("value")).isEqualTo(code);
			b.click("form.filters button[type=submit]");
			assertThat(b.text(".reply-text")).isEqualTo("已安排驻站法官周三接待并解答。");
			check.page("36-" + size + "-track-replied");
			// the rating asks for the key the citizen was given with the code
			b.click("input[value=BASICALLY_SATISFIED]").type("#ratingKey", ratingKey).click("form.rating button[type=submit]");
			assertThat(b.text(".public-status")).isEqualTo("已办结");
			check.page("37-" + size + "-rated");

			b.go("/public/results?county=451022");
			check.page("38-" + size + "-results");
			b.go("/public/stations/" + UUID.randomUUID());
			assertThat(b.text("h1")).isEqualTo("404");
			assertThat(b.text(".error-page .lead")).isEqualTo("未找到");
			assertThat(b.driver().getTitle()).isEqualTo("未找到");
			check.page("39-" + size + "-not-found");
			check.nothingLeftThisMachine();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "mobile", "desktop" })
	void aCitizenCommentsOnArticleThreeOfAPublishedDraft(String size) {
		var assessor = Staff.user(port, "451000", "ASSESSOR");
		String title = Staff.unique("百色市农村生活垃圾治理条例（草案）");
		String id = assessor.post("/api/v1/consultations", Map.of("title", title, "issuer", "百色市人大常委会法工委", "regionCode", "451000",
				"opensOn", LocalDate.now().minusDays(1).toString(), "closesOn", LocalDate.now().plusDays(20).toString(), "articles",
				List.of(Map.of("number", 1, "text", "为了加强农村生活垃圾治理，制定本条例。"), Map.of("number", 2, "text", "适用范围。"),
						Map.of("number", 3, "text", "村民委员会应当组织村民制定村规民约。")))).json().get("id").asText();
		assessor.post("/api/v1/consultations/" + id + "/publish", Map.of());
		try (Browser b = open(size)) {
			PortalChecks check = new PortalChecks(b);
			b.go("/consultations");
			check.page("40-" + size + "-consultations");
			b.clickLink(title);
			b.click("#article-3 summary");
			// refused (a phone that is no mobile number): what was typed stays
			b.type("#text-3", "建议写明村规民约报乡镇备案。").type("#name-3", "韦先生").type("#phone-3", "12345");
			b.click("#article-3 form button[type=submit]");
			assertThat(b.text(".alert.error")).contains("手机号");
			assertThat(b.find("#text-3").getAttribute("value")).isEqualTo("建议写明村规民约报乡镇备案。");
			assertThat(b.find("#name-3").getAttribute("value")).isEqualTo("韦先生");
			check.page("41-" + size + "-consultation-refused");
			b.type("#phone-3", "");
			check.page("42-" + size + "-consultation");
			b.click("#article-3 form button[type=submit]");
			assertThat(b.text("#thanks .tracking-code")).hasSize(13);
			check.page("43-" + size + "-consultation-thanks");
			check.nothingLeftThisMachine();
		}
		assertThat(assessor.get("/api/v1/consultations/" + id + "/comments?article=3").json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void aClientThatSubmittedSeveralTimesIsAskedASumAndKeepsWhatWasTyped() throws InterruptedException {
		// Another client address, as the load balancer would forward it (the tests' own address is exempt).
		String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
		Api anyone = new Api(port);
		for (int i = 0; i < 3; i++) {
			assertThat(anyone.post("/api/v1/public/opinions", Map.of("content", "菜市场门口积水严重，请疏通排水沟。（" + i + "）",
					"regionCode", "451022"), Map.of("X-Forwarded-For", address)).status()).isEqualTo(201);
		}
		try (Browser b = Browser.open(port, 360, 740, true)) {
			PortalChecks check = new PortalChecks(b);
			check.headers(Map.of("X-Forwarded-For", address));
			b.go("/opinions/new");
			String question = b.text(".challenge-question");
			Matcher m = Pattern.compile("(\\d+) 加 (\\d+) 等于几？").matcher(question);
			assertThat(m.matches()).as(question).isTrue();
			int answer = Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
			b.type("#content", "菜市场门口积水严重，请疏通排水沟。").select("#kind", "COMPLAINT").select("#category", "INFRASTRUCTURE")
				.type("#name", "黄女士").type("#phone", "13907761234").type("#challengeAnswer", String.valueOf(answer + 1));
			check.page("44-mobile-speak-challenge");
			b.click("form.stack button[type=submit]");
			assertThat(b.text("#challenge-error")).isEqualTo("算术题的答案不对，请重新计算后再提交。");
			assertThat(b.find("#content").getAttribute("value")).isEqualTo("菜市场门口积水严重，请疏通排水沟。");
			assertThat(b.find("#name").getAttribute("value")).isEqualTo("黄女士");
			assertThat(b.find("#phone").getAttribute("value")).isEqualTo("13907761234");
			assertThat(b.find("#kind").getAttribute("value")).isEqualTo("COMPLAINT");
			assertThat(b.find("#category").getAttribute("value")).isEqualTo("INFRASTRUCTURE");
			check.page("45-mobile-speak-challenge-refused");
			m = Pattern.compile("(\\d+) 加 (\\d+) 等于几？").matcher(b.text(".challenge-question"));
			assertThat(m.matches()).isTrue();
			b.type("#challengeAnswer", String.valueOf(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))));
			// a person takes a few seconds to read the sum; a script that answers at once is refused
			Thread.sleep(3_100);
			b.click("form.stack button[type=submit]");
			assertThat(b.text("#tracking-code")).hasSize(13);
			check.nothingLeftThisMachine();
		}
	}

	/** Two fast clicks on 提交 (a citizen unsure the first one took): one opinion, and the page shows its code. */
	@Test
	void aDoubleClickOnSubmitStoresOneOpinion() {
		String content = "那板村小学门前的减速带被压坏了，车速很快，孩子上学不安全。" + UUID.randomUUID().toString().substring(0, 6);
		try (Browser b = Browser.open(port, 360, 740, true)) {
			b.go("/opinions/new").type("#content", content).select("#regionCode", "451022108").select("#kind", "SUGGESTION");
			b.requestedUrls();
			b.js("""
					const button = document.querySelector('form.stack button[type=submit]');
					button.click();
					setTimeout(() => button.click(), 40);""");
			String code = b.text("#tracking-code");
			assertThat(code).hasSize(13);
			b.screenshot("46-double-click-one-opinion");
			assertThat(b.requestedUrls().stream().filter(u -> u.endsWith("/opinions/new")))
				.as("the browser sent the form twice").hasSize(2);
			assertThat(jdbc.sql("select tracking_code from opinion where content = ?").param(content).query(String.class).list())
				.containsExactly(code);
		}
	}
}
