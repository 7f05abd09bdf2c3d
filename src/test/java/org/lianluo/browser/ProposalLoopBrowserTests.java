package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
			assertThat(b.find("#title").getAttribute("value")).as("an empty form").isEmpty();
			assertThat(b.find("#content").getAttribute("value")).isEmpty();
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
			b.go("/proposals/overdue?session=" + f.sessionId);
			assertThat(b.text(".overdue-total")).contains("0");
			b.screenshot("39-overdue-board");

			b.signOut().go("/public/proposals?county=451022");
			assertThat(b.text("ul.public-proposals")).contains("关于改造祥周镇至林逢镇公路的建议", "已追加资金，本年内动工改造。")
				.doesNotContain(f.deputyName);
			b.screenshot("40-public-replies");
		}
	}

	/** The office assigns a proposal SEPARATE to two units on its screen; the second unit replies for its own part. */
	@Test
	void assessorAssignsSeparatelyToTwoUnitsAndTheSecondUnitRepliesForItsPart() {
		ProposalFixture f = new ProposalFixture(port);
		String id = f.draft("关于治理右江支流水质的建议");
		f.step(f.deputy, id, "submit", java.util.Map.of());
		f.step(f.assessor, id, "register", java.util.Map.of());
		String detail = "/proposals/" + id;
		try (Browser b = Browser.open(port)) {
			signIn(b, "assessor" + f.u).go(detail);
			b.select("#mode", "SEPARATE").select("#unitIds", f.unitId).select("#unitIds", f.otherUnitId);
			b.screenshot("41-assessor-assigns-separately");
			b.click("form.assign button[type=submit]");
			assertThat(b.text("h1 .status")).isEqualTo("已交办");
			assertThat(b.text("ul.separate-units")).contains("田东县交通运输局" + f.u, "田东县水利局" + f.u);
			b.go("/proposals?q=右江支流");
			assertThat(b.text("table.proposals tbody .separate-units")).isEqualTo("田东县交通运输局" + f.u + "、田东县水利局" + f.u);

			signIn(b.signOut(), "water" + f.u).go("/proposals");
			assertThat(b.text("table.proposals tbody")).contains("关于治理右江支流水质的建议");
			b.go(detail).click("form.accept button");
			b.select("#method", "MEETING").type("#contactNote", "召开座谈会听取代表意见").click("form.contact button[type=submit]");
			b.select("#replyClass", "B").type("#text", "已将支流治理列入明年水利计划。").click("form.reply button[type=submit]");
			String water = "ul.separate-units li[data-unit='" + f.otherUnitId + "']";
			assertThat(b.text(water)).contains("已答复", "已将支流治理列入明年水利计划。");
			assertThat(b.text("ul.separate-units li[data-unit='" + f.unitId + "']")).contains("已交办");
			assertThat(b.text("h1 .status")).as("the roads unit has not replied").isEqualTo("办理中");
			assertThat(b.text("ol.timeline")).contains("田东县水利局" + f.u, "已答复");
			b.screenshot("42-second-unit-replied-for-its-part");
		}
	}

	/** A deputy drafts a proposal on the page of an opinion the office turned over to them (转化为代表建议). */
	@Test
	void aDeputyDraftsAProposalFromAnOpinionTheOfficeTurnedOverToThem() {
		ProposalFixture f = new ProposalFixture(port);
		String words = "祥周镇农贸市场没有公共厕所，赶集的群众很不方便。";
		String opinionId = f.assessor.post("/api/v1/opinions", java.util.Map.of("content", words, "regionCode", "451022101",
				"channel", "LETTER")).json().get("id").asText();
		assertThat(f.assessor.post("/api/v1/opinions/" + opinionId + "/triage",
				java.util.Map.of("route", "TO_PROPOSAL", "deputyId", f.deputyId)).status()).isEqualTo(200);
		try (Browser b = Browser.open(port)) {
			signIn(b, "deputy" + f.u).go("/opinions/" + opinionId);
			assertThat(b.text("h1 .status")).isEqualTo("已转为代表建议");
			b.click("a.draft-proposal");
			assertThat(b.text(".source-opinion")).isEqualTo(words);
			assertThat(b.find("#title").getAttribute("value")).isEmpty();
			assertThat(b.find("#content").getAttribute("value")).isEqualTo(words);
			b.select("#sessionId", f.sessionId).type("#title", "关于在祥周镇农贸市场建设公共厕所的建议");
			b.type("#content", words + "建议镇政府年内选址建设。");
			b.screenshot("43-deputy-drafts-from-an-opinion");
			b.click("form.draft button[type=submit]");
			assertThat(b.text("h1 .status")).isEqualTo("草稿");
			assertThat(b.text("dd.content")).isEqualTo(words + "建议镇政府年内选址建设。");

			b.go("/proposals/new?opinion=" + opinionId);
			assertThat(b.text("[role=status]")).contains("该意见已起草过代表建议");
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector("form.draft"))).isEmpty();
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
		b.select("#replyClass", replyClass).type("#text", text).click("input[name=publish]").click("form.reply button[type=submit]");
		assertThat(b.text("h1 .status")).isEqualTo("已答复");
		assertThat(b.text(".reply")).contains("答复公开");
		if (first) {
			b.find("#file").sendKeys(signedLetter().toString());
			b.click("form.document button[type=submit]");
			assertThat(b.text(".reply-document")).contains("交通运输局答复函.pdf");
			b.screenshot("35a-unit-uploaded-reply-letter");
		}
	}

	/** A small PDF as the scanned, signed reply letter. */
	private static Path signedLetter() {
		try {
			Path dir = Files.createDirectories(Path.of("target", "browser-files"));
			return Files.write(dir.resolve("交通运输局答复函.pdf"),
					"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
				.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deputyRates(Browser b, ProposalFixture f, String detail, String grade) {
		signIn(b.signOut(), "deputy" + f.u).go(detail);
		assertThat(b.text(".reply")).contains("类");
		b.click("input[name=grade][value=" + grade + "]").type("#comment", grade.equals("SATISFIED") ? "满意" : "完成时间太晚")
			.click("form.evaluate button[type=submit]");
	}
}
