package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The receipt a station prints for the voter whose words it registers (API.md: the rating key is given to the
 * citizen only, on the printed receipt of a station intake): the tracking code and the rating key, answered to the
 * registering request alone; the key rates the reply, and the opinion's page shows it to no one afterwards.
 */
@LianluoTest
class StationReceiptTests {

	@LocalServerPort
	int port;

	@Test
	void theStationPrintsTheCodeAndTheRatingKeyOnceAndTheKeyRatesTheReply() {
		Api admin = Staff.admin(port);
		String station = admin.post("/api/v1/stations", Map.of("name", Staff.unique("朔良镇联络站"), "kind", "STANDARD",
				"regionCode", "451022108", "address", "朔良镇政府")).json().get("id").asText();
		String name = Staff.unique("stationadmin");
		Staff.user(port, name, "451022", "STATION_ADMIN");
		Caller staff = Caller.signIn(port, "station_admin", name, "password-123");

		HttpResponse<String> receipt = staff.call("POST", "/opinions/register", false, Map.of("station", station,
				"content", "接待日群众反映：朔良镇到那板村的班车太少。", "channel", "STATION_RECEPTION", "phone", "13907760001"));
		assertThat(receipt.statusCode()).isEqualTo(200);
		String code = field(receipt.body(), "tracking-code");
		String key = field(receipt.body(), "rating-key");
		assertThat(code).hasSize(13);
		assertThat(key).hasSize(20);
		assertThat(receipt.body()).contains("print-page");

		Api assessor = Staff.user(port, "451022", "ASSESSOR");
		String id = assessor.get("/api/v1/opinions?q=" + code).json().get("items").get(0).get("id").asText();
		HttpResponse<String> page = staff.call("GET", "/opinions/" + id, false, Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).as("the office's page names the code, never the key").contains(code).doesNotContain(key);
		assertThat(assessor.get("/api/v1/opinions/" + id).body()).doesNotContain(key);

		String unit = admin.post("/api/v1/units", Map.of("name", Staff.unique("田东县交通局"), "regionCode", "451022")).json()
			.get("id").asText();
		String handlerName = Staff.unique("handler");
		assertThat(admin.post("/api/v1/users", Map.of("username", handlerName, "displayName", "测试", "password", "password-123",
				"roles", List.of("UNIT_HANDLER"), "regionCode", "451022", "unitId", unit)).status()).isEqualTo(201);
		Api unitHandler = new Api(port).as(handlerName, "password-123");
		assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", unit));
		unitHandler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		unitHandler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "PLANNED", "text", "下月起增开班车。"));
		assertThat(assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true)).status()).isEqualTo(200);

		Api citizen = new Api(port);
		assertThat(citizen.post("/api/v1/public/opinions/" + code + "/evaluation", Map.of("grade", "SATISFIED")).status())
			.isEqualTo(403);
		assertThat(citizen.post("/api/v1/public/opinions/" + code + "/evaluation", Map.of("grade", "SATISFIED", "ratingKey", key))
			.status()).isEqualTo(200);
	}

	private static String field(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
		assertThat(m.find()).as(html).isTrue();
		return m.group(1).strip();
	}
}
