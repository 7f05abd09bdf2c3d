package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 24 in Chromium: forms filled without a network are kept on the device, survive the browser being closed,
 * wait for their deputy's next sign-in, and are stored exactly once when the network returns; a refused record stays
 * with the server's message until it is fixed. The network is cut with DevTools' emulation.
 */
@LianluoTest
class OfflineIntakeBrowserTests {

	/** 四塘镇, a township no other test uses. */
	static final String TOWN = "451082105";

	/** A code as the panel shows it after its label: the tracking code (13 characters) or the rating key. */
	static final Pattern CODE = Pattern.compile("(?<=查询码 |评价码 |意见查询码：|、)[0-9A-Z]{13,}");

	@LocalServerPort
	int port;

	record Deputy(UUID id, String username, UUID station) {
	}

	Deputy deputy() {
		Api admin = Staff.admin(port);
		UUID deputy = id(admin.post("/api/v1/deputies", Map.of("name", unique("农"), "gender", "FEMALE", "levels",
				List.of("TOWNSHIP"), "regionCode", TOWN)));
		UUID station = id(admin.post("/api/v1/stations", Map.of("name", unique("四塘镇联络站"), "kind", "STANDARD",
				"regionCode", TOWN, "address", "四塘镇政府", "deputyIds", List.of(deputy))));
		String name = unique("offline");
		assertThat(admin.post("/api/v1/users", Map.of("username", name, "displayName", "离线代表", "password", "password-123",
				"roles", List.of("DEPUTY"), "regionCode", TOWN, "deputyId", deputy.toString())).status()).isEqualTo(201);
		return new Deputy(deputy, name, station);
	}

	static void network(Browser b, boolean online) {
		b.cdp("Network.enable", Map.of());
		b.cdp("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0, "downloadThroughput", -1,
				"uploadThroughput", -1));
	}

	static Object async(Browser b, String script, Object... args) {
		return ((JavascriptExecutor) b.driver()).executeAsyncScript(script, args);
	}

	/** Until the service worker controls the page and keeps {@code path} for offline use. */
	static void workerKeeps(Browser b, String path) {
		new WebDriverWait(b.driver(), Duration.ofSeconds(30)).withMessage("the service worker keeps " + path).until(d -> {
			if (!Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!navigator.serviceWorker.controller"))) {
				d.navigate().refresh();
				return false;
			}
			Object kept = async(b, """
					var done = arguments[arguments.length - 1];
					caches.match(arguments[0]).then(function (r) { done(!!r); }, function () { done(false); });""", path);
			if (!Boolean.TRUE.equals(kept)) {
				d.navigate().refresh();
				return false;
			}
			return true;
		});
	}

	static String waitFor(Browser b, String css, String text) {
		String[] seen = { "" };
		new WebDriverWait(b.driver(), Duration.ofSeconds(40)).ignoring(org.openqa.selenium.WebDriverException.class)
			.withMessage(() -> css + " to show " + text + ", shows: " + seen[0])
			.until(d -> {
				seen[0] = d.findElement(org.openqa.selenium.By.cssSelector(css)).getText();
				return seen[0].contains(text);
			});
		return seen[0];
	}

	/** A screenshot with the panel of what waits on the device at the top of the window. */
	static void shot(Browser b, String name) {
		((JavascriptExecutor) b.driver()).executeScript("var p = document.getElementById('offline-queue');"
				+ " if (p && !p.hidden) { p.scrollIntoView({ block: 'start' }); }");
		b.screenshot(name);
	}

	static void startAt(Browser b, String value) {
		((JavascriptExecutor) b.driver()).executeScript("document.getElementById('startAt').value = arguments[0];", value);
	}

	/** A form the offline queue takes: no page load follows its submit. */
	static void submit(Browser b, String css) {
		b.find(css).click();
	}

	/** The codes of the visit's line of the panel (the citizen's line may follow it). */
	static List<String> heardCodes(String panel) {
		String line = panel.substring(panel.indexOf("意见查询码"));
		return codes(line.contains("\n") ? line.substring(0, line.indexOf('\n')) : line);
	}

	static List<String> codes(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = CODE.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	/** The opinions an ASSESSOR of the county finds by a tracking code or a text: exactly one each time. */
	static JsonNode one(Api assessor, String q) {
		JsonNode page = assessor.get("/api/v1/opinions?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
				+ "&region=" + TOWN).json();
		assertThat(page.get("total").asLong()).as("opinions found by %s", q).isEqualTo(1);
		return page.get("items").get(0);
	}

	@Test
	void aVisitWithTwoOpinionsAndACitizensOpinionFilledOfflineSurviveARestartAndAreStoredOnceEach() throws Exception {
		Deputy me = deputy();
		String heard1 = unique("四塘镇那禄村饮水管道破裂，全村停水三天");
		String heard2 = unique("四塘镇到平果的班车太少，希望增加班次");
		String spoken = unique("四塘镇集市没有公共厕所，赶集很不方便");
		String title = unique("走访那禄村");
		Path profile = Files.createTempDirectory("lianluo-offline-profile");
		Api assessor = Staff.user(port, "451082", "ASSESSOR");

		try (Browser b = Browser.open(port, 420, 900, false, profile)) {
			b.signIn(me.username(), "password-123");
			b.go("/duty/visit");
			workerKeeps(b, "/duty/visit");
			workerKeeps(b, "/opinions/new");

			network(b, false);
			b.go("/duty/visit");
			assertThat(b.text("h1")).isEqualTo("登记走访");
			b.type("#title", title).type("#votersReceived", "12").type("#opinion-1", heard1).type("#opinion-2", heard2);
			startAt(b, "2025-10-09T09:30");
			b.screenshot("offline-01-visit-form-offline");
			submit(b, "form.visit button[type=submit]");
			assertThat(waitFor(b, "#offline-queue", "已保存在本机，联网后自动提交")).contains("本机有 1 条记录等待提交");
			shot(b, "offline-02-visit-saved");

			b.go("/opinions/new");
			b.type("#content", spoken).select("#regionCode", TOWN);
			submit(b, "form[data-offline=speak] button[type=submit]");
			assertThat(waitFor(b, "#offline-queue", "本机有 2 条记录等待提交")).contains("已保存在本机");
			shot(b, "offline-03-speak-saved");
			assertThat(assessor.get("/api/v1/opinions?q=" + java.net.URLEncoder.encode(spoken, java.nio.charset.StandardCharsets.UTF_8)
					+ "&region=" + TOWN).json().get("total").asLong()).as("nothing left the device while offline").isZero();
		}

		try (Browser b = Browser.open(port, 420, 900, true, profile)) {
			network(b, false);
			b.go("/opinions/new");
			assertThat(waitFor(b, "#offline-queue", "本机有 2 条记录等待提交")).doesNotContain("已提交");
			Object offline = async(b, """
					var done = arguments[arguments.length - 1];
					fetch('/actuator/health', { cache: 'no-store' }).then(function () { done('reached'); }, function () { done('offline'); });""");
			assertThat(offline).as("the reopened page has no network").isEqualTo("offline");
			shot(b, "offline-04-reopened-offline");

			b.signOut();
			network(b, true);
			String panel = waitFor(b, "#offline-queue", "评价码");
			assertThat(panel).contains("已提交：意见建议", "本机有 1 条记录等待提交", "请用保存这些记录的账号重新登录");
			shot(b, "offline-05-online-citizen-landed-deputy-waits-for-sign-in");
			new PortalChecks(b).page("offline-06-speak-page-checks");
			List<String> citizen = codes(panel);
			assertThat(citizen).as("tracking code and rating key").hasSize(2);
			assertThat(citizen.get(0)).hasSize(13);
			JsonNode spokenOpinion = one(assessor, spoken);
			assertThat(spokenOpinion.get("trackingCode").asText()).isEqualTo(citizen.get(0));
			assertThat(new Api(port).get("/api/v1/public/opinions/" + citizen.get(0)).status()).isEqualTo(200);

			b.signIn(me.username(), "password-123");
			String landed = waitFor(b, "#offline-queue", "意见查询码");
			shot(b, "offline-07-signed-in-visit-landed");
			assertThat(landed).contains("已提交：走访“" + title.substring(0, 4)).doesNotContain("等待提交");
			List<String> heard = heardCodes(landed);
			assertThat(heard).hasSize(2);
			assertThat(one(assessor, heard1).get("trackingCode").asText()).isEqualTo(heard.get(0));
			assertThat(one(assessor, heard2).get("trackingCode").asText()).isEqualTo(heard.get(1));
			assertThat(assessor.get("/api/v1/opinions/" + one(assessor, heard.get(0)).get("id").asText()).json().get("content")
				.asText()).isEqualTo(heard1);
			JsonNode visits = Staff.admin(port).get("/api/v1/activities?deputy=" + me.id()).json();
			assertThat(visits.get("total").asLong()).as("the visit, once").isEqualTo(1);
			assertThat(visits.get("items").get(0).get("title").asText()).isEqualTo(title);
		}
	}

	@Test
	void aRecordSentTwiceIsStoredOnceAndARefusedOneStaysWithTheServersMessageUntilFixed() {
		Deputy me = deputy();
		String heard = unique("四塘镇小学门前的路没有斑马线");
		Api assessor = Staff.user(port, "451082", "ASSESSOR");
		try (Browser b = Browser.open(port, 420, 900)) {
			b.signIn(me.username(), "password-123");
			b.go("/duty/visit");
			network(b, false);
			b.type("#title", unique("走访四塘小学")).type("#opinion-1", heard);
			startAt(b, "2025-10-10T15:00");
			submit(b, "form.visit button[type=submit]");
			waitFor(b, "#offline-queue", "已保存在本机");
			network(b, true);
			String first = waitFor(b, "#offline-queue", "意见查询码");
			List<String> code = heardCodes(first);

			// The answer was lost on the way back: the device still holds the record as waiting, and sends it again.
			async(b, """
					var done = arguments[arguments.length - 1];
					var open = indexedDB.open('lianluo-offline', 1);
					open.onsuccess = function () {
					  var tx = open.result.transaction('records', 'readwrite');
					  var store = tx.objectStore('records');
					  store.getAll().onsuccess = function (e) {
					    e.target.result.forEach(function (r) { r.state = 'waiting'; delete r.result; store.put(r); });
					  };
					  tx.oncomplete = function () { open.result.close(); done(true); };
					};""");
			b.go("/duty/visit");
			String again = waitFor(b, "#offline-queue", "意见查询码");
			assertThat(heardCodes(again)).isEqualTo(code);
			assertThat(one(assessor, heard).get("trackingCode").asText()).isEqualTo(code.get(0));
			assertThat(Staff.admin(port).get("/api/v1/activities?deputy=" + me.id()).json().get("total").asLong())
				.as("sent twice, stored once").isEqualTo(1);
			shot(b, "offline-08-sent-twice-stored-once");
			b.click("#offline-queue .offline-dismiss");

			network(b, false);
			String title = unique("走访四塘村");
			b.type("#title", title).type("#opinion-1", "太短");
			startAt(b, "2025-10-11T10:00");
			submit(b, "form.visit button[type=submit]");
			waitFor(b, "#offline-queue", "已保存在本机");
			network(b, true);
			String refused = waitFor(b, "#offline-queue", "未被接收");
			assertThat(refused).contains("每条群众意见须为 5 到 5000 字");
			shot(b, "offline-09-refused-with-the-servers-message");
			assertThat(Staff.admin(port).get("/api/v1/activities?deputy=" + me.id()).json().get("total").asLong()).isEqualTo(1);

			b.click("#offline-queue .offline-fix");
			assertThat(b.find("#title").getAttribute("value")).isEqualTo(title);
			b.type("#opinion-1", "四塘村的路灯坏了半年没人修。");
			submit(b, "form.visit button[type=submit]");
			String fixed = waitFor(b, "#offline-queue", "意见查询码");
			assertThat(fixed).doesNotContain("未被接收");
			shot(b, "offline-10-fixed-and-landed");
			assertThat(Staff.admin(port).get("/api/v1/activities?deputy=" + me.id()).json().get("total").asLong()).isEqualTo(2);
		}
	}

	@Test
	void aStationIntakeFilledOfflineLandsOnceWithTheCitizensReceipt() {
		Deputy me = deputy();
		String said = unique("四塘镇卫生院晚上没有医生值班");
		Api assessor = Staff.user(port, "451082", "ASSESSOR");
		try (Browser b = Browser.open(port, 420, 900)) {
			b.signIn(me.username(), "password-123");
			b.go("/opinions/register?station=" + me.station());
			network(b, false);
			b.type("#content", said).type("#name", "韦先生");
			b.click("form.register input[name=deputyIds]");
			submit(b, "form.register button[type=submit]");
			assertThat(waitFor(b, "#offline-queue", "已保存在本机，联网后自动提交")).contains("本机有 1 条记录等待提交");
			shot(b, "offline-11-intake-saved");
			network(b, true);
			String receipt = waitFor(b, "#offline-queue", "评价码");
			shot(b, "offline-12-intake-landed");
			List<String> codes = codes(receipt);
			assertThat(codes).hasSize(2);
			JsonNode stored = one(assessor, said);
			assertThat(stored.get("trackingCode").asText()).isEqualTo(codes.get(0));
			JsonNode opinion = assessor.get("/api/v1/opinions/" + stored.get("id").asText()).json();
			assertThat(opinion.get("channel").asText()).isEqualTo("STATION_RECEPTION");
			assertThat(opinion.get("deputyIds").get(0).asText()).isEqualTo(me.id().toString());
		}
	}
}
