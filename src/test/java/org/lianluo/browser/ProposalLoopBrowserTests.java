package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.proposal.ProposalFixture;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One proposal from draft to CLOSED in a browser, through an UNSATISFIED re-handling: deputy, assessor, unit, deputy. */
@LianluoTest
class ProposalLoopBrowserTests {

	private static final String PASSWORD = "password-123";

	@LocalServerPort
	int port;

	@Test
	void deputyAssessorAndUnitCloseAProposalAfterRehandling() {
		ProposalFixture f = new ProposalFixture(port);
		try (Browser b = Browser.open(port)) {
			signIn(b, "deputy" + f.u).go("/proposals").click("a[href='/proposals/new']");
			b.go("/proposals/new?session=" + f.sessionId)
				.type("#title", "关于改造祥周镇至林逢镇公路的建议")
				.type("#content", "祥周镇至林逢镇公路路面破损严重，雨季通行困难。建议县交通运输局将该路段列入明年县道改造计划并安排资金。");
			b.screenshot("30-deputy-drafts");
			b.click("form.draft button[type=submit]");
			assertThat(b.text("h1 .status")).isEqualTo("草稿");
			b.click("form.submit button");
			assertThat(b.text("h1 .status")).isEqualTo("已提交");
			String detail = b.driver().getCurrentUrl().replace("http://localhost:" + port, "");
			b.screenshot("31-deputy-submitted");

			signIn(b.signOut(), "assessor" + f.u).go("/proposals?view=registration&q=" + "祥周镇至林逢镇");
			assertThat(b.text("table.proposals tbody")).contains("关于改造祥周镇至林逢镇公路的建议", f.deputyName);
			b.screenshot("32-registration-queue");
			b.go(detail).click("form.register button");
			assertThat(b.text("h1 .status")).isEqualTo("已立案");
			assertThat(b.text(".number")).isEqualTo("第001号");
			assertThat(b.text(".session")).startsWith("田东县人大第");
			b.select("#mode", "LEAD").select("#leadUnitId", f.unitId).select("#assistingUnitIds", f.otherUnitId);
			b.screenshot("33-assessor-assigns");
			b.click("form.assign button[type=submit]");
			assertThat(b.text("h1 .status")).isEqualTo("已交办");
			assertThat(b.text(".lead-unit")).contains("主办协办", "田东县交通运输局");

			unitReplies(b, f, detail, true, "B", "已将该路段列入 2027 年县道改造计划。");
			b.screenshot("35-unit-replied");
			deputyRates(b, f, detail, "UNSATISFIED");
			assertThat(b.text("h1 .status")).isEqualTo("重新办理中");
			b.screenshot("36-deputy-unsatisfied");

			unitReplies(b, f, detail, false, "A", "已追加资金，本年内动工改造。");
			deputyRates(b, f, detail, "SATISFIED");
			assertThat(b.text("h1 .status")).isEqualTo("已办结");
			assertThat(b.text(".grade")).startsWith("满意");
			assertThat(b.text("ol.timeline")).contains("重新办理中", "与代表沟通", "已办结");
			b.screenshot("37-deputy-closed");

			signIn(b.signOut(), "assessor" + f.u).go("/proposals/kpis?session=" + f.sessionId);
			assertThat(b.text(".registered")).contains("1");
			assertThat(b.text("tr.total")).startsWith("合计 1 1 100.0% 100.0% 100.0% 100.0% 100.0% 100.0%");
			b.screenshot("38-proposal-figures");
		}
	}

	/** Signs in and waits for the dashboard, so that the next page is asked for with the new session. */
	private static Browser signIn(Browser b, String username) {
		b.signIn(username, PASSWORD).find(".user-name");
		return b;
	}

	private void unitReplies(Browser b, ProposalFixture f, String detail, boolean first, String replyClass, String text) {
		signIn(b.signOut(), "handler" + f.u).go("/proposals");
		assertThat(b.text("table.proposals tbody")).contains("关于改造祥周镇至林逢镇公路的建议");
		b.go(detail);
		if (first) {
			b.screenshot("34-unit-workbench");
			b.click("form.accept button");
			assertThat(b.text("h1 .status")).isEqualTo("办理中");
			b.select("#replyClass", replyClass).type("#text", text).click("form.reply button[type=submit]");
			assertThat(b.text(".alert.error")).contains("沟通");
		}
		b.select("#method", "FACE_TO_FACE").type("#contactNote", "到祥周镇与代表面商").click("form.contact button[type=submit]");
		b.select("#replyClass", replyClass).type("#text", text).click("form.reply button[type=submit]");
		assertThat(b.text("h1 .status")).isEqualTo("已答复");
	}

	private void deputyRates(Browser b, ProposalFixture f, String detail, String grade) {
		signIn(b.signOut(), "deputy" + f.u).go(detail);
		assertThat(b.text(".reply")).contains("类");
		b.click("input[name=grade][value=" + grade + "]").type("#comment", grade.equals("SATISFIED") ? "满意" : "完成时间太晚")
			.click("form.evaluate button[type=submit]");
	}
}
