package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.opinion.LoopFixture;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A citizen on a 360×740 phone: find the station, speak from its QR link, follow, rate; comment on a draft. */
@LianluoTest
class PortalBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aCitizenFindsTheLegalServiceStationSpeaksFollowsAndRates() {
		LoopFixture f = new LoopFixture(port);
		String name = Staff.unique("田东县平马镇联络站+法律诉讼服务站");
		String station = f.admin.post("/api/v1/stations", Map.of("name", name, "kind", "STANDARD", "partners", List.of("LEGAL_SERVICE"),
				"regionCode", "451022", "address", "平马镇人民法院旁", "receptionSchedule", "每周三上午")).json().get("id").asText();
		try (Browser b = Browser.openMobile(port)) {
			b.go("/").click("a[href='/public/stations']");
			b.screenshot("30-mobile-stations");
			b.click("svg.county-map a[aria-label='田东县']");
			b.type("#q", "法律诉讼").click("form.stack button[type=submit]");
			b.screenshot("31-mobile-tiandong-legal");
			b.driver().findElement(By.linkText(name)).click();
			assertThat(b.text("h1")).isEqualTo(name);
			assertThat(b.text(".tag")).isEqualTo("联络站+法律诉讼服务");
			b.screenshot("32-mobile-station");
			b.click("a.speak-here");
			assertThat(b.driver().getCurrentUrl()).endsWith("/opinions/new?station=" + station);
			assertThat(b.text(".station-chosen")).contains(name);
			b.type("#content", "邻里宅基地纠纷调解不成，想咨询法律途径。").select("#kind", "INQUIRY");
			b.screenshot("33-mobile-speak");
			b.click("form.stack button[type=submit]");
			String code = b.text("#tracking-code");
			b.screenshot("34-mobile-code");

			String id = f.idOf(code);
			f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
			f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
			f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "EXPLAINED", "text", "已安排驻站法官周三接待并解答。"));
			f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));

			b.go("/track").type("#code", code).click("form.filters button[type=submit]");
			assertThat(b.text(".reply-text")).isEqualTo("已安排驻站法官周三接待并解答。");
			b.click("input[value=BASICALLY_SATISFIED]").click("form.rating button[type=submit]");
			assertThat(b.text(".public-status")).isEqualTo("已办结");
			b.screenshot("35-mobile-rated");
		}
	}

	@Test
	void aCitizenCommentsOnArticleThreeOfAPublishedDraft() {
		var assessor = Staff.user(port, "451000", "ASSESSOR");
		String title = Staff.unique("百色市农村生活垃圾治理条例（草案）");
		String id = assessor.post("/api/v1/consultations", Map.of("title", title, "issuer", "百色市人大常委会法工委", "regionCode", "451000",
				"opensOn", LocalDate.now().minusDays(1).toString(), "closesOn", LocalDate.now().plusDays(20).toString(), "articles",
				List.of(Map.of("number", 1, "text", "为了加强农村生活垃圾治理，制定本条例。"), Map.of("number", 2, "text", "适用范围。"),
						Map.of("number", 3, "text", "村民委员会应当组织村民制定村规民约。")))).json().get("id").asText();
		assessor.post("/api/v1/consultations/" + id + "/publish", Map.of());
		try (Browser b = Browser.openMobile(port)) {
			b.go("/consultations");
			b.driver().findElement(By.linkText(title)).click();
			b.click("#article-3 summary");
			b.type("#text-3", "建议写明村规民约报乡镇备案。");
			b.screenshot("36-mobile-consultation");
			b.click("#article-3 form button[type=submit]");
			assertThat(b.text("#thanks .tracking-code")).hasSize(13);
			b.screenshot("37-mobile-consultation-thanks");
		}
		assertThat(assessor.get("/api/v1/consultations/" + id + "/comments?article=3").json().get("total").asInt()).isEqualTo(1);
	}
}
