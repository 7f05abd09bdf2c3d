package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@LianluoTest
class RegistryBrowserTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Value("${lianluo.public-url:http://localhost:8080}")
	String publicUrl;

	@Autowired
	JdbcClient jdbc;

	@Test
	void filtersDeputiesByCountyAndEthnicityRevealsAPhoneAndPrintsAStationsQrCode() throws Exception {
		Api admin = admin(port);
		String yao = unique("盘");
		String zhuang = unique("韦");
		String yaoElsewhere = unique("赵");
		UUID deputy = id(admin.post("/api/v1/deputies", Map.of("name", yao, "gender", "FEMALE", "ethnicity", "瑶族",
				"birthYear", 1978, "levels", List.of("COUNTY", "TOWNSHIP"), "regionCode", "451022105", "phone", "13877665544",
				"delegation", "思林镇代表团", "occupation", "FARMER", "politicalAffiliation", "CPC")));
		id(admin.post("/api/v1/deputies", Map.of("name", zhuang, "gender", "MALE", "ethnicity", "壮族", "levels",
				List.of("COUNTY"), "regionCode", "451022")));
		id(admin.post("/api/v1/deputies", Map.of("name", yaoElsewhere, "gender", "MALE", "ethnicity", "瑶族", "levels",
				List.of("COUNTY"), "regionCode", "451081")));
		String stationName = "田东县思林镇人大代表联络站";
		UUID station = id(admin.post("/api/v1/stations", Map.of("name", stationName, "kind", "STANDARD", "partners",
				List.of("LEGAL_SERVICE"), "regionCode", "451022105", "address", "田东县思林镇思林街 1 号",
				"receptionSchedule", "每周三上午", "deputyIds", List.of(deputy))));

		try (Browser browser = Browser.open(port)) {
			browser.signIn("admin", "admin-test-password");
			browser.click("a[href='/deputies']");
			new Select(browser.find("#f-region")).selectByValue("451022");
			new Select(browser.find("#f-ethnicity")).selectByValue("YAO");
			browser.click("#deputy-filters button[type=submit]");
			String table = browser.text("#deputy-table");
			assertThat(table).contains(yao, "瑶族", "县级人大", "田东县思林镇", "138****5544").doesNotContain(zhuang, yaoElsewhere, "13877665544");
			browser.screenshot("registries-01-deputies-tiandong-yao");

			browser.clickLink(yao);
			assertThat(browser.text("h1")).isEqualTo(yao);
			assertThat(browser.text("#phone .masked")).isEqualTo("138****5544");
			browser.screenshot("registries-02-deputy-masked");
			browser.click("button.reveal");
			assertThat(browser.text("#phone .revealed")).isEqualTo("13877665544");
			assertThat(browser.text("#phone")).contains("已记入安全审计");
			browser.screenshot("registries-03-deputy-revealed");
			assertThat(jdbc.sql("select count(*) from audit_log where action = 'PERSONAL_DATA_REVEALED' and actor = 'admin' and target = ?")
				.param("deputy:" + deputy).query(Long.class).single()).isEqualTo(1);

			browser.go("/stations/" + station);
			assertThat(browser.text("#roster")).contains(yao);
			String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
			((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('rota-day').value = arguments[0]", day);
			browser.click("#rota-form button[type=submit]");
			assertThat(browser.text("#rota")).contains(day, yao);
			browser.screenshot("registries-04-station");
			browser.click("a.qr-link");
			assertThat(browser.text(".qr-title")).isEqualTo(stationName);
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
				.jsReturnsValue("var i = document.getElementById('qr-image'); return i.complete && i.naturalWidth > 0 ? true : null;"));
			assertThat(((JavascriptExecutor) browser.driver()).executeScript("return document.getElementById('qr-image').naturalWidth"))
				.isEqualTo(600L);
			assertThat(browser.text(".qr-url")).isEqualTo(publicUrl + "/opinions/new?station=" + station);
			browser.screenshot("registries-05-station-qr-print");

			browser.go("/deputies/composition?region=451022");
			assertThat(browser.text("h1")).isEqualTo("代表结构");
			// Other browser tests add deputies to 田东县 too, so the shares are checked by form, not by value.
			assertThat(browser.text(".composition")).contains("瑶族", "壮族", "县级人大", "乡镇人大")
				.containsPattern("瑶族 \\d+ \\d+\\.\\d%");
			browser.find(".chart canvas");
			browser.screenshot("registries-10-composition");
		}

		HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + port + "/api/v1/stations/" + station + "/qr.png"))
			.header("Authorization", "Bearer " + admin.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
		assertThat(decoded).isEqualTo(publicUrl + "/opinions/new?station=" + station);
	}

	@Test
	void editsADeputyCreatesAUnitAndAStationAndImportsASheetOnTheScreens() throws Exception {
		Api admin = admin(port);
		String name = unique("黄");
		UUID deputy = id(admin.post("/api/v1/deputies", Map.of("name", name, "gender", "MALE", "levels", List.of("CITY"),
				"regionCode", "451022", "phone", "13911112222")));
		Path sheet = Files.createTempFile("deputies", ".csv");
		String imported = unique("农");
		Files.writeString(sheet, "姓名,性别,民族,代表层级,区域代码\n" + imported + ",女,瑶族,乡镇人大,451022101\n坏行,男,火星族,乡镇人大,451022101\n");
		String unit = unique("田东县住建局");
		String station = unique("田东县祥周镇人大代表联络站");

		try (Browser browser = Browser.open(port)) {
			browser.signIn("admin", "admin-test-password");
			browser.go("/deputies/" + deputy + "/edit");
			assertThat(browser.find("#phone").getAttribute("value")).isEqualTo("139****2222");
			browser.type("#workplace", "田东县祥周镇人民政府");
			new Select(browser.find("#committeePosition")).selectByValue("DEPUTY_DIRECTOR");
			browser.click("form.stack button[type=submit]");
			assertThat(browser.text(".alert")).isEqualTo("已保存。");
			assertThat(browser.text(".facts")).contains("田东县祥周镇人民政府", "副主任", "139****2222");
			assertThat(browser.text("#history")).contains("修改", "工作单位：（空） → 田东县祥周镇人民政府", "常委会职务：（空） → 副主任", "登记");
			browser.screenshot("registries-06-deputy-saved");
			new Select(browser.find("form.seat-end select[name=status]")).selectByValue("TERMINATED");
			browser.click("form.seat-end button[type=submit]");
			assertThat(browser.text(".table")).contains("终止资格");
			assertThat(browser.text("#history")).contains("结束任职", "市人大：终止资格");

			browser.go("/deputies/import");
			browser.driver().findElement(By.id("file")).sendKeys(sheet.toString());
			browser.click("#import-form button[type=submit]");
			assertThat(browser.text("#import-result")).contains("未导入任何数据", "第 3 行", "「民族」");
			browser.screenshot("registries-07-import-refused");
			browser.driver().findElement(By.id("file")).sendKeys(sheet.toString());
			browser.click("#import-form input[name=partial]");
			browser.click("#import-form button[type=submit]");
			assertThat(browser.text("#import-result")).contains("已导入 1 条", "第 3 行");
			assertThat(admin.get("/api/v1/deputies?q=" + imported).json().get("total").asInt()).isEqualTo(1);

			browser.go("/units/new");
			browser.type("#name", unit);
			new Select(browser.find("#regionCode")).selectByValue("451022");
			browser.click("form.stack button[type=submit]");
			assertThat(browser.text(".alert")).isEqualTo("已保存。");
			browser.go("/units?q=" + unit);
			assertThat(browser.text("#unit-table")).contains(unit, "田东县", "政府部门");
			browser.screenshot("registries-08-units");

			browser.go("/stations/new");
			browser.type("#name", station);
			new Select(browser.find("#regionCode")).selectByValue("451022101");
			browser.type("#address", "祥周镇政府");
			browser.type("#receptionSchedule", "每月10日");
			browser.click("form.stack button[type=submit]");
			assertThat(browser.text("h1")).isEqualTo(station);
			browser.go("/stations?region=451022");
			assertThat(browser.text("#station-table")).contains(station, "每月10日");
			browser.screenshot("registries-09-stations");
		}
	}
}
