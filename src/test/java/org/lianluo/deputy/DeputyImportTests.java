package org.lianluo.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.download;
import static org.lianluo.Staff.headers;
import static org.lianluo.Staff.upload;
import static org.lianluo.Staff.unique;
import static org.lianluo.Staff.user;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@LianluoTest
class DeputyImportTests {

	static final List<String> HEADERS = List.of("姓名", "性别", "民族", "出生年份", "政治面貌", "职业类别", "工作单位", "职务",
			"代表层级", "区域代码", "代表团", "选区", "常委会职务", "手机号");

	static final String[] ETHNICITIES = { "壮族", "壮族", "壮族", "汉族", "汉族", "瑶族", "苗族" };

	static final String[] REGIONS = { "451022", "451022100", "451022105", "451002", "451081", "451082101" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A deputy sheet of {@code rows} rows whose names start with {@code prefix}; row {@code bad} (1-based data row) has an unknown ethnicity. */
	static byte[] sheet(String prefix, int rows, int bad) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("代表");
			Row header = sheet.createRow(0);
			for (int c = 0; c < HEADERS.size(); c++) {
				header.createCell(c).setCellValue(HEADERS.get(c));
			}
			for (int i = 1; i <= rows; i++) {
				Row row = sheet.createRow(i);
				String region = REGIONS[i % REGIONS.length];
				List<Object> values = List.of(prefix + i, i % 2 == 0 ? "女" : "男", i == bad ? "火星族" : ETHNICITIES[i % ETHNICITIES.length],
						1950 + i % 50, "中共党员", "农民", "某合作社", "理事长", region.length() == 9 ? "乡镇人大" : "县级人大、市人大",
						region, "代表团" + i % 7, "第" + i % 30 + "选区", i % 50 == 0 ? "委员" : "", String.format("139%08d", i));
				for (int c = 0; c < values.size(); c++) {
					if (values.get(c) instanceof Integer n) {
						row.createCell(c).setCellValue(n);
					}
					else {
						row.createCell(c).setCellValue(values.get(c).toString());
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	long count(String prefix) {
		return jdbc.sql("select count(*) from deputy where name like ?").param(prefix + "%").query(Long.class).single();
	}

	@Test
	void aTwoThousandRowSheetWithOneBadRowImportsNothingThenPartiallyThenDuplicatesNothing() throws Exception {
		String prefix = unique("导");
		byte[] file = sheet(prefix, 2000, 1234);
		Api admin = admin(port);

		Api.Response strict = upload(admin, "/api/v1/import/deputies", "deputies.xlsx", file);
		assertThat(strict.status()).as(strict.toString()).isEqualTo(200);
		assertThat(strict.json().get("imported").asInt()).isZero();
		assertThat(strict.json().get("rejected")).hasSize(1);
		JsonNode rejected = strict.json().get("rejected").get(0);
		assertThat(rejected.get("row").asInt()).isEqualTo(1235);
		assertThat(rejected.get("errors").get(0).asText()).startsWith("「民族」：").contains("56 个民族");
		assertThat(count(prefix)).isZero();

		long started = System.nanoTime();
		Api.Response partial = upload(admin, "/api/v1/import/deputies?partial=true", "deputies.xlsx", file);
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(partial.json().get("imported").asInt()).as(partial.body().substring(0, Math.min(500, partial.body().length()))).isEqualTo(1999);
		assertThat(partial.json().get("rejected")).hasSize(1);
		assertThat(count(prefix)).isEqualTo(1999);
		System.out.printf("%n*** IMPORT PERFORMANCE: 2,000-row deputy sheet (1,999 imported, each with 1-2 seats) in %.2f s = %.0f rows/second ***%n%n",
				seconds, 2000 / seconds);

		Api.Response again = upload(admin, "/api/v1/import/deputies?partial=true", "deputies.xlsx", file);
		assertThat(again.json().get("imported").asInt()).isZero();
		assertThat(again.json().get("rejected")).hasSize(2000);
		assertThat(again.json().get("rejected").get(0).get("errors").get(0).asText()).contains("未重复登记");
		assertThat(count(prefix)).isEqualTo(1999);

		assertThat(jdbc.sql("select count(*) from deputy d where name like ? and phone_cipher is not null")
			.param(prefix + "%").query(Long.class).single()).isEqualTo(1999);
		assertThat(jdbc.sql("select count(*) from deputy d where name like ? and (d.phone_cipher ~ '1[3-9][0-9]{9}' or d.name ~ '1[3-9][0-9]{9}' or d.phone_hash ~ '^1[3-9][0-9]{9}$')")
			.param(prefix + "%").query(Long.class).single()).isZero();
	}

	@Test
	void aTwentyThousandRowSheetGoesInWholeOrNotAtAllWithItsPhonesEncryptedAndItsHistory() throws Exception {
		String prefix = unique("万");
		Api admin = admin(port);
		Api.Response strict = upload(admin, "/api/v1/import/deputies", "deputies.xlsx", sheet(prefix, 20_000, 19_999));
		assertThat(strict.json().get("imported").asInt()).as(strict.toString()).isZero();
		assertThat(strict.json().get("rejected")).hasSize(1);
		assertThat(strict.json().get("rejected").get(0).get("row").asInt()).isEqualTo(20_000);
		assertThat(count(prefix)).isZero();

		byte[] file = sheet(prefix, 20_000, -1);
		long started = System.nanoTime();
		Api.Response all = upload(admin, "/api/v1/import/deputies", "deputies.xlsx", file);
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(all.json().get("imported").asInt()).as(all.body().substring(0, Math.min(500, all.body().length()))).isEqualTo(20_000);
		long parsing = System.nanoTime();
		org.lianluo.platform.Sheets.read(file);
		double parsed = (System.nanoTime() - parsing) / 1e9;
		System.out.printf("%n*** IMPORT PERFORMANCE: 20,000-row deputy sheet (each with 1-2 seats and a history entry) in %.2f s = %.0f rows/second"
				+ " (reading the .xlsx alone, again: %.2f s) ***%n%n", seconds, 20_000 / seconds, parsed);
		assertThat(count(prefix)).isEqualTo(20_000);
		assertThat(jdbc.sql("select count(*) from deputy_change c join deputy d on d.id = c.deputy_id where d.name like ? and c.action = 'IMPORTED'")
			.param(prefix + "%").query(Long.class).single()).isEqualTo(20_000);
		assertThat(jdbc.sql("select count(*) from deputy d where name like ? and phone_cipher is not null and phone_cipher !~ '1[3-9][0-9]{9}'")
			.param(prefix + "%").query(Long.class).single()).isEqualTo(20_000);
		assertThat(jdbc.sql("select count(*) from deputy_seat s join deputy d on d.id = s.deputy_id where d.name like ?")
			.param(prefix + "%").query(Long.class).single()).isGreaterThan(20_000);
	}

	@Test
	void readsCsvInUtf8OrGb18030AndRefusesWhatIsNotASheet() throws Exception {
		String prefix = unique("表");
		String csv = "姓名,性别,民族,代表层级,区域代码,手机号\n" + prefix + "1,男,瑶族,县级人大,451022,13900000001\n"
				+ "\"" + prefix + "2\",女,壮族,\"乡镇人大,县级人大\",451022105,\n";
		Api admin = admin(port);
		Api.Response utf8 = upload(admin, "/api/v1/import/deputies", "a.csv", ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
		assertThat(utf8.json().get("imported").asInt()).as(utf8.toString()).isEqualTo(2);
		String other = unique("表");
		Api.Response gbk = upload(admin, "/api/v1/import/deputies", "b.csv", csv.replace(prefix, other).getBytes(Charset.forName("GB18030")));
		assertThat(gbk.json().get("imported").asInt()).as(gbk.toString()).isEqualTo(2);
		assertThat(admin.get("/api/v1/deputies?ethnicity=YAO&q=" + other).json().get("total").asInt()).isEqualTo(1);

		Api.Response png = upload(admin, "/api/v1/import/deputies", "fake.csv", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2 });
		assertThat(png.status()).isEqualTo(415);
		assertThat(png.json().get("detail").asText()).contains(".xlsx 或 .csv");
		Api.Response columns = upload(admin, "/api/v1/import/deputies", "c.csv", "名字,性别\n张三,男\n".getBytes(StandardCharsets.UTF_8));
		assertThat(columns.status()).isEqualTo(400);
		assertThat(columns.json().get("errors").get(0).get("message").asText()).contains("姓名", "代表层级", "区域代码");
	}

	@Test
	void aCountyUserCannotImportIntoAnotherCounty() throws Exception {
		String prefix = unique("界");
		String csv = "姓名,性别,代表层级,区域代码\n" + prefix + "1,男,县级人大,451022\n" + prefix + "2,男,县级人大,451081\n";
		Api county = user(port, "451022", "ASSESSOR");
		Api.Response r = upload(county, "/api/v1/import/deputies", "a.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(r.json().get("imported").asInt()).isZero();
		assertThat(r.json().get("rejected").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(r.json().get("rejected").get(0).get("errors").get(0).asText()).contains("「区域代码」", "管辖范围");
		assertThat(count(prefix)).isZero();
	}

	@Test
	void theTemplateHasChineseHeadersAndTheExportMasksPhones() throws Exception {
		Api admin = admin(port);
		List<String> headers = headers(download(admin, "/api/v1/import/deputies/template"));
		assertThat(headers).startsWith("姓名*", "性别*", "民族").contains("代表层级*", "区域代码", "手机号");

		String prefix = unique("出");
		upload(admin, "/api/v1/import/deputies", "a.csv", ("姓名,性别,代表层级,区域代码,手机号\n" + prefix + ",男,县级人大,451022,13912345678\n")
			.getBytes(StandardCharsets.UTF_8));
		byte[] export = download(admin, "/api/v1/deputies/export?q=" + prefix);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			Row row = book.getSheetAt(0).getRow(1);
			List<String> cells = new ArrayList<>();
			row.forEach(c -> cells.add(new DataFormatter().formatCellValue(c)));
			assertThat(cells).contains(prefix, "男", "县级人大", "451022", "田东县", "139****5678").doesNotContain("13912345678");
		}
	}

}
