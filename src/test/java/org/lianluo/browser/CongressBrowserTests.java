package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.proposal.ProposalFixture;
import org.lianluo.region.WorkingCalendar;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 21 points 5–7 on screens: a special committee takes a proposal under key supervision, instructs, invites a
 * deputy and concludes, while the unit reads the instructions; the office records an upward proposal with its target
 * session and a 联系清单 by hand and by sheet; a proposal not registered tells its deputy what it became.
 */
@LianluoTest
class CongressBrowserTests {

	private static final String PASSWORD = "password-123";

	@LocalServerPort
	int port;

	@Test
	void aCommitteeSupervisesAProposalTheUnitReadsTheInstructionsAndAnInvitedDeputyTakesPart() {
		ProposalFixture f = new ProposalFixture(port);
		f.user("nongwei", "451000", "ASSESSOR", null, null);
		String invitedName = "覃代表" + f.u;
		String invitedId = ProposalFixture.id(f.admin.post("/api/v1/deputies", Map.of("name", invitedName, "gender", "FEMALE",
				"levels", List.of("COUNTY"), "regionCode", "451022100")));
		f.user("qin", "451022", "DEPUTY", null, invitedId);
		String proposal = f.registered("关于改造那满镇农村公路的建议");
		f.step(f.assessor, proposal, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));
		try (Browser b = Browser.open(port)) {
			b.signIn("assessor" + f.u, PASSWORD).go("/committees/new");
			b.type("#name", "农业与农村委员会" + f.u).click("input[name=categories][value=AGRICULTURE]");
			b.type("#subjects", "公路，水利").type("#members", "nongwei" + f.u);
			b.screenshot("60-committee-form");
			b.click("form.committee-form button[type=submit]");
			assertThat(b.text("[role=status]")).isEqualTo("已保存。");
			b.go("/committees");
			assertThat(b.text("table.committees")).contains("农业与农村委员会" + f.u, "农业", "公路、水利", "测试nongwei" + f.u);
			b.screenshot("61-committees");

			b.signOut().signIn("nongwei" + f.u, PASSWORD).go("/proposals/" + proposal);
			b.find("form.take-key-supervision");
			b.type("#ks-topic", "农村公路建设").type("#ks-instruction", "请县交通运输局一个月内拿出改造方案，报委员会审阅。");
			b.screenshot("62-committee-takes-the-proposal");
			b.click("form.take-key-supervision button[type=submit]");
			assertThat(b.text("h1 .status")).isEqualTo("督办中");
			assertThat(b.text("dd.committee")).isEqualTo("农业与农村委员会" + f.u);
			b.type("#deputyName", invitedName).click("form.invite button[type=submit]");
			assertThat(b.text("dd.deputies")).isEqualTo(invitedName);
			b.type("#text", "方案须征求沿线群众意见，请代表全程参与。").click("form.instruct button[type=submit]");
			assertThat(b.text("ol.instructions")).contains("请县交通运输局一个月内拿出改造方案", "方案须征求沿线群众意见");
			String supervision = b.driver().getCurrentUrl().replace("http://localhost:" + port, "");
			b.screenshot("63-instructions-and-invited-deputy");

			b.signOut().signIn("handler" + f.u, PASSWORD).go("/proposals/" + proposal);
			assertThat(b.text("section.key-supervision-panel")).contains("重点督办", "农村公路建设", "农业与农村委员会" + f.u,
					"请县交通运输局一个月内拿出改造方案，报委员会审阅。", "方案须征求沿线群众意见，请代表全程参与。");
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector("form.take-key-supervision"))).isEmpty();
			b.screenshot("64-unit-reads-the-instructions");

			b.signOut().signIn("qin" + f.u, PASSWORD).go("/key-supervisions");
			assertThat(b.text("table.key-supervisions")).contains("农村公路建设", "关于改造那满镇农村公路的建议");
			b.go(supervision);
			assertThat(b.text("ol.instructions")).contains("方案须征求沿线群众意见");
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector("form.instruct"))).isEmpty();
			assertThat(b.text("dd.committee")).isEqualTo("农业与农村委员会" + f.u);
			assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector("dd.item a"))).as("not their proposal").isEmpty();
			b.screenshot("65-invited-deputy-follows");

			b.signOut().signIn("nongwei" + f.u, PASSWORD).go(supervision);
			b.type("#conclusion", "改造已列入2027年县道计划，督办办结。").click("form.conclude button[type=submit]");
			assertThat(b.text("h1 .status")).isEqualTo("已办结");
			assertThat(b.text("dd.conclusion")).startsWith("改造已列入2027年县道计划，督办办结。");
			b.screenshot("66-supervision-concluded");
		}
	}

	@Test
	void theOfficeRecordsAnUpwardProposalAContactListAndAProposalNotRegistered() throws Exception {
		ProposalFixture f = new ProposalFixture(port);
		String member = "韦委员" + f.u;
		f.admin.post("/api/v1/deputies", Map.of("name", member, "gender", "MALE", "levels", List.of("CITY"), "regionCode",
				"451022", "committeeMember", true));
		String contacted = "黄代表" + f.u;
		f.admin.post("/api/v1/deputies", Map.of("name", contacted, "gender", "FEMALE", "levels", List.of("COUNTY"),
				"regionCode", "451022100"));
		String year = String.valueOf(LocalDate.now(WorkingCalendar.ZONE).getYear());
		String letter = f.draft("关于解决个人宅基地纠纷的建议");
		f.step(f.cosigner, letter, "cosign", Map.of("confirm", true));
		f.step(f.deputy, letter, "submit", Map.of());
		try (Browser b = Browser.open(port)) {
			b.signIn("assessor" + f.u, PASSWORD).go("/proposals/upward");
			b.type("#delegation", "百色代表团").type("#regionCode", "451000").select("#targetLevel", "PROVINCIAL");
			b.type("#targetCongress", "广西壮族自治区人民代表大会").type("#targetTerm", "14").type("#targetSession", "3");
			b.type("#title", "关于支持右江河谷芒果冷链物流建设的建议" + f.u);
			b.screenshot("67-upward-form");
			b.click("form.upward-new button[type=submit]");
			assertThat(b.text("table.upward")).contains("关于支持右江河谷芒果冷链物流建设的建议" + f.u,
					"广西壮族自治区人民代表大会第14届第3次会议", "已提交");
			org.openqa.selenium.WebElement row = b.driver().findElement(org.openqa.selenium.By.xpath(
					"//table[contains(@class,'upward')]//tr[td[contains(., '关于支持右江河谷芒果冷链物流建设的建议" + f.u + "')]]"));
			row.findElement(org.openqa.selenium.By.cssSelector("details summary")).click();
			new org.openqa.selenium.support.ui.Select(row.findElement(org.openqa.selenium.By.cssSelector("select[name=status]")))
				.selectByValue("REGISTERED");
			row.findElement(org.openqa.selenium.By.cssSelector("input[name=externalNumber]")).sendKeys("第0456号");
			row.findElement(org.openqa.selenium.By.cssSelector("form.upward-status button[type=submit]")).click();
			b.find("[role=status]");
			assertThat(b.text("table.upward")).contains("第0456号", "已立案");
			b.screenshot("68-upward-list");

			b.go("/duty/contacts?year=" + year).click("details.plan-new summary");
			b.type("#memberName", member).type("#deputyNames", contacted + "，查无此人" + f.u);
			b.click("form.plan-form button[type=submit]");
			assertThat(b.text("[role=alert]")).contains("查无此人" + f.u);
			b.click("details.plan-new summary");
			b.type("#memberName", member).type("#deputyNames", contacted).type("#target", "4");
			b.click("form.plan-form button[type=submit]");
			assertThat(b.text("[role=status]")).isEqualTo("已保存。");
			b.click("details.contact-new summary");
			b.type("#cMember", member).type("#cDeputy", contacted);
			((org.openqa.selenium.JavascriptExecutor) b.driver())
				.executeScript("document.getElementById('cOn').value = arguments[0]", LocalDate.now(WorkingCalendar.ZONE).toString());
			b.select("#cMethod", "PHONE").type("#cNote", "电话了解交通建议办理进展");
			b.click("form.contact-form button[type=submit]");
			assertThat(b.text("section.contact-records")).contains(member, contacted, "电话", "电话了解交通建议办理进展");
			assertThat(b.text("main")).contains(member);
			b.screenshot("69-contact-list-on-screen");

			Path sheet = Files.createTempFile("联系清单", ".xlsx");
			Files.write(sheet, sheet(List.of(
					List.of(Integer.parseInt(year), member, contacted, 2), List.of(Integer.parseInt(year), member, "无名氏" + f.u, 2))));
			b.go("/duty/contacts/import");
			b.find("#file").sendKeys(sheet.toAbsolutePath().toString());
			b.click("#import-form button[type=submit]");
			assertThat(b.text("#import-result")).contains("第 3 行", "「联系代表」：找不到名为“无名氏" + f.u + "”的代表。");
			b.screenshot("70-contact-list-import-refused");

			b.go("/proposals/" + letter).click("input[name=notRegisteredAs][value=LETTER]");
			b.type("#reason", "属于个人诉求，转为来信办理");
			b.click("form.not-register button[type=submit]");
			b.signOut().signIn("deputy" + f.u, PASSWORD).go("/proposals/" + letter);
			assertThat(b.text("h1 .status")).isEqualTo("不予立案");
			assertThat(b.text("dd.not-registered-as")).isEqualTo("转为来信");
			assertThat(b.text("dd.not-registered-reason")).isEqualTo("属于个人诉求，转为来信办理");
			b.screenshot("71-deputy-sees-not-registered-as-letter");
		}
	}

	private static byte[] sheet(List<List<Object>> rows) throws java.io.IOException {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("联系清单");
			List<String> headers = List.of("年度", "常委会组成人员", "联系代表", "年度联系次数");
			org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			for (int i = 0; i < rows.size(); i++) {
				org.apache.poi.ss.usermodel.Row row = sheet.createRow(i + 1);
				for (int c = 0; c < rows.get(i).size(); c++) {
					Object v = rows.get(i).get(c);
					if (v instanceof Integer n) {
						row.createCell(c).setCellValue(n);
					}
					else {
						row.createCell(c).setCellValue(String.valueOf(v));
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}
}
