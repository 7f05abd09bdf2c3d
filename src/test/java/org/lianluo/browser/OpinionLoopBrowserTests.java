package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.LoopFixture;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole loop in a browser: citizen, assessor, unit handler, twice round because of an UNSATISFIED rating. */
@LianluoTest
class OpinionLoopBrowserTests {

	@LocalServerPort
	int port;

	/** The triage form carries the chosen route's fields only: ASSIGN's units at first, REJECT's reason once chosen. */
	@Test
	void triageFormShowsOnlyTheChosenRoutesFields() {
		LoopFixture f = new LoopFixture(port);
		String code = new org.lianluo.Api(port).post("/api/v1/public/opinions", java.util.Map.of("content",
				"田东县朔良镇夜市油烟扰民，晚上十一点后仍在营业。", "regionCode", "451022108", "kind", "COMPLAINT"))
			.json().get("trackingCode").asText();
		try (Browser b = Browser.open(port)) {
			b.signIn(f.assessorName, "password-123").go("/opinions/" + f.idOf(code));
			assertThat(b.find("#route-fields").getAttribute("data-route")).isEqualTo("ASSIGN");
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector("form.triage #leadUnitId"))).hasSize(1);
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector(
					"form.triage #answer, form.triage #reason, form.triage #primaryCode, form.triage #consultationId, form.triage #deputyName")))
				.isEmpty();

			b.select("#route", "REJECT");
			b.find("#route-fields[data-route='REJECT'] #reason");
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector("form.triage #leadUnitId"))).isEmpty();
			b.type("#reason", "属于市场监管部门职责，已告知来电人向市场监管局反映").type("#referral", "田东县市场监督管理局");
			b.screenshot("13b-triage-reject-fields");
			b.click("form.triage button[type=submit]");
			assertThat(b.text("h1 .status")).isEqualTo("不予受理");
			assertThat(b.text(".facts")).contains("田东县市场监督管理局");
		}
	}

	@Test
	void citizenAssessorAndHandlerCloseTheLoopTwice() {
		LoopFixture f = new LoopFixture(port);
		try (Browser b = Browser.open(port)) {
			b.go("/").click("a[href='/opinions/new']");
			b.type("#content", "朔良镇那板村到镇上的道路塌方，雨天无法通行，请尽快修复。")
				.select("#regionCode", "451022108")
				.select("#kind", "COMPLAINT")
				.type("#name", "黄大伟")
				.type("#phone", "13812345678");
			b.screenshot("10-citizen-speaks");
			b.click("form.stack button[type=submit]");
			String code = b.text("#tracking-code");
			assertThat(code).hasSize(13);
			String ratingKey = b.text("#rating-key");
			b.screenshot("11-citizen-gets-code");

			b.signIn(f.assessorName, "password-123").go("/opinions?view=triage&q=" + code);
			b.screenshot("12-triage-queue");
			// on a narrow screen the one- or two-character columns stay on one line (kind: 投诉, status: 待研判); the
			// content wraps instead
			org.openqa.selenium.Dimension wide = b.driver().manage().window().getSize();
			b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(820, wide.getHeight()));
			assertThat(b.js("""
					const cells = document.querySelectorAll('table.opinions tbody tr:first-child td:nth-child(4), table.opinions tbody tr:first-child td:nth-child(5)');
					return Array.from(cells).map(td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; });"""))
				.isEqualTo(java.util.List.of(1L, 1L));
			b.screenshot("12b-triage-queue-narrow");
			b.driver().manage().window().setSize(wide);
			b.click("a[href^='/opinions/0']");
			assertThat(b.text(".facts .content")).contains("那板村");
			assertThat(b.text(".facts")).contains("田东县").doesNotContain("451022108");
			b.select("#route", "ASSIGN").select("#leadUnitId", f.unitId);
			b.screenshot("13-assessor-triage");
			b.click("form.triage button[type=submit]");
			assertThat(b.text("h1 .status")).isEqualTo("已交办");
			assertThat(b.text(".lead-unit")).startsWith("田东县住建局");
			String detail = b.driver().getCurrentUrl();

			handlerReplies(b, f, detail, "PLANNED", "已列入本月道路抢修计划。");
			assessorApproves(b, f, detail);

			// by the feedback SMS's link, which carries the rating key
			b.signOut().go("/track?code=" + code + "&key=" + ratingKey);
			assertThat(b.text(".reply-text")).isEqualTo("已列入本月道路抢修计划。");
			b.screenshot("16-citizen-reads-reply");
			b.click("input[value=UNSATISFIED]").type("#comment", "还没有修好").click("form.rating button[type=submit]");
			assertThat(b.text(".public-status")).isEqualTo("重新办理");

			handlerReplies(b, f, detail, "RESOLVED", "道路已修复通车。");
			assessorApproves(b, f, detail);

			// by the tracking code alone: the page asks for the key
			b.signOut().go("/track?code=" + code);
			b.click("input[value=SATISFIED]").type("#ratingKey", ratingKey).click("form.rating button[type=submit]");
			assertThat(b.text(".public-status")).isEqualTo("已办结");
			assertThat(b.driver().getPageSource()).doesNotContain("黄大伟", "13812345678", f.handlerName, f.assessorName);
			b.screenshot("17-citizen-closed");

			b.signIn(f.assessorName, "password-123").go("/opinions/kpis");
			assertThat(b.text("h1")).contains("群众意见办理统计");
			b.screenshot("18-kpis");
			b.go("/opinions/overdue");
			assertThat(b.text("h1")).isEqualTo("逾期督办");
			b.screenshot("19-overdue-board");
		}
	}

	private void handlerReplies(Browser b, LoopFixture f, String detail, String result, String text) {
		b.signOut().signIn(f.handlerName, "password-123").go(detail.replace("http://localhost:" + port, ""));
		b.click("form.accept button");
		assertThat(b.text("h1 .status")).isEqualTo("办理中");
		b.select("#result", result).type("#text", text);
		b.screenshot("14-handler-replies");
		b.click("form.reply button[type=submit]");
		assertThat(b.text("h1 .status")).isEqualTo("已答复待审核");
	}

	private void assessorApproves(Browser b, LoopFixture f, String detail) {
		b.signOut().signIn(f.assessorName, "password-123").go(detail.replace("http://localhost:" + port, ""));
		b.screenshot("15-assessor-reviews");
		b.click("form.review button.approve");
		assertThat(b.text("h1 .status")).isEqualTo("已反馈待评价");
	}
}
