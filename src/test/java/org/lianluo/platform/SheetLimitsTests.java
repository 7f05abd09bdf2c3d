package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.unique;
import static org.lianluo.Staff.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18, point 8: a sheet that would exhaust the server is refused before anything is imported, with a Chinese
 * message and never a 500: a zip bomb dressed as .xlsx, a sheet of 101 columns (as .xlsx and as .csv), a file over
 * the size bound. The registries' imports (deputies, stations, units) all read through {@link Sheets}.
 */
@LianluoTest
class SheetLimitsTests {

	private static final List<String> IMPORTS = List.of("/api/v1/import/deputies", "/api/v1/import/stations",
			"/api/v1/import/units");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aZipBombIsRefusedWith400AndNothingIsImported() throws IOException {
		String name = unique("炸");
		byte[] bomb = bomb(name);
		assertThat(bomb.length).as("small on the wire").isLessThan(400_000);
		Api admin = admin(port);
		for (String path : IMPORTS) {
			Api.Response r = upload(admin, path, "bomb.xlsx", bomb);
			assertThat(r.status()).as(path + " " + r).isEqualTo(400);
			assertThat(r.json().get("errors").get(0).get("message").asText()).as(r.toString()).contains("解压后过大");
		}
		assertNothingNamed(name);
	}

	@Test
	void aSheetOf101ColumnsIsRefusedWith400AsXlsxAndAsCsv() throws IOException {
		String name = unique("列");
		StringBuilder csv = new StringBuilder("姓名,性别,代表层级,区域代码,名称,地址");
		for (int c = 6; c < 101; c++) {
			csv.append(",备注").append(c);
		}
		csv.append('\n').append(name).append(",男,县级人大,451022,").append(name).append(",某路1号\n");
		Api admin = admin(port);
		for (String path : IMPORTS) {
			for (Api.Response r : List.of(upload(admin, path, "wide.csv", csv.toString().getBytes(StandardCharsets.UTF_8)),
					upload(admin, path, "wide.xlsx", xlsx(csv.toString())))) {
				assertThat(r.status()).as(path + " " + r).isEqualTo(400);
				assertThat(r.json().get("errors").get(0).get("message").asText()).as(r.toString()).contains("列数过多", "100");
			}
		}
		assertNothingNamed(name);

		// 100 columns are still a sheet: the import reads it (and finds nothing wrong with the extra columns).
		String hundred = csv.toString().replace(",备注100\n", "\n");
		Api.Response ok = upload(admin, "/api/v1/import/deputies", "wide.csv", hundred.getBytes(StandardCharsets.UTF_8));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		assertThat(ok.json().get("imported").asInt()).as(ok.toString()).isEqualTo(1);
	}

	@Test
	void aFileOverTheBoundIsRefusedWith413BeforeItIsRead() {
		String name = unique("大");
		StringBuilder csv = new StringBuilder("姓名,性别,代表层级,区域代码\n" + name + ",男,县级人大,451022\n");
		while (csv.length() <= Sheets.MAX_BYTES) {
			csv.append(",,,\n");
		}
		Api.Response r = upload(admin(port), "/api/v1/import/deputies", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.toString()).isEqualTo(413);
		assertThat(r.json().get("detail").asText()).contains("10 MB");
		assertNothingNamed(name);
	}

	private void assertNothingNamed(String name) {
		assertThat(jdbc.sql("select (select count(*) from deputy where name = ?) + (select count(*) from station where name = ?)"
				+ " + (select count(*) from handling_unit where name = ?)").params(name, name, name).query(Long.class).single())
			.isZero();
	}

	/** A real .xlsx whose sheet is a few rows and then 60 MB of blanks, which deflate a thousand times. */
	static byte[] bomb(String name) throws IOException {
		byte[] plain = xlsx("姓名,性别,代表层级,区域代码,名称,地址\n" + name + ",男,县级人大,451022," + name + ",某路1号\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain)); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] data = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(data, StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
					zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
					for (int i = 0; i < 60; i++) {
						zip.write(blanks);
					}
					zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(data);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/** The rows of a small csv text (no quotes) as an .xlsx. */
	static byte[] xlsx(String csv) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("导入");
			String[] lines = csv.split("\n");
			for (int r = 0; r < lines.length; r++) {
				Row row = sheet.createRow(r);
				String[] cells = lines[r].split(",", -1);
				for (int c = 0; c < cells.length; c++) {
					row.createCell(c).setCellValue(cells[c]);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}
}
