package org.lianluo.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff's .docx summary of a consultation: counts per article and the adoption marks, no names or phones. */
@LianluoTest
class ConsultationSummaryDocumentTests {

	@LocalServerPort
	int port;

	@Test
	void theSummaryCountsEachArticlesCommentsAndShowsTheirAdoptionMarks() throws Exception {
		String username = Staff.unique("a");
		assertThat(Staff.admin(port).post("/api/v1/users", Map.of("username", username, "displayName", "法工委", "password",
				"password-123", "roles", List.of("ASSESSOR"), "regionCode", "451000")).status()).isEqualTo(201);
		Api assessor = new Api(port).as(username, "password-123");
		String id = assessor.post("/api/v1/consultations", ConsultationApiTests.draft("451000", LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(10))).json().get("id").asText();
		assessor.post("/api/v1/consultations/" + id + "/publish", Map.of());
		Api citizen = new Api(port);
		String c1 = citizen.post("/api/v1/public/consultations/" + id + "/comments", Map.of("articleNumber", 3, "text", "建议村规民约报乡镇备案。",
				"name", "农美兰", "phone", "13977776666")).json().get("trackingCode").asText();
		citizen.post("/api/v1/public/consultations/" + id + "/comments", Map.of("articleNumber", 3, "text", "建议明确奖惩办法。"));
		citizen.post("/api/v1/public/consultations/" + id + "/comments", Map.of("articleNumber", 3, "text", "广告内容"));
		citizen.post("/api/v1/public/consultations/" + id + "/comments", Map.of("text", "整体赞成，建议尽快出台。"));
		var comments = assessor.get("/api/v1/consultations/" + id + "/comments").json().get("items");
		for (var c : comments) {
			String text = c.get("text").asText();
			String cid = c.get("id").asText();
			if (text.equals("建议村规民约报乡镇备案。")) {
				assessor.post("/api/v1/consultations/comments/" + cid + "/adoption", Map.of("adoption", "ADOPTED", "note", "已写入第三条第二款"));
			}
			else if (text.equals("建议明确奖惩办法。")) {
				assessor.post("/api/v1/consultations/comments/" + cid + "/adoption", Map.of("adoption", "PARTLY_ADOPTED"));
			}
			else if (text.equals("广告内容")) {
				assessor.post("/api/v1/consultations/comments/" + cid + "/hide", Map.of("reason", "与草案无关的广告"));
			}
		}

		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + username + "&password=password-123&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/manage/consultations/" + id + "/summary.docx")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
		assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".docx");

		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
			XWPFTable table = doc.getTables().get(0);
			assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("条款");
			// the whole draft and articles 1, 2 and 3
			assertThat(table.getRows()).hasSize(5);
			List<String> whole = cells(table, 1);
			List<String> third = cells(table, 4);
			assertThat(whole).containsExactly("草案整体", "1", "0", "0", "0", "0", "1");
			assertThat(third).containsExactly("第3条", "3", "1", "1", "1", "0", "0");
			assertThat(cells(table, 2)).containsExactly("第1条", "0", "0", "0", "0", "0", "0");
			String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("共收到意见 4 条，其中屏蔽 1 条。")
				.contains("建议村规民约报乡镇备案。【采纳，说明：已写入第三条第二款】")
				.contains("建议明确奖惩办法。【部分采纳】")
				.contains("整体赞成，建议尽快出台。【未标注】")
				.doesNotContain("广告内容")
				.doesNotContain("农美兰")
				.doesNotContain("13977776666")
				.doesNotContain(c1);
		}
		assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/manage/consultations/" + java.util.UUID.randomUUID() + "/summary.docx"))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
	}

	private static List<String> cells(XWPFTable table, int row) {
		return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
	}
}
