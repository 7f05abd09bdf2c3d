package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

@LianluoTest
class ReportBrowserTests {

	/** 西林县, a county no other test uses. */
	static final String COUNTY = "451030";

	static final String TOWN = "451030100";

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theAnnualReportStatesItsFiguresAndEachLeadsToTheRecordsBehindIt() {
		Api admin = admin(port);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		int year = today.getYear();
		String name = unique("report");
		assertThat(admin.post("/api/v1/users", Map.of("username", name, "displayName", "西林县人大代表工委", "password",
				"password-123", "roles", List.of("ASSESSOR"), "regionCode", COUNTY)).status()).isEqualTo(201);
		Api office = new Api(port).as(name, "password-123");
		UUID deputy = id(admin.post("/api/v1/deputies", Map.of("name", unique("岑"), "gender", "FEMALE", "levels",
				List.of("COUNTY", "TOWNSHIP"), "regionCode", TOWN)));
		for (int i = 0; i < 3; i++) {
			id(office.post("/api/v1/activities", Map.of("type", "PUBLIC_MEETING", "title", "八达镇民情沟通会" + i, "theme",
					"乡村振兴", "startAt", year + "-01-0" + (i + 2) + "T09:00:00+08:00", "regionCode", TOWN, "deputyIds",
					List.of(deputy), "votersReceived", 40)));
		}
		Api.Response opinion = office.post("/api/v1/opinions", Map.of("content", "八达镇集市路段排水不畅，雨天积水严重。", "regionCode",
				TOWN, "category", "INFRASTRUCTURE", "channel", "PUBLIC_MEETING"));
		assertThat(opinion.status()).as(opinion.toString()).isEqualTo(201);
		String trackingCode = opinion.json().get("trackingCode").asText();

		try (Browser browser = Browser.open(port)) {
			browser.signIn(name, "password-123");
			browser.click("a[href='/reports/annual']");
			assertThat(browser.text("h1")).isEqualTo("西林县" + year + "年代表工作综述");
			assertThat(browser.text("#figure-activities")).contains("全年组织代表开展各类履职活动", "3", "次");
			assertThat(browser.text("#figure-votersReceived")).contains("接待选民群众", "120", "人次");
			assertThat(browser.text("#figure-opinionsCollected")).contains("收集群众意见建议", "1", "条");
			assertThat(browser.text("table.by-region")).contains("八达镇");
			browser.screenshot("report-01-annual");

			browser.click("#figure-opinionsCollected a.figure-link");
			assertThat(browser.text("h1")).contains("西林县", String.valueOf(year), "意见建议");
			assertThat(browser.text(".records-total")).isEqualTo("共 1 条记录");
			assertThat(browser.text("table.records")).contains(trackingCode, "八达镇", "待研判");
			browser.screenshot("report-02-records");

			browser.click("table.records a");
			assertThat(browser.text("body")).contains(trackingCode);
			browser.screenshot("report-03-opinion");

			browser.go("/reports/annual?region=" + COUNTY + "&year=" + year);
			browser.click("#figure-publicMeetings a.figure-link");
			assertThat(browser.text(".records-total")).isEqualTo("共 3 条记录");
			assertThat(browser.text("table.records")).contains("八达镇民情沟通会0", "民情沟通会");

			browser.go("/reports/annual?region=451000&year=" + year);
			assertThat(browser.text("body")).as("the city is outside a county office's scope").contains("未找到");
		}
	}

	@Test
	void theRegionTableShowsEveryFigureOfEachCountyAsTheApiDoesBesideChartsForAnyPeriod() {
		Api admin = admin(port);
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		String name = unique("leader");
		assertThat(admin.post("/api/v1/users", Map.of("username", name, "displayName", "市人大常委会领导", "password",
				"password-123", "roles", List.of("LEADER"), "regionCode", "451000")).status()).isEqualTo(201);
		Api leader = new Api(port).as(name, "password-123");
		Api office = Staff.user(port, COUNTY, "ASSESSOR");
		UUID deputy = id(admin.post("/api/v1/deputies", Map.of("name", unique("黄"), "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", TOWN)));
		for (int i = 0; i < 2; i++) {
			id(office.post("/api/v1/activities", Map.of("type", "VISIT", "title", "西林县走访选民" + i, "theme", "民生",
					"startAt", year + "-03-1" + i + "T10:00:00+08:00", "regionCode", TOWN, "deputyIds", List.of(deputy),
					"votersReceived", 12)));
		}
		assertThat(office.post("/api/v1/opinions", Map.of("content", "西林县群众反映：村道路灯不亮" + unique(""), "regionCode",
				TOWN, "category", "INFRASTRUCTURE", "channel", "PUBLIC_MEETING")).status()).isEqualTo(201);

		try (Browser browser = Browser.open(port, 1400, 2400)) {
			browser.signIn(name, "password-123");
			String query = "region=451000&year=" + year;
			browser.go("/reports/annual?" + query);
			cellsMatch(browser, leader.get("/api/v1/reports/annual?" + query).json(), COUNTY);
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d
				.findElements(By.cssSelector("#trend .chart canvas")).isEmpty()
					&& !d.findElements(By.cssSelector("#categories .chart canvas")).isEmpty());
			browser.screenshot("report-07-annual-by-region");

			String period = "region=451000&from=" + year + "-03-10&to=" + year + "-03-11";
			browser.go("/reports/annual?" + period);
			assertThat(browser.text("h1")).isEqualTo("百色市" + year + "-03-10至" + year + "-03-11代表工作综述");
			var answer = leader.get("/api/v1/reports/annual?" + period).json();
			assertThat(answer.get("byRegion").valueStream().filter(p -> p.get("region").asText().equals(COUNTY))
				.findFirst().orElseThrow().get("figures").get("activities").asLong()).as("both visits of this test, at least")
				.isGreaterThanOrEqualTo(2);
			cellsMatch(browser, answer, COUNTY);
			assertThat(browser.text("table.by-month")).contains(year + "-03");
			browser.screenshot("report-08-annual-period");

			browser.click("table.by-region tr[data-region='" + COUNTY + "'] td[data-figure='activities'] a");
			assertThat(browser.text("h1")).contains("西林县", year + "-03-10至" + year + "-03-11");
			assertThat(browser.text("table.records")).contains("西林县走访选民0", "西林县走访选民1");
		}
	}

	/**
	 * Every cell of the region table against the API's {@code byRegion}: each figure as a whole number, the
	 * participation rate as a percentage; and the months' table against {@code byMonth}.
	 */
	private static void cellsMatch(Browser browser, tools.jackson.databind.JsonNode report, String county) {
		List<tools.jackson.databind.JsonNode> parts = report.get("byRegion").valueStream().toList();
		assertThat(parts).extracting(p -> p.get("region").asText()).contains(county);
		int cells = 0;
		for (tools.jackson.databind.JsonNode part : parts) {
			String row = "table.by-region tr[data-region='" + part.get("region").asText() + "'] ";
			for (var figure : part.get("figures").properties()) {
				String cell = browser.text(row + "td[data-figure='" + figure.getKey() + "']");
				String expected = figure.getKey().equals("stationParticipationRate")
						? percent(figure.getValue().asDouble())
						: String.format("%,d", figure.getValue().asLong());
				assertThat(cell).as(part.get("name").asText() + " " + figure.getKey()).isEqualTo(expected);
				cells++;
			}
		}
		assertThat(cells).as("23 figures a region: API.md's 17 and the 6 parts of issue 21").isEqualTo(parts.size() * 23);
		for (tools.jackson.databind.JsonNode month : report.get("byMonth").valueStream().toList()) {
			String row = "table.by-month tr[data-month='" + month.get("month").asText() + "'] td:nth-of-type(";
			assertThat(List.of(browser.text(row + "1)"), browser.text(row + "2)"), browser.text(row + "3)")))
				.as(month.get("month").asText())
				.containsExactly(month.get("activities").asText(), month.get("opinionsCollected").asText(),
						month.get("opinionsSettled").asText());
		}
	}

	private static String percent(double fraction) {
		return new java.math.BigDecimal(fraction * 100).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
	}

	@Test
	void theDashboardDrawsItsChartsWithTablesAndTheMapFollowsTheChosenKpi() {
		Api admin = admin(port);
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		String name = unique("leader");
		assertThat(admin.post("/api/v1/users", Map.of("username", name, "displayName", "市人大常委会领导", "password",
				"password-123", "roles", List.of("LEADER"), "regionCode", "451000")).status()).isEqualTo(201);
		Api office = Staff.user(port, COUNTY, "ASSESSOR");
		for (String category : List.of("TRANSPORT", "TRANSPORT", "EDUCATION")) {
			assertThat(office.post("/api/v1/opinions", Map.of("content", "西林县群众反映：" + category + unique(""), "regionCode",
					TOWN, "category", category, "channel", "PUBLIC_MEETING")).status()).isEqualTo(201);
		}
		long received = admin.get("/api/v1/reports/dashboard/map?region=451000&kpi=received").json().get("counties")
			.valueStream().filter(c -> c.get("code").asText().equals(COUNTY)).findFirst().orElseThrow().get("received")
			.asLong();
		assertThat(received).isGreaterThanOrEqualTo(3);

		try (Browser browser = Browser.open(port, 1280, 2600)) {
			browser.signIn(name, "password-123");
			browser.click("a[href='/reports/dashboard']");
			assertThat(browser.text("h1")).startsWith("百色市统计看板");
			assertThat(browser.text("table.trend-table caption")).contains("各月收到和办结的意见建议");
			assertThat(browser.text("table.categories-table")).contains("交通");
			assertThat(browser.text("table.map-table")).contains("西林县");
			assertThat(browser.text("#overdue")).contains("逾期督办看板");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d
				.findElements(By.cssSelector("#trend .chart canvas")).isEmpty());
			assertThat(browser.text("#county-map caption")).contains("按办结率着色");
			browser.screenshot("report-04-dashboard");

			browser.select("#kpi", "received");
			// htmx swaps the map while the wait reads it: an element it found may be gone by the time it is read
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(d -> d.findElement(By.cssSelector("#county-map caption")).getText().contains("按收到意见建议数着色"));
			// the map is drawn on the county's real outline, filled and labelled as the table states it
			org.openqa.selenium.WebElement map = drawnMap(browser);
			Map<?, ?> area = (Map<?, ?>) browser.js("""
					const chart = echarts.getInstanceByDom(arguments[0]);
					const area = chart.getOption().series[0].data.find(d => d.name === arguments[1]);
					return {text: area.text, fill: area.itemStyle.areaColor, outlines: echarts.getMap(chart.getOption().series[0].map).geoJSON.features.length};""",
					map, COUNTY);
			String cell = browser.text("table.map-table tr[data-county='" + COUNTY + "'] td");
			assertThat(area.get("text")).isEqualTo(cell).isEqualTo(String.valueOf(received));
			assertThat(area.get("fill")).as("a blue of the received scale").isIn("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c");
			assertThat(((Number) area.get("outlines")).intValue()).isEqualTo(12);
			assertThat(map.findElements(By.cssSelector("svg path")).size()).as("the outlines drawn").isGreaterThanOrEqualTo(12);
			assertThat(browser.driver().getCurrentUrl()).contains("kpi=received");
			assertThat(browser.text(".map-legend")).as("the legend of counts").contains(String.valueOf(received));
			browser.screenshot("report-05-dashboard-received");

			// a click inside the county's outline, at its centre as the outlines state it, opens its dashboard
			List<?> at = (List<?>) browser.js("""
					const chart = echarts.getInstanceByDom(arguments[0]);
					const map = echarts.getMap(chart.getOption().series[0].map).geoJSON;
					const cp = map.features.find(f => f.properties.code === arguments[1]).properties.cp;
					return chart.convertToPixel({seriesIndex: 0}, cp);""", map, COUNTY);
			org.openqa.selenium.Rectangle box = map.getRect();
			new org.openqa.selenium.interactions.Actions(browser.driver())
				.moveToElement(map, (int) Math.round(((Number) at.get(0)).doubleValue() - box.getWidth() / 2.0),
						(int) Math.round(((Number) at.get(1)).doubleValue() - box.getHeight() / 2.0))
				.click().perform();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("region=" + COUNTY));
			assertThat(browser.text("h1")).startsWith("西林县统计看板");
			assertThat(browser.text("table.map-table")).contains("西林县").doesNotContain("田东县");
			browser.screenshot("report-06-dashboard-county");
		}
	}

	/** 百色's office replaces the map's outlines on a screen: a file missing a county is refused, a whole one taken. */
	@Test
	void aCityAdministratorReplacesTheMapOutlinesOnTheScreen() throws java.io.IOException {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		tools.jackson.databind.node.ObjectNode shipped = (tools.jackson.databind.node.ObjectNode) admin(port)
			.get("/api/v1/maps/451000").json();
		java.nio.file.Path whole = java.nio.file.Files.createTempFile("baise-", ".geojson");
		java.nio.file.Files.writeString(whole, json.writeValueAsString(shipped));
		tools.jackson.databind.node.ArrayNode eleven = json.createArrayNode();
		shipped.get("features").valueStream().filter(f -> !f.get("properties").get("code").asString().equals(COUNTY))
			.forEach(eleven::add);
		shipped.set("features", eleven);
		java.nio.file.Path missing = java.nio.file.Files.createTempFile("baise-eleven-", ".geojson");
		java.nio.file.Files.writeString(missing, json.writeValueAsString(shipped));
		try (Browser browser = Browser.open(port, 1280, 1000)) {
			browser.signIn("admin", "admin-test-password").go("/admin/maps");
			assertThat(browser.text(".map-source")).isEqualTo("正在使用随系统提供的轮廓（12 个县（市、区））。");
			browser.find("#file").sendKeys(missing.toString());
			browser.click("form.map-upload button[type=submit]");
			assertThat(browser.text(".alert.error")).endsWith("缺少这些县（市、区）的轮廓：西林县。");
			browser.screenshot("report-09-map-outlines-refused");
			browser.find("#file").sendKeys(whole.toString());
			browser.click("form.map-upload button[type=submit]");
			assertThat(browser.text(".alert.success")).isEqualTo("地图轮廓已更新。");
			assertThat(browser.text(".map-source")).startsWith("正在使用上传的轮廓（12 个县（市、区）），admin 于");
			browser.screenshot("report-10-map-outlines-uploaded");
			browser.go("/reports/dashboard");
			assertThat(drawnMap(browser).findElements(By.cssSelector("svg path")).size()).isGreaterThanOrEqualTo(12);
		}
		finally {
			jdbc.sql("delete from report_county_outline").update();
			java.nio.file.Files.deleteIfExists(whole);
			java.nio.file.Files.deleteIfExists(missing);
		}
	}

	/** The county map once ECharts has drawn it (the outlines come by a request of their own). */
	private static org.openqa.selenium.WebElement drawnMap(Browser browser) {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElements(By.cssSelector("#county-map .county-echart[data-drawn='true']")).stream().findFirst()
				.orElse(null));
	}
}
