package org.lianluo.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.download;
import static org.lianluo.Staff.headers;
import static org.lianluo.Staff.unique;
import static org.lianluo.Staff.upload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@LianluoTest
class StationImportTests {

	@LocalServerPort
	int port;

	/** The tables' owner, who removes the 20,000 stations again (see below). */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void importsStationsAllOrNothingAndReportsDuplicates() throws Exception {
		String name = unique("田东县林逢镇人大代表联络站");
		String csv = "名称,类型,入驻服务,区域代码,共建区域代码,地址,接待日安排\n"
				+ name + ",代表联络站,法律诉讼服务,451022103,,林逢镇政府,每月10日\n"
				+ unique("跨区域站") + ",跨区域联络站,,451082,,果化镇,每周一\n";
		Api admin = admin(port);
		Api.Response strict = upload(admin, "/api/v1/import/stations", "s.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(strict.json().get("imported").asInt()).as(strict.toString()).isZero();
		assertThat(strict.json().get("rejected").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(strict.json().get("rejected").get(0).get("errors").get(0).asText()).contains("「共建区域代码」");
		assertThat(admin.get("/api/v1/stations?q=" + name).json().get("total").asInt()).isZero();

		Api.Response partial = upload(admin, "/api/v1/import/stations?partial=true", "s.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(partial.json().get("imported").asInt()).isEqualTo(1);
		assertThat(admin.get("/api/v1/stations?partner=LEGAL_SERVICE&q=" + name).json().get("total").asInt()).isEqualTo(1);
		Api.Response again = upload(admin, "/api/v1/import/stations?partial=true", "s.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again.json().get("imported").asInt()).isZero();
		assertThat(again.json().get("rejected").get(0).get("errors").get(0).asText()).contains("未重复登记");

		assertThat(headers(download(admin, "/api/v1/import/stations/template")))
			.startsWith("名称*", "类型*").contains("地址*", "接待日安排");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(admin, "/api/v1/stations/export?q=" + name)))) {
			Row row = book.getSheetAt(0).getRow(1);
			assertThat(new DataFormatter().formatCellValue(row.getCell(0))).isEqualTo(name);
			assertThat(new DataFormatter().formatCellValue(row.getCell(1))).isEqualTo("代表联络站");
		}
	}

	@Test
	void aTwentyThousandRowSheetGoesInWholeOrNotAtAllWithItsCoBuildingRegions() throws Exception {
		String prefix = unique("万站");
		Api admin = admin(port);
		Api.Response strict = upload(admin, "/api/v1/import/stations", "s.csv", stations(prefix, 20_000, 12_345));
		assertThat(strict.json().get("imported").asInt()).as(strict.toString()).isZero();
		assertThat(strict.json().get("rejected")).hasSize(1);
		assertThat(strict.json().get("rejected").get(0).get("row").asInt()).isEqualTo(12_346);
		assertThat(strict.json().get("rejected").get(0).get("errors").get(0).asText()).contains("「共建区域代码」");
		assertThat(admin.get("/api/v1/stations?q=" + prefix).json().get("total").asInt()).isZero();

		byte[] file = stations(prefix, 20_000, -1);
		try {
			importsWhole(admin, prefix, file);
		}
		finally {
			// 20,000 stations in 田东 and 那坡, co-built with 靖西, would stand in every later test's lists.
			JdbcClient jdbc = JdbcClient.create(owner);
			jdbc.sql("delete from station_co_region where station_id in (select id from station where name like ?)")
				.param(prefix + "%").update();
			jdbc.sql("delete from station where name like ?").param(prefix + "%").update();
		}
	}

	private static void importsWhole(Api admin, String prefix, byte[] file) {
		long started = System.nanoTime();
		Api.Response all = upload(admin, "/api/v1/import/stations", "s.csv", file);
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(all.json().get("imported").asInt()).as(all.body().substring(0, Math.min(500, all.body().length()))).isEqualTo(20_000);
		long parsing = System.nanoTime();
		org.lianluo.platform.Sheets.read(file);
		double parsed = (System.nanoTime() - parsing) / 1e9;
		System.out.printf("%n*** IMPORT PERFORMANCE: 20,000-row station sheet (half cross-region with two co-building regions) in %.2f s"
				+ " = %.0f rows/second (reading the .csv alone, again: %.2f s) ***%n%n", seconds, 20_000 / seconds, parsed);
		assertThat(admin.get("/api/v1/stations?q=" + prefix).json().get("total").asInt()).isEqualTo(20_000);
		assertThat(admin.get("/api/v1/stations?kind=CROSS_REGION&q=" + prefix).json().get("total").asInt()).isEqualTo(10_000);
		assertThat(admin.get("/api/v1/stations?region=451022&kind=CROSS_REGION&q=" + prefix).json().get("total").asInt()).isEqualTo(10_000);
	}

	/** A station sheet (.csv) of {@code rows} rows; every other one cross-region; row {@code bad} (1-based) lacks its co-building regions. */
	private static byte[] stations(String prefix, int rows, int bad) {
		StringBuilder csv = new StringBuilder("名称,类型,入驻服务,区域代码,共建区域代码,地址,接待日安排\n");
		for (int i = 1; i <= rows; i++) {
			if (i % 2 == 0) {
				csv.append(prefix).append(i).append(",代表联络站,法律诉讼服务,451022103,,林逢镇政府,每月10日\n");
			}
			else {
				csv.append(prefix).append(i).append(",跨区域联络站,,451082,").append(i == bad ? "" : "451022、451081")
					.append(",果化镇,每周一\n");
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}
}
