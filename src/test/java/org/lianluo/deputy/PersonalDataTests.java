package org.lianluo.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.download;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;
import static org.lianluo.Staff.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A deputy's phone is stored only as cipher text and hash, and never reaches a list, an export, an answer or the log. */
@LianluoTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPhoneNeverAppearsInTablesListsExportsHistoryOrTheLog(CapturedOutput output) {
		Api admin = admin(port);
		String name = unique("隐");
		String phone = "13655554444";
		UUID id = id(admin.post("/api/v1/deputies", Map.of("name", name, "gender", "MALE", "levels", List.of("COUNTY"),
				"regionCode", "451022", "phone", phone)));
		admin.put("/api/v1/deputies/" + id, Map.of("name", name, "gender", "MALE", "levels", List.of("COUNTY"), "regionCode",
				"451022", "phone", "13655554445"));
		admin.put("/api/v1/deputies/" + id, Map.of("name", name, "gender", "MALE", "levels", List.of("COUNTY"), "regionCode",
				"451022", "phone", phone));
		upload(admin, "/api/v1/import/deputies", "p.csv", ("姓名,性别,代表层级,区域代码,手机号\n" + unique("隐") + ",男,县级人大,451022,"
				+ phone + "\n" + unique("隐") + ",男,县级人大,451022,1365555444x\n").getBytes(StandardCharsets.UTF_8));

		String answers = admin.get("/api/v1/deputies/" + id).body() + admin.get("/api/v1/deputies?q=" + name).body()
				+ admin.get("/api/v1/deputies?q=" + phone).body() + admin.get("/api/v1/deputies/" + id + "/history").body()
				+ cells(download(admin, "/api/v1/deputies/export?q=" + name));
		assertThat(answers).contains("136****4444").doesNotContain(phone, "13655554445");
		assertThat(jdbc.sql("select count(*) from deputy d where cast(d.* as text) like '%1365555444%'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from deputy_change c where cast(c.* as text) like '%1365555444%'")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_log a where cast(a.* as text) like '%1365555444%'")
			.query(Long.class).single()).isZero();

		assertThat(admin.post("/api/v1/deputies/" + id + "/phone", Map.of()).json().get("phone").asText()).isEqualTo(phone);
		assertThat(output.getAll()).doesNotContain("1365555444");
	}

	/** Every cell of a spreadsheet's first sheet, as text. */
	static String cells(byte[] xlsx) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			StringBuilder text = new StringBuilder();
			DataFormatter format = new DataFormatter();
			book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell)).append('|')));
			return text.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
