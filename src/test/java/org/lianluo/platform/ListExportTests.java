package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.download;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;
import static org.lianluo.Staff.user;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The opinion and activity lists as .xlsx (API.md, issue 22): the list's filters, the caller's scope, and no
 * citizen's personal data.
 */
@LianluoTest
class ListExportTests {

	private static final String TIANDONG = "451022108";

	private static final String JINGXI = "451081101";

	@LocalServerPort
	int port;

	/** Every row of the first sheet, its cells as text (an empty cell as ""). */
	private static List<List<String>> rows(byte[] xlsx) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter text = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			book.getSheetAt(0).forEach(r -> {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < r.getLastCellNum(); c++) {
					cells.add(r.getCell(c) == null ? "" : text.formatCellValue(r.getCell(c)));
				}
				rows.add(cells);
			});
			return rows;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String opinion(Api anyone, String content, String region) {
		Api.Response r = anyone.post("/api/v1/public/opinions", Map.of("content", content, "regionCode", region, "kind",
				"COMPLAINT", "category", "INFRASTRUCTURE", "name", "黄大伟", "phone", "13812345678"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("trackingCode").asText();
	}

	@Test
	void theOpinionListExportsWithItsFiltersWithinTheCallersScopeAndNoPersonalData() {
		String marker = unique("导出");
		Api anyone = new Api(port);
		String tiandong = opinion(anyone, marker + "：那板村道路塌方，雨天无法通行，请尽快修复。", TIANDONG);
		String jingxi = opinion(anyone, marker + "：新靖镇菜市场排水沟堵塞，污水漫到路面。", JINGXI);
		Api city = user(port, "451000", "ASSESSOR");
		Api county = user(port, "451022", "ASSESSOR");

		List<List<String>> all = rows(download(city, "/api/v1/opinions/export?q=" + marker));
		assertThat(all.get(0)).startsWith("追踪码", "收到时间", "状态", "类型", "类别", "来源渠道", "所属区域", "内容");
		assertThat(all.subList(1, all.size())).extracting(r -> r.get(0)).containsExactlyInAnyOrder(tiandong, jingxi);
		List<String> tiandongRow = all.stream().filter(r -> r.get(0).equals(tiandong)).findFirst().orElseThrow();
		assertThat(tiandongRow).contains("待研判", "投诉", "田东县朔良镇", marker + "：那板村道路塌方，雨天无法通行，请尽快修复。");

		List<List<String>> own = rows(download(county, "/api/v1/opinions/export?q=" + marker));
		assertThat(own.subList(1, own.size())).extracting(r -> r.get(0)).containsExactly(tiandong);

		assertThat(rows(download(city, "/api/v1/opinions/export?status=CLOSED&q=" + marker))).hasSize(1);

		assertThat(all.toString()).doesNotContain("黄大伟", "13812345678", "5678");
	}

	@Test
	void theActivityListExportsWithItsFiltersWithinTheCallersScope() {
		String marker = unique("导出");
		Api office = admin(port);
		UUID tiandongDeputy = id(office.post("/api/v1/deputies", Map.of("name", unique("黄"), "gender", "FEMALE",
				"levels", List.of("COUNTY"), "regionCode", TIANDONG)));
		UUID jingxiDeputy = id(office.post("/api/v1/deputies", Map.of("name", unique("农"), "gender", "MALE",
				"levels", List.of("COUNTY"), "regionCode", JINGXI)));
		Api city = user(port, "451000", "ASSESSOR");
		id(city.post("/api/v1/activities", Map.of("type", "PUBLIC_MEETING", "title", marker + "朔良镇民情沟通会", "startAt",
				"2026-03-02T09:00:00+08:00", "regionCode", TIANDONG, "deputyIds", List.of(tiandongDeputy), "votersReceived", 35)));
		id(city.post("/api/v1/activities", Map.of("type", "INSPECTION", "title", marker + "新靖镇集中视察", "startAt",
				"2026-03-03T09:00:00+08:00", "regionCode", JINGXI, "deputyIds", List.of(jingxiDeputy), "votersReceived", 0)));
		Api county = user(port, "451022", "ASSESSOR");

		List<List<String>> all = rows(download(city, "/api/v1/activities/export?from=2026-03-01&to=2026-03-31"));
		assertThat(all.get(0)).startsWith("开始时间", "结束时间");
		assertThat(all.stream().map(r -> r.get(3))).contains(marker + "朔良镇民情沟通会", marker + "新靖镇集中视察");
		List<String> meeting = all.stream().filter(r -> r.get(3).equals(marker + "朔良镇民情沟通会")).findFirst().orElseThrow();
		assertThat(meeting.get(0)).isEqualTo("2026-03-02 09:00");
		assertThat(meeting).contains("35");

		List<List<String>> own = rows(download(county, "/api/v1/activities/export?from=2026-03-01&to=2026-03-31"));
		assertThat(own.stream().map(r -> r.get(3))).contains(marker + "朔良镇民情沟通会")
			.doesNotContain(marker + "新靖镇集中视察");

		List<List<String>> inspections = rows(download(city,
				"/api/v1/activities/export?type=INSPECTION&from=2026-03-01&to=2026-03-31"));
		assertThat(inspections.stream().map(r -> r.get(3))).contains(marker + "新靖镇集中视察")
			.doesNotContain(marker + "朔良镇民情沟通会");
	}
}
