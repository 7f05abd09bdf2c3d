package org.lianluo.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 point 6: a 联系清单 imported from a sheet, all rows or none, each bad row named by its number with a
 * Chinese reason; a pair taken off the list.
 */
@LianluoTest
class ContactPlanSheetTests {

	@LocalServerPort
	int port;

	@Test
	void aSheetWithABadRowImportsNothingAndNamesTheRowThenTheGoodSheetImportsEveryPair() throws Exception {
		String u = UUID.randomUUID().toString().substring(0, 6);
		Api admin = Staff.admin(port);
		String member = "韦委员" + u;
		String memberId = Staff.id(admin.post("/api/v1/deputies", Map.of("name", member, "gender", "MALE", "levels",
				List.of("CITY"), "regionCode", "451022", "committeeMember", true))).toString();
		String plain = "黄代表" + u;
		Staff.id(admin.post("/api/v1/deputies", Map.of("name", plain, "gender", "FEMALE", "levels", List.of("COUNTY"),
				"regionCode", "451022100")));
		String other = "农代表" + u;
		Staff.id(admin.post("/api/v1/deputies", Map.of("name", other, "gender", "MALE", "levels", List.of("COUNTY"),
				"regionCode", "451022101")));
		Api assessor = Staff.user(port, "451000", "ASSESSOR");

		byte[] bad = sheet(List.of(List.of(2026, member, plain, 3), List.of(2026, member, "查无此人" + u, 2),
				List.of(2026, plain, other, 2), List.of(2026, member, other, "每月")));
		Response refused = Staff.upload(assessor, "/api/v1/import/contact-plans", "联系清单.xlsx", bad);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
		JsonNode report = refused.json();
		assertThat(report.get("imported").asInt()).isZero();
		assertThat(report.get("rejected")).hasSize(3);
		assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(report.get("rejected").get(0).get("errors").get(0).asText()).isEqualTo("「联系代表」：找不到名为“查无此人" + u + "”的代表。");
		assertThat(report.get("rejected").get(1).get("row").asInt()).isEqualTo(4);
		assertThat(report.get("rejected").get(1).get("errors").get(0).asText()).contains(plain).contains("不是常委会组成人员");
		assertThat(report.get("rejected").get(2).get("row").asInt()).isEqualTo(5);
		assertThat(report.get("rejected").get(2).get("errors").get(0).asText()).startsWith("「年度联系次数」：");
		assertThat(pairs(assessor, memberId)).as("all or nothing").isEmpty();

		Response missing = Staff.upload(assessor, "/api/v1/import/contact-plans", "联系清单.xlsx",
				sheet(List.of(List.of(2026, member, plain, 3)), List.of("年度", "常委会组成人员", "年度联系次数")));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("detail").asText() + missing.body()).contains("联系代表");
		assertThat(Staff.upload(Staff.user(port, "451000", "LEADER"), "/api/v1/import/contact-plans", "联系清单.xlsx", bad)
			.status()).isEqualTo(403);

		byte[] good = sheet(List.of(List.of(2026, member, plain, 3), List.of(2026, member, other, "")));
		JsonNode imported = Staff.upload(assessor, "/api/v1/import/contact-plans", "联系清单.xlsx", good).json();
		assertThat(imported.get("imported").asInt()).isEqualTo(2);
		List<JsonNode> listed = pairs(assessor, memberId);
		assertThat(listed).extracting(p -> p.get("deputyName").asText() + ":" + p.get("target").asInt())
			.containsExactlyInAnyOrder(plain + ":3", other + ":2");

		String otherId = listed.stream().filter(p -> p.get("deputyName").asText().equals(other)).findFirst().orElseThrow()
			.get("deputyId").asText();
		assertThat(assessor.delete("/api/v1/contact-plans?year=2026&member=" + memberId + "&deputy=" + otherId).status())
			.isEqualTo(204);
		assertThat(pairs(assessor, memberId)).extracting(p -> p.get("deputyName").asText()).containsExactly(plain);
		assertThat(assessor.delete("/api/v1/contact-plans?year=2026&member=" + memberId + "&deputy=" + otherId).status())
			.isEqualTo(404);
	}

	private static List<JsonNode> pairs(Api api, String memberId) {
		JsonNode completion = api.get("/api/v1/contact-plans/completion?region=451000&year=2026").json();
		java.util.ArrayList<JsonNode> found = new java.util.ArrayList<>();
		completion.get("byMember").forEach(m -> {
			if (m.get("memberId").asText().equals(memberId)) {
				m.get("pairs").forEach(found::add);
			}
		});
		return found;
	}

	static byte[] sheet(List<List<Object>> rows) throws Exception {
		return sheet(rows, List.of("年度", "常委会组成人员", "联系代表", "年度联系次数"));
	}

	static byte[] sheet(List<List<Object>> rows, List<String> headers) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("联系清单");
			Row header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			for (int i = 0; i < rows.size(); i++) {
				Row row = sheet.createRow(i + 1);
				for (int c = 0; c < headers.size() && c < rows.get(i).size(); c++) {
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
