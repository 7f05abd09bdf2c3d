package org.lianluo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.io.ByteArrayInputStream;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 21, points 3 and 8: the disputes resolved at activities beside those by opinions, the special stations by
 * kind and the stations upgraded, in the API's report and on its page, in the .docx, the .pdf and the .xlsx. 田林县潞城瑶族乡
 * (451029200) and its neighbour 利周瑶族乡 (451029201): no other test uses them.
 */
@LianluoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportStationFiguresTests {

	static final String TOWN = "451029200";

	static final int Y = Year.now(AnnualReports.ZONE).getValue();

	@LocalServerPort
	int port;

	Api office;

	String query;

	@BeforeAll
	void build() {
		office = Staff.user(port, "451029", "ASSESSOR");
		query = "?region=" + TOWN + "&year=" + Y;
		station("CROSS_REGION", "ACTIVE", Y + "-03-01", List.of("451029201"));
		station("INDUSTRY_CHAIN", "ACTIVE", null, List.of());
		station("PARK", "ACTIVE", Y + "-06-30", List.of());
		station("PARK", "SUSPENDED", Y + "-06-30", List.of());
		station("STANDARD", "ACTIVE", (Y - 1) + "-12-31", List.of());
		UUID deputy = id(admin(port).post("/api/v1/deputies", Map.of("name", unique("岑"), "gender", "MALE", "levels",
				List.of("TOWNSHIP"), "regionCode", TOWN)));
		activity(deputy, "PUBLIC_MEETING", Y + "-04-01T09:00:00+08:00", 4);
		activity(deputy, "JOINT_SUPERVISION", Y + "-05-01T09:00:00+08:00", 2);
		activity(deputy, "VISIT", Y + "-05-02T09:00:00+08:00", 0);
		activity(deputy, "VISIT", (Y - 1) + "-12-31T09:00:00+08:00", 5);
	}

	void station(String kind, String status, String upgradedOn, List<String> coRegions) {
		Map<String, Object> body = new HashMap<>(Map.of("name", unique("潞城联络站"), "kind", kind, "regionCode", TOWN,
				"address", "潞城瑶族乡", "status", status, "coRegionCodes", coRegions, "checklist",
				List.of("标准化建设", "规范化运行", "信息化平台")));
		if (upgradedOn != null) {
			body.put("upgradedOn", upgradedOn);
		}
		assertThat(office.post("/api/v1/stations", body).status()).isEqualTo(201);
	}

	void activity(UUID deputy, String type, String at, int disputes) {
		assertThat(office.post("/api/v1/activities", Map.of("type", type, "title", unique("潞城" + type), "startAt", at,
				"regionCode", TOWN, "deputyIds", List.of(deputy), "disputesResolved", disputes)).status()).isEqualTo(201);
	}

	@Test
	void theReportCountsDisputesAtActivitiesSpecialStationsByKindAndStationsUpgraded() {
		JsonNode r = office.get("/api/v1/reports/annual" + query).json();
		assertThat(r.get("disputesResolvedByOpinions").asLong()).isZero();
		assertThat(r.get("disputesResolvedAtActivities").asLong()).as("4 + 2 in the year; last year's 5 not").isEqualTo(6);
		assertThat(r.get("disputesResolved").asLong()).as("the sum of the two parts").isEqualTo(6);
		assertThat(r.get("specialStations").asLong()).as("the suspended park is not").isEqualTo(3);
		JsonNode byKind = r.get("specialStationsByKind");
		assertThat(byKind.get("CROSS_REGION").asLong()).isEqualTo(1);
		assertThat(byKind.get("INDUSTRY_CHAIN").asLong()).isEqualTo(1);
		assertThat(byKind.get("PARK").asLong()).isEqualTo(1);
		assertThat(r.get("stationsUpgraded").asLong()).as("active, upgraded by the year's end; the suspended one is not")
			.isEqualTo(3);
		assertThat(r.get("previousYear").get("stationsUpgraded").asLong()).as("by last year's end: the standard one only")
			.isEqualTo(1);
		assertThat(r.get("previousYear").get("disputesResolvedAtActivities").asLong()).isEqualTo(5);
		JsonNode own = r.get("byRegion").get(0).get("figures");
		assertThat(own.get("disputesResolvedAtActivities").asLong()).isEqualTo(6);
		assertThat(own.get("parkStations").asLong()).isEqualTo(1);

		JsonNode period = office.get("/api/v1/reports/annual?region=" + TOWN + "&from=" + Y + "-01-01&to=" + Y + "-06-29").json();
		assertThat(period.get("stationsUpgraded").asLong()).as("the park was upgraded on 30 June").isEqualTo(2);
		assertThat(period.get("disputesResolvedAtActivities").asLong()).as("not whole months: from the activities").isEqualTo(6);
	}

	@Test
	void theRecordsBehindTheNewFiguresAreTheCountedOnes() {
		JsonNode disputes = office.get("/api/v1/reports/annual/records" + query + "&figure=disputesResolved").json();
		assertThat(disputes.get("total").asLong()).as("the two activities that resolved disputes").isEqualTo(2);
		assertThat(disputes.get("items").valueStream().map(i -> i.get("kind").asText()))
			.containsExactlyInAnyOrder("duty.type.PUBLIC_MEETING", "duty.type.JOINT_SUPERVISION");
		JsonNode second = office.get("/api/v1/reports/annual/records" + query + "&figure=disputesResolved&size=1&page=1").json();
		assertThat(second.get("items")).hasSize(1);
		assertThat(office.get("/api/v1/reports/annual/records" + query + "&figure=stationsUpgraded").json().get("total").asLong())
			.isEqualTo(3);
		assertThat(office.get("/api/v1/reports/annual/records" + query + "&figure=crossRegionStations").json().get("total")
			.asLong()).isEqualTo(1);
	}

	@Test
	void everyNewFigureIsOnThePageAndInTheDocumentsAndTheSheet() throws Exception {
		String page = new String(org.lianluo.ScreenSession.signedIn(port, adminUser(), "password-123")
			.bytes("/reports/annual" + query), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("化解矛盾纠纷", "办理群众意见建议化解", "履职活动中化解", "跨区域", "产业链", "园区",
				"完成提档升级的联络站", "figure-disputesResolvedAtActivities", "figure-stationsUpgraded",
				"data-figure=\"parkStations\"");

		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes("/api/v1/reports/annual.docx" + query)));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("化解矛盾纠纷6件（其中办理群众意见建议化解0件，代表进站履职等活动中化解6件）",
					"其中特色联络站3个（跨区域1个、产业链1个、园区1个）", "完成提档升级的联络站3个", "活动中化解纠纷", "提档升级联络站");
		}
		String pdf = Documents.text(bytes("/api/v1/reports/annual.pdf" + query));
		assertThat(pdf.replaceAll("\\s", "")).contains("代表进站履职等活动中化解6件", "园区1个", "完成提档升级的联络站3个");

		byte[] xlsx = Staff.download(office, "/api/v1/reports/annual.xlsx" + query);
		assertThat(Staff.headers(xlsx)).contains("意见建议化解纠纷", "活动中化解纠纷", "跨区域联络站", "产业链联络站", "园区联络站",
				"提档升级联络站");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> headers = Staff.headers(xlsx);
			List<String> totals = new ArrayList<>();
			var last = book.getSheetAt(0).getRow(book.getSheetAt(0).getLastRowNum());
			for (String h : List.of("活动中化解纠纷", "园区联络站", "提档升级联络站")) {
				totals.add(h + "=" + (long) last.getCell(headers.indexOf(h)).getNumericCellValue());
			}
			assertThat(totals).containsExactly("活动中化解纠纷=6", "园区联络站=1", "提档升级联络站=3");
		}
	}

	byte[] bytes(String path) throws Exception {
		java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(office.base() + path))
				.header("Authorization", "Bearer " + office.token())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r.body();
	}

	String adminUser() {
		String name = unique("report");
		assertThat(admin(port).post("/api/v1/users", Map.of("username", name, "displayName", "田林县", "password",
				"password-123", "roles", List.of("ASSESSOR"), "regionCode", "451029")).status()).isEqualTo(201);
		return name;
	}
}
