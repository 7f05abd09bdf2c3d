package org.lianluo.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;
import static org.lianluo.Staff.user;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LianluoTest
class StationApiTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Value("${lianluo.public-url:http://localhost:8080}")
	String publicUrl;

	@Autowired
	Stations stations;

	UUID deputy(String name, String region) {
		return id(admin(port).post("/api/v1/deputies", Map.of("name", name, "gender", "MALE", "levels", List.of("COUNTY"),
				"regionCode", region, "phone", "13800001111")));
	}

	@Test
	void createsAStationWithItsRosterAndShowsItPublicly() {
		String name = unique("田东县朔良镇人大代表联络站");
		String deputyName = unique("农");
		UUID deputy = deputy(deputyName, "451022");
		Response created = admin(port).post("/api/v1/stations", Map.of("name", name, "kind", "STANDARD", "partners",
				List.of("LEGAL_SERVICE"), "regionCode", "451022", "address", "朔良镇政府一楼", "receptionSchedule", "每周三上午",
				"deputyIds", List.of(deputy), "functions", List.of("宣传站", "OPINION_WINDOW")));
		UUID id = id(created);
		JsonNode s = created.json();
		assertThat(s.get("partners").toString()).contains("LEGAL_SERVICE");
		assertThat(s.get("functions").toString()).contains("PUBLICITY", "OPINION_WINDOW");
		assertThat(s.get("deputies").get(0).get("name").asText()).isEqualTo(deputyName);
		assertThat(stations.find(id)).hasValueSatisfying(x -> assertThat(x.regionCode()).isEqualTo("451022"));

		Response published = new Api(port).get("/api/v1/public/stations?region=451022&q=" + name);
		assertThat(published.status()).isEqualTo(200);
		JsonNode item = published.json().get("items").get(0);
		assertThat(item.get("name").asText()).isEqualTo(name);
		assertThat(item.get("kind").asText()).isEqualTo("STANDARD");
		assertThat(item.get("receptionSchedule").asText()).isEqualTo("每周三上午");
		assertThat(item.get("address").asText()).isEqualTo("朔良镇政府一楼");
		assertThat(item.get("regionCode").asText()).isEqualTo("451022");
		assertThat(item.get("deputies").get(0).get("name").asText()).isEqualTo(deputyName);
		assertThat(item.get("deputies").get(0).get("levels").toString()).contains("COUNTY");
		assertThat(published.body()).doesNotContain("1380000", "phone");
		assertThat(new Api(port).get("/api/v1/public/stations?region=451081&q=" + name).json().get("total").asLong()).isZero();
		assertThat(new Api(port).get("/api/v1/public/stations?region=abc").status()).isEqualTo(400);
	}

	@Test
	void aCountyUserSeesOnlyStationsOfTheirCountyOrCoBuiltWithIt() {
		UUID tiandong = id(admin(port).post("/api/v1/stations", Map.of("name", unique("田东站"), "kind", "STANDARD",
				"regionCode", "451022", "address", "平马镇")));
		UUID jingxi = id(admin(port).post("/api/v1/stations", Map.of("name", unique("靖西站"), "kind", "STANDARD",
				"regionCode", "451081", "address", "新靖镇")));
		UUID coBuilt = id(admin(port).post("/api/v1/stations", Map.of("name", unique("平果田东跨区域站"), "kind",
				"CROSS_REGION", "regionCode", "451082", "coRegionCodes", List.of("451022"), "address", "果化镇")));

		Api county = user(port, "451022", "ASSESSOR");
		assertThat(county.get("/api/v1/stations/" + tiandong).status()).isEqualTo(200);
		assertThat(county.get("/api/v1/stations/" + jingxi).status()).isEqualTo(404);
		assertThat(county.get("/api/v1/stations/" + coBuilt).status()).isEqualTo(200);
		assertThat(county.get("/api/v1/stations/" + jingxi + "/qr.png").status()).isEqualTo(404);
		assertThat(county.put("/api/v1/stations/" + coBuilt, Map.of("name", "改名", "kind", "CROSS_REGION", "regionCode",
				"451082", "coRegionCodes", List.of("451022"), "address", "果化镇")).status()).isEqualTo(404);
		String list = county.get("/api/v1/stations?size=200").body();
		assertThat(list).contains(tiandong.toString(), coBuilt.toString()).doesNotContain(jingxi.toString());

		Api city = user(port, "451000", "ASSESSOR");
		assertThat(city.get("/api/v1/stations/" + jingxi).status()).isEqualTo(200);
	}

	@Test
	void refusesBadStationsFieldByField() {
		Response r = admin(port).post("/api/v1/stations", Map.of("name", "", "kind", "CROSS_REGION", "partners",
				List.of("BANK"), "regionCode", "451022", "address", "", "deputyIds", List.of(UUID.randomUUID())));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").toString()).contains("\"name\"", "\"partners\"", "\"address\"",
				"\"coRegionCodes\"", "\"deputyIds\"", "跨区域联络站须填写至少一个共建区域");
	}

	@Test
	void theQrCodeDecodesToThePortalFormWithTheStationChosen() throws Exception {
		UUID id = id(admin(port).post("/api/v1/stations", Map.of("name", unique("二维码站"), "kind", "PARK",
				"regionCode", "451022", "address", "田东石化工业园区")));
		HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + port + "/api/v1/stations/" + id + "/qr.png"))
			.header("Authorization", "Bearer " + admin(port).token()).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(decode(png.body())).isEqualTo(publicUrl + "/opinions/new?station=" + id);

		Response svg = admin(port).get("/api/v1/stations/" + id + "/qr.svg");
		assertThat(svg.contentType()).startsWith("image/svg+xml");
		assertThat(svg.body()).startsWith("<svg").contains("<path");
	}

	@Test
	void keepsADutyRotaOfDeputiesOnTheRoster() {
		String deputyName = unique("罗");
		UUID onRoster = deputy(deputyName, "451022");
		UUID other = deputy(unique("陆"), "451022");
		UUID station = id(admin(port).post("/api/v1/stations", Map.of("name", unique("接待站"), "kind", "STANDARD",
				"regionCode", "451022", "address", "平马镇", "deputyIds", List.of(onRoster))));
		String rota = "/api/v1/stations/" + station + "/rota";
		assertThat(admin(port).post(rota, Map.of("day", "2030-03-06", "deputyId", onRoster)).status()).isEqualTo(201);
		assertThat(admin(port).post(rota, Map.of("day", "2030-03-06", "deputyId", onRoster)).status()).isEqualTo(201);
		Response refused = admin(port).post(rota, Map.of("day", "2030-03-07", "deputyId", other));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").toString()).contains("只能安排本站的进站代表接待");
		Response listed = admin(port).get(rota + "?from=2030-03-01&to=2030-03-31");
		assertThat(listed.json()).hasSize(1);
		assertThat(listed.json().get(0).get("deputyName").asText()).isEqualTo(deputyName);
		assertThat(listed.json().get(0).get("day").asText()).isEqualTo("2030-03-06");
		assertThat(user(port, "451081", "ASSESSOR").post(rota, Map.of("day", "2030-03-08", "deputyId", onRoster)).status())
			.isEqualTo(404);
		assertThat(admin(port).get(rota + "?from=2030-03-01&to=2032-03-31").status()).isEqualTo(400);
	}

	static String decode(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}
}
