package org.lianluo.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.download;
import static org.lianluo.Staff.headers;
import static org.lianluo.Staff.unique;
import static org.lianluo.Staff.upload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@LianluoTest
class StationImportTests {

	@LocalServerPort
	int port;

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
}
