package org.lianluo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.opinion.LoopFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Opinions of three years ago in 德保县 and 田林县, across months (one at 23:30 on 31 May and one at 00:10 on 1 June,
 * Beijing time), settled, reopened, left open, and one proposal, built through the services; two opinions and the
 * proposal then left past their deadline. Every dashboard answer checked against numbers counted by hand, the scope
 * rule, bad filters, and the .xlsx files opened with POI. No other test uses these counties in that year.
 */
@LianluoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTests {

	static final String A = "451024";

	static final String TOWN_A = "451024100";

	static final String B = "451029";

	static final String TOWN_B = "451029100";

	/** The year of the opinions: three years ago, which no other test writes into. */
	static final int P = Year.now(AnnualReports.ZONE).getValue() - 3;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	LoopFixture f;

	Api city;

	Api handler;

	String unitName;

	Map<String, String> ids = new HashMap<>();

	@BeforeAll
	void build() {
		f = new LoopFixture(port);
		city = f.assessor;
		unitName = unique("市住建局");
		UUID unit = id(f.admin.post("/api/v1/units", Map.of("name", unitName, "regionCode", "451000")));
		handler = user("UNIT_HANDLER", "451000", Map.of("unitId", unit.toString()));

		ids.put("a1", opinion(TOWN_A, "INFRASTRUCTURE", at(3, 10, 9, 0)));
		settle(ids.get("a1"), unit, "RESOLVED", "SATISFIED", "CLOSED");
		ids.put("a2", opinion(TOWN_A, "INFRASTRUCTURE", at(3, 20, 9, 0)));
		settle(ids.get("a2"), unit, "PLANNED", "UNSATISFIED", "REOPENED");
		ids.put("a3", opinion(A, "TRANSPORT", at(5, 1, 9, 0)));
		step(city, ids.get("a3"), "triage", Map.of("route", "ASSIGN", "leadUnitId", unit), "ASSIGNED");
		ids.put("a4", opinion(TOWN_A, "DISPUTE", at(5, 31, 23, 30)));
		ids.put("a5", opinion(TOWN_A, "OTHER", at(6, 1, 0, 10)));
		ids.put("b1", opinion(TOWN_B, "INFRASTRUCTURE", at(3, 5, 9, 0)));
		settle(ids.get("b1"), unit, "RESOLVED", "BASICALLY_SATISFIED", "CLOSED");
		ids.put("b2", opinion(TOWN_B, "EDUCATION", at(4, 1, 9, 0)));
		step(city, ids.get("b2"), "triage", Map.of("route", "ASSIGN", "leadUnitId", unit), "ASSIGNED");
		ids.put("p", proposal(unit));

		// Time passes: a3, b2 and the proposal are now past their deadlines (a2, reopened, is not).
		for (String key : List.of("a3", "b2")) {
			assertThat(jdbc.sql("update opinion set deadline = now() - interval '3 days' where id = ?")
				.param(UUID.fromString(ids.get(key))).update()).isEqualTo(1);
		}
		assertThat(jdbc.sql("update proposal set deadline = now() - interval '10 days' where id = ?")
			.param(UUID.fromString(ids.get("p"))).update()).isEqualTo(1);
	}

	@Test
	void theTrendCountsReceivedOpinionsByMonthInBeijingTimeAndSettledOnesByTheMonthTheyWereReportedBack() {
		JsonNode t = ok(city.get("/api/v1/reports/dashboard/trend?region=" + A + "&year=" + P));
		assertThat(t.get("filter").get("from").asText()).isEqualTo(P + "-01");
		assertThat(t.get("filter").get("to").asText()).isEqualTo(P + "-12");
		assertThat(t.get("months")).hasSize(12);
		assertThat(months(t, "received")).as("a1 a2 in March; a3 and a4 (23:30 on 31 May) in May; a5 (00:10 on 1 June)")
			.containsExactly(0L, 0L, 2L, 0L, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(months(t, "settled")).as("none was reported back that year").containsOnly(0L);
		assertThat(t.get("received").asLong()).isEqualTo(5);

		YearMonth now = YearMonth.now(AnnualReports.ZONE);
		JsonNode span = ok(city.get("/api/v1/reports/dashboard/trend?region=" + A + "&from=" + P + "-03&to=" + now));
		assertThat(span.get("months")).hasSize(12 * (now.getYear() - P) + now.getMonthValue() - 2);
		assertThat(months(span, "received").subList(0, 4)).containsExactly(2L, 0L, 2L, 1L);
		JsonNode last = span.get("months").get(span.get("months").size() - 1);
		assertThat(last.get("month").asText()).isEqualTo(now.toString());
		assertThat(last.get("settled").asLong()).as("a1 was reported back this month; a2 was reopened since").isEqualTo(1);
		assertThat(months(span, "settled").subList(0, span.get("months").size() - 1)).containsOnly(0L);

		JsonNode b = ok(city.get("/api/v1/reports/dashboard/trend?region=" + B + "&year=" + P));
		assertThat(months(b, "received")).containsExactly(0L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
		JsonNode town = ok(city.get("/api/v1/reports/dashboard/trend?region=" + TOWN_A + "&from=" + P + "-05&to=" + P + "-06"));
		assertThat(months(town, "received")).as("a3 is the county's own, not the township's").containsExactly(1L, 1L);
	}

	@Test
	void theMapGivesEachCountyTheLoopsFiguresAndColoursItByTheChosenKpi() {
		JsonNode m = ok(city.get("/api/v1/reports/dashboard/map?region=451000&year=" + P + "&kpi=satisfactionRate"));
		assertThat(m.get("kpi").asText()).isEqualTo("SATISFACTION_RATE");
		assertThat(m.get("counties")).hasSize(12);
		JsonNode a = county(m, A);
		assertThat(a.get("name").asText()).isEqualTo("德保县");
		assertThat(a.get("received").asLong()).isEqualTo(5);
		assertThat(a.get("assigned").asLong()).as("a1 closed, a2 reopened, a3 assigned").isEqualTo(3);
		assertThat(a.get("settled").asLong()).isEqualTo(1);
		assertThat(a.get("closureRate").asDouble()).isEqualTo(0.333);
		assertThat(a.get("onTimeRate").asDouble()).isEqualTo(1.0);
		assertThat(a.get("satisfactionRate").asDouble()).as("a1 of a1 and a2").isEqualTo(0.5);
		assertThat(a.get("overdue").asLong()).as("a3 and the proposal").isEqualTo(2);
		assertThat(a.get("value").asDouble()).isEqualTo(0.5);
		assertThat(a.get("step").asInt()).as("below 60 %").isZero();
		assertThat(a.get("fill").asText()).isEqualTo("#edf8e9");
		JsonNode b = county(m, B);
		assertThat(b.get("received").asLong()).isEqualTo(2);
		assertThat(b.get("closureRate").asDouble()).isEqualTo(0.5);
		assertThat(b.get("satisfactionRate").asDouble()).isEqualTo(1.0);
		assertThat(b.get("overdue").asLong()).isEqualTo(1);
		assertThat(b.get("step").asInt()).as("90 % and above").isEqualTo(4);
		assertThat(b.get("fill").asText()).isEqualTo("#006d2c");
		assertThat(m.get("legend")).hasSize(5);

		JsonNode received = ok(city.get("/api/v1/reports/dashboard/map?region=451000&year=" + P + "&kpi=received"));
		assertThat(county(received, A).get("value").asLong()).isEqualTo(5);
		assertThat(county(received, A).get("step").asInt()).as("the largest count is in the darkest class").isEqualTo(4);
		assertThat(county(received, B).get("step").asInt()).as("2 of 5 in steps of 1").isEqualTo(2);
		assertThat(county(received, A).get("fill").asText()).isEqualTo("#08519c");
		JsonNode overdue = ok(city.get("/api/v1/reports/dashboard/map?region=451000&year=" + P + "&kpi=overdue"));
		assertThat(county(overdue, A).get("value").asLong()).isEqualTo(2);
		assertThat(county(overdue, B).get("value").asLong()).isEqualTo(1);

		// The rates are the annual report's: the same numbers for the county and the year.
		JsonNode annual = ok(city.get("/api/v1/reports/annual?region=" + A + "&year=" + P)).get("opinionLoop");
		JsonNode countyMap = ok(city.get("/api/v1/reports/dashboard/map?region=" + A + "&year=" + P));
		assertThat(county(countyMap, A).get("closureRate").asDouble()).isEqualTo(annual.get("closureRate").asDouble());
		assertThat(county(countyMap, A).get("satisfactionRate").asDouble()).isEqualTo(annual.get("satisfactionRate").asDouble());
		assertThat(county(countyMap, A).get("received").asLong()).isEqualTo(annual.get("received").asLong());
		assertThat(county(countyMap, B).get("inFilter").asBoolean()).isFalse();
		assertThat(county(countyMap, B).get("received").isNull()).as("no numbers outside the filter").isTrue();
	}

	@Test
	void theOverdueBoardCountsOpinionsAndProposalsPastTheirDeadlineByUnitAndRegionAndLinksToThem() {
		JsonNode o = ok(city.get("/api/v1/reports/dashboard/overdue?region=" + A));
		assertThat(o.get("opinions").asLong()).isEqualTo(1);
		assertThat(o.get("proposals").asLong()).isEqualTo(1);
		assertThat(o.get("byRegion")).hasSize(1);
		assertThat(o.get("byRegion").get(0).get("key").asText()).isEqualTo(A);
		assertThat(o.get("byRegion").get(0).get("name").asText()).isEqualTo("德保县");
		JsonNode unit = o.get("byUnit").valueStream().filter(g -> unitName.equals(g.get("name").asText())).findFirst()
			.orElseThrow();
		assertThat(unit.get("opinions").asLong()).isEqualTo(1);
		assertThat(unit.get("proposals").asLong()).isEqualTo(1);
		List<String> links = o.get("items").valueStream().map(i -> i.get("link").asText()).toList();
		assertThat(links).containsExactly("/proposals/" + ids.get("p"), "/opinions/" + ids.get("a3"));
		JsonNode first = o.get("items").get(0);
		assertThat(first.get("kind").asText()).isEqualTo("PROPOSAL");
		assertThat(first.get("daysOverdue").asLong()).isEqualTo(10);
		assertThat(first.get("unitName").asText()).isEqualTo(unitName);
		assertThat(o.get("items").get(1).get("regionName").asText()).isEqualTo("德保县");

		JsonNode all = ok(city.get("/api/v1/reports/dashboard/overdue?region=451000"));
		Map<String, JsonNode> byRegion = new HashMap<>();
		all.get("byRegion").forEach(g -> byRegion.put(g.get("key").asText(), g));
		assertThat(byRegion.get(A).get("opinions").asLong()).isEqualTo(1);
		assertThat(byRegion.get(A).get("proposals").asLong()).isEqualTo(1);
		assertThat(byRegion.get(B).get("opinions").asLong()).isEqualTo(1);
		assertThat(byRegion.get(B).get("proposals").asLong()).isZero();
		JsonNode cityUnit = all.get("byUnit").valueStream().filter(g -> unitName.equals(g.get("name").asText()))
			.findFirst().orElseThrow();
		assertThat(cityUnit.get("opinions").asLong()).as("a3 and b2").isEqualTo(2);
		assertThat(cityUnit.get("proposals").asLong()).isEqualTo(1);
	}

	@Test
	void theTopCategoriesAreTheMostFrequentFirst() {
		JsonNode c = ok(city.get("/api/v1/reports/dashboard/categories?region=" + A + "&year=" + P));
		assertThat(c.get("received").asLong()).isEqualTo(5);
		assertThat(c.get("categories").valueStream().map(g -> g.get("category").asText() + "=" + g.get("received").asLong()))
			.containsExactly("INFRASTRUCTURE=2", "DISPUTE=1", "OTHER=1", "TRANSPORT=1");
		JsonNode infrastructure = c.get("categories").get(0);
		assertThat(infrastructure.get("assigned").asLong()).isEqualTo(2);
		assertThat(infrastructure.get("settled").asLong()).isEqualTo(1);
		assertThat(infrastructure.get("closureRate").asDouble()).isEqualTo(0.5);
		assertThat(infrastructure.get("satisfactionRate").asDouble()).isEqualTo(0.5);
	}

	@Test
	void eachChartIsAnXlsxWithTheSameNumbers() throws Exception {
		String q = "?region=451000&year=" + P;
		try (XSSFWorkbook book = book("/api/v1/reports/dashboard/map.xlsx" + q + "&kpi=received")) {
			Row a = row(book.getSheetAt(0), A);
			assertThat(a.getCell(1).getStringCellValue()).isEqualTo("德保县");
			assertThat(a.getCell(2).getNumericCellValue()).isEqualTo(5);
			assertThat(a.getCell(3).getNumericCellValue()).isEqualTo(3);
			assertThat(a.getCell(4).getNumericCellValue()).isEqualTo(1);
			assertThat(a.getCell(5).getNumericCellValue()).isEqualTo(0.333);
			assertThat(a.getCell(7).getNumericCellValue()).isEqualTo(0.5);
			assertThat(a.getCell(8).getNumericCellValue()).isEqualTo(2);
			assertThat(row(book.getSheetAt(0), B).getCell(2).getNumericCellValue()).isEqualTo(2);
			assertThat(book.getSheetAt(0).getRow(0).getCell(5).getStringCellValue()).isEqualTo("办结率");
		}
		try (XSSFWorkbook book = book("/api/v1/reports/dashboard/trend.xlsx?region=" + A + "&year=" + P)) {
			Sheet s = book.getSheetAt(0);
			assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("收到");
			assertThat(row(s, P + "-05").getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(row(s, P + "-06").getCell(1).getNumericCellValue()).isEqualTo(1);
			assertThat(row(s, "合计").getCell(1).getNumericCellValue()).isEqualTo(5);
		}
		try (XSSFWorkbook book = book("/api/v1/reports/dashboard/categories.xlsx?region=" + A + "&year=" + P)) {
			assertThat(row(book.getSheetAt(0), "基础设施").getCell(1).getNumericCellValue()).isEqualTo(2);
		}
		try (XSSFWorkbook book = book("/api/v1/reports/dashboard/overdue.xlsx?region=" + A)) {
			Row region = row(book.getSheetAt(0), "德保县");
			assertThat(region.getCell(1).getNumericCellValue()).isEqualTo(1);
			assertThat(region.getCell(2).getNumericCellValue()).isEqualTo(1);
			assertThat(row(book.getSheetAt(1), unitName).getCell(2).getNumericCellValue()).isEqualTo(1);
			assertThat(book.getSheetAt(2).getLastRowNum()).as("the two overdue records").isEqualTo(2);
			assertThat(book.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).isEqualTo("代表建议");
		}
	}

	@Test
	void aCountyOfficeSeesItsCountyOnlyAndOthersAreRefused() {
		Api office = Staff.user(port, A, "ASSESSOR");
		JsonNode own = ok(office.get("/api/v1/reports/dashboard/map?year=" + P));
		assertThat(own.get("filter").get("region").asText()).as("no region: the caller's own").isEqualTo(A);
		assertThat(county(own, A).get("received").asLong()).isEqualTo(5);
		assertThat(county(own, B).get("received").isNull()).isTrue();
		assertThat(county(own, B).get("fill").asText()).isEqualTo(CountyFigures.OUTSIDE);
		for (String chart : List.of("trend", "map", "overdue", "categories", "map.xlsx", "overdue.xlsx")) {
			Response sibling = office.get("/api/v1/reports/dashboard/" + chart + "?region=" + B + "&year=" + P);
			assertThat(sibling.status()).as(chart + " of a sibling county").isEqualTo(404);
			assertThat(office.get("/api/v1/reports/dashboard/" + chart + "?region=451000").status()).as(chart + " of the city")
				.isEqualTo(404);
		}
		assertThat(office.get("/api/v1/reports/dashboard/trend?region=" + B).contentType()).contains("application/problem+json");
		assertThat(Staff.user(port, A, "LEADER").get("/api/v1/reports/dashboard/overdue").status()).isEqualTo(200);
		assertThat(Staff.user(port, A, "STATION_ADMIN").get("/api/v1/reports/dashboard/trend").status()).isEqualTo(403);
		assertThat(handler.get("/api/v1/reports/dashboard/trend").status()).isEqualTo(403);
		assertThat(new Api(port).get("/api/v1/reports/dashboard/trend").status()).isEqualTo(401);
	}

	@Test
	void badFiltersAreRefusedInChinese() {
		YearMonth now = YearMonth.now(AnnualReports.ZONE);
		Map<String, String> cases = new java.util.LinkedHashMap<>();
		cases.put("from=2025-13", "月份须为");
		cases.put("from=25-01", "月份须为");
		cases.put("to=" + now.plusMonths(1), "月份须为");
		cases.put("from=1999-12&to=2000-05", "月份须为");
		cases.put("from=" + now + "&to=" + now.minusMonths(1), "起始月份不能晚于截止月份");
		cases.put("from=2000-01&to=" + now, "不能超过 120 个月");
		cases.put("year=abc", "年度须为");
		cases.put("region=459999", "行政区划代码不存在");
		for (var c : cases.entrySet()) {
			Response r = city.get("/api/v1/reports/dashboard/trend?" + c.getKey());
			assertThat(r.status()).as(c.getKey() + " " + r).isEqualTo(400);
			assertThat(r.contentType()).contains("application/problem+json");
			assertThat(r.body()).as(c.getKey()).contains(c.getValue());
		}
		Response kpi = city.get("/api/v1/reports/dashboard/map?kpi=nonsense");
		assertThat(kpi.status()).isEqualTo(400);
		assertThat(kpi.body()).contains("没有这项地图指标");
		JsonNode defaulted = ok(city.get("/api/v1/reports/dashboard/trend?to=" + now));
		assertThat(defaulted.get("months")).as("from: a year before to").hasSize(12);
	}

	// --- building the records through the services

	static OffsetDateTime at(int month, int day, int hour, int minute) {
		return OffsetDateTime.of(P, month, day, hour, minute, 0, 0, ZoneOffset.ofHours(8));
	}

	static List<Long> months(JsonNode trend, String field) {
		List<Long> values = new ArrayList<>();
		trend.get("months").forEach(m -> values.add(m.get(field).asLong()));
		return values;
	}

	static JsonNode county(JsonNode map, String code) {
		return map.get("counties").valueStream().filter(c -> c.get("code").asText().equals(code)).findFirst().orElseThrow();
	}

	static Row row(Sheet sheet, String first) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && first.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
	}

	XSSFWorkbook book(String path) throws Exception {
		return new XSSFWorkbook(new ByteArrayInputStream(Staff.download(city, path)));
	}

	JsonNode ok(Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	Api user(String role, String region, Map<String, String> more) {
		String name = unique("d");
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "测试", "password", "password-123",
				"roles", List.of(role), "regionCode", region));
		body.putAll(more);
		Response r = f.admin.post("/api/v1/users", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	String opinion(String region, String category, OffsetDateTime received) {
		Response r = city.post("/api/v1/opinions", Map.of("content", "群众反映的事项：" + category + unique(""), "regionCode",
				region, "category", category, "kind", "COMPLAINT", "channel", "PUBLIC_MEETING", "receivedAt",
				received.toInstant().toString()));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asText();
	}

	void settle(String id, UUID unit, String result, String grade, String end) {
		step(city, id, "triage", Map.of("route", "ASSIGN", "leadUnitId", unit), "ASSIGNED");
		step(handler, id, "accept", Map.of(), "ACCEPTED");
		step(handler, id, "reply", Map.of("result", result, "text", "已办理并答复。"), "REPLIED");
		step(city, id, "review", Map.of("approve", true), "FED_BACK");
		step(city, id, "evaluation", Map.of("grade", grade), end);
	}

	void step(Api who, String id, String step, Map<String, ?> body, String status) {
		Response r = who.post("/api/v1/opinions/" + id + "/" + step, body);
		assertThat(r.status()).as(step + " " + r).isEqualTo(200);
		assertThat(r.json().get("status").asText()).isEqualTo(status);
	}

	/** A proposal of a session of 德保县's congress, registered and assigned to the unit. */
	String proposal(UUID unit) {
		UUID lead = id(f.admin.post("/api/v1/deputies", Map.of("name", unique("代表"), "gender", "MALE", "levels",
				List.of("COUNTY", "TOWNSHIP"), "regionCode", TOWN_A)));
		Api deputy = user("DEPUTY", A, Map.of("deputyId", lead.toString()));
		String session = null;
		for (int attempt = 0; attempt < 20 && session == null; attempt++) {
			Response r = f.admin.post("/api/v1/sessions", Map.of("level", "COUNTY", "regionCode", A, "term",
					ThreadLocalRandom.current().nextInt(1, 100), "number", ThreadLocalRandom.current().nextInt(1, 1000),
					"opensOn", P + "-01-10", "closesOn", P + "-01-13"));
			assertThat(r.status()).as(r.toString()).isIn(201, 409);
			session = r.status() == 201 ? r.json().get("id").asText() : null;
		}
		assertThat(session).isNotNull();
		String id = id(deputy.post("/api/v1/proposals", Map.of("sessionId", session, "title", unique("关于改善德保县城关镇供水的建议"),
				"content", "城关镇老城区供水管网老化，夏季经常停水，建议列入明年改造计划并安排资金。"))).toString();
		pstep(deputy, id, "submit", Map.of());
		pstep(city, id, "register", Map.of());
		pstep(city, id, "assign", Map.of("mode", "SEPARATE", "leadUnitId", unit));
		return id;
	}

	void pstep(Api who, String id, String step, Map<String, ?> body) {
		Response r = who.post("/api/v1/proposals/" + id + "/" + step, body);
		assertThat(r.status()).as(step + " " + r).isEqualTo(200);
	}
}
