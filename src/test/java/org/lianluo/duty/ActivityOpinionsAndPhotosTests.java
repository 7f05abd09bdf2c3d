package org.lianluo.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** What voters said during an activity becomes opinions of the loop; photos are checked by their content. */
@LianluoTest
class ActivityOpinionsAndPhotosTests {

	/** 德保县足荣镇, a township no other test uses. */
	static final String TOWN = "451024101";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	UUID deputy() {
		return id(Staff.admin(port).post("/api/v1/deputies", Map.of("name", unique("农"), "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", TOWN)));
	}

	Api deputyUser(UUID deputy) {
		String name = unique("d");
		Response r = Staff.admin(port).post("/api/v1/users", Map.of("username", name, "displayName", "代表", "password",
				"password-123", "roles", List.of("DEPUTY"), "regionCode", TOWN, "deputyId", deputy.toString()));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	@Test
	void eachOpinionHeardAtAReceptionIsANewOpinionInTheTriageQueueListedOnTheActivity() {
		UUID me = deputy();
		UUID station = id(Staff.admin(port).post("/api/v1/stations", Map.of("name", unique("足荣镇联络站"), "kind", "STANDARD",
				"regionCode", TOWN, "address", "足荣镇政府", "deputyIds", List.of(me))));
		Api mine = deputyUser(me);
		Map<String, Object> body = new HashMap<>(Map.of("type", "RECEPTION", "title", "接待日", "startAt",
				"2025-05-06T09:00:00+08:00", "regionCode", TOWN, "stationId", station, "deputyIds", List.of(me),
				"votersReceived", 8, "opinions", List.of("足荣镇菜市场排水沟堵塞，雨天积水严重。", "  ", "希望增加到县城的公交班次，方便群众出行。")));
		Response created = mine.post("/api/v1/activities", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode said = created.json().get("opinions");
		assertThat(said).as("the blank one is left out").hasSize(2);
		assertThat(said.get(0).get("content").asText()).startsWith("足荣镇菜市场排水沟");
		assertThat(said.valueStream().map(o -> o.get("status").asText())).containsOnly("RECEIVED");

		Api assessor = Staff.user(port, "451024", "ASSESSOR");
		for (JsonNode o : said) {
			JsonNode opinion = assessor.get("/api/v1/opinions/" + o.get("opinionId").asText()).json();
			assertThat(opinion.get("channel").asText()).isEqualTo("STATION_RECEPTION");
			assertThat(opinion.get("stationId").asText()).isEqualTo(station.toString());
			assertThat(opinion.get("deputyIds").valueStream().map(JsonNode::asText)).containsExactly(me.toString());
			assertThat(opinion.get("receivedAt").asText()).isEqualTo("2025-05-06T01:00:00Z");
		}
		JsonNode queue = assessor.get("/api/v1/opinions?status=RECEIVED&region=" + TOWN + "&size=100").json();
		assertThat(queue.get("items").valueStream().map(r -> r.get("id").asText()))
			.contains(said.get(0).get("opinionId").asText(), said.get(1).get("opinionId").asText());
		assertThat(said.valueStream().map(o -> o.get("trackingCode").isNull())).as("the citizen's codes, not the deputy's")
			.containsOnly(true);
		assertThat(assessor.get("/api/v1/activities/" + created.json().get("id").asText()).json().get("opinions")).hasSize(2);

		Response visit = mine.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访", "startAt",
				"2025-05-07T09:00:00+08:00", "regionCode", TOWN, "deputyIds", List.of(me), "opinions", List.of("村里路灯坏了很久。")));
		assertThat(assessor.get("/api/v1/opinions/" + visit.json().get("opinions").get(0).get("opinionId").asText()).json()
			.get("channel").asText()).isEqualTo("DEPUTY_VISIT");
	}

	@Test
	void anOpinionTooShortOrTooManyRefusesTheWholeActivityInChinese() {
		UUID me = deputy();
		Api mine = deputyUser(me);
		long activities = jdbc.sql("select count(*) from duty_activity").query(Long.class).single();
		long opinions = jdbc.sql("select count(*) from opinion").query(Long.class).single();
		Response r = mine.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访", "startAt", "2025-05-07T09:00:00+08:00",
				"regionCode", TOWN, "deputyIds", List.of(me), "opinions", List.of("这是一条足够长的意见内容。", "太短")));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.body()).contains("每条群众意见须为 5 到 5000 字");
		List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "第" + i + "条群众意见内容").toList();
		Response tooMany = mine.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访", "startAt",
				"2025-05-07T09:00:00+08:00", "regionCode", TOWN, "deputyIds", List.of(me), "opinions", many));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("一次最多登记 20 条群众意见");
		assertThat(jdbc.sql("select count(*) from duty_activity").query(Long.class).single()).isEqualTo(activities);
		assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single()).isEqualTo(opinions);
	}

	@Test
	void photosAreJpegOrPngByContentWithAThumbnailAndSeenOnlyWithinTheScope() throws Exception {
		UUID me = deputy();
		Api mine = deputyUser(me);
		String activity = id(mine.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访", "startAt",
				"2025-05-08T09:00:00+08:00", "regionCode", TOWN, "deputyIds", List.of(me)))).toString();
		String path = "/api/v1/activities/" + activity + "/photos";

		byte[] png = image(1200, 800, "png");
		Response stored = Staff.upload(mine, path, "现场.png", png);
		assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
		assertThat(stored.json().get("contentType").asText()).isEqualTo("image/png");
		Response jpeg = Staff.upload(mine, path, "photo.dat", image(300, 400, "jpeg"));
		assertThat(jpeg.status()).as("told by content, not by name").isEqualTo(201);
		assertThat(jpeg.json().get("contentType").asText()).isEqualTo("image/jpeg");

		Response text = Staff.upload(mine, path, "fake.jpg", "不是图片".getBytes(StandardCharsets.UTF_8));
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.body()).contains("只接受 JPEG 或 PNG 照片");
		byte[] broken = java.util.Arrays.copyOf(png, 40);
		assertThat(Staff.upload(mine, path, "broken.png", broken).status()).as("PNG magic but no image").isEqualTo(415);
		assertThat(Staff.upload(mine, path, "doc.pdf", "%PDF-1.4 not a photo".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(415);
		assertThat(Staff.upload(mine, path, "big.jpg", new byte[10 * 1024 * 1024 + 1]).status()).isEqualTo(413);

		JsonNode photos = mine.get("/api/v1/activities/" + activity).json().get("photos");
		assertThat(photos).hasSize(2);
		String photo = photos.get(0).get("id").asText();
		HttpResponse<byte[]> full = bytes(mine, "/api/v1/activities/" + activity + "/photos/" + photo);
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.body()).isEqualTo(png);
		HttpResponse<byte[]> thumb = bytes(mine, "/api/v1/activities/" + activity + "/photos/" + photo + "?thumbnail=true");
		assertThat(thumb.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
		assertThat(small.getWidth()).isEqualTo(240);
		assertThat(small.getHeight()).isEqualTo(160);

		Api sibling = Staff.user(port, "451081", "ASSESSOR");
		assertThat(bytes(sibling, "/api/v1/activities/" + activity + "/photos/" + photo).statusCode()).isEqualTo(404);
		assertThat(Staff.upload(sibling, path, "x.png", png).status()).isEqualTo(404);
		assertThat(Staff.upload(Staff.user(port, "451024", "LEADER"), path, "x.png", png).status()).isEqualTo(403);
		String other = id(mine.post("/api/v1/activities", Map.of("type", "VISIT", "title", "另一次走访", "startAt",
				"2025-05-09T09:00:00+08:00", "regionCode", TOWN, "deputyIds", List.of(me)))).toString();
		assertThat(bytes(mine, "/api/v1/activities/" + other + "/photos/" + photo).statusCode())
			.as("a photo is read through its own activity only").isEqualTo(404);
	}

	static byte[] image(int w, int h, String format) throws IOException {
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 120, 200));
		g.fillRect(0, 0, w, h);
		g.setColor(Color.ORANGE);
		g.fillOval(w / 4, h / 4, w / 2, h / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	static HttpResponse<byte[]> bytes(Api api, String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
