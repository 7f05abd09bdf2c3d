package org.lianluo.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The points scheme with proposals and co-signatures and the rank in the delegation, the rota against the
 * receptions held, the participation with who has not yet come, and the annual statement, all by hand. Proposals
 * are submitted now, so this year's records are built here: in 德保县都安乡 (451024102), which no other test uses.
 */
@LianluoTest
class DutyPointsRotaAndStatementTests {

	static final String TOWN = "451024102";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	Api admin() {
		return Staff.admin(port);
	}

	UUID deputy(String name, String delegation, boolean committeeMember) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name, "gender", "MALE", "levels", List.of("COUNTY"),
				"regionCode", TOWN));
		if (delegation != null) {
			body.put("delegation", delegation);
		}
		if (committeeMember) {
			body.put("committeeMember", true);
			body.put("committeePosition", "MEMBER");
		}
		return id(admin().post("/api/v1/deputies", body));
	}

	Api deputyUser(UUID deputy) {
		String name = unique("d");
		Response r = admin().post("/api/v1/users", Map.of("username", name, "displayName", "代表", "password", "password-123",
				"roles", List.of("DEPUTY"), "regionCode", TOWN, "deputyId", deputy.toString()));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	String session() {
		for (int attempt = 0; attempt < 20; attempt++) {
			Response r = admin().post("/api/v1/sessions", Map.of("level", "COUNTY", "regionCode", "451024", "term",
					ThreadLocalRandom.current().nextInt(1, 100), "number", ThreadLocalRandom.current().nextInt(1, 1000),
					"opensOn", "2026-01-10", "closesOn", "2026-01-13"));
			if (r.status() == 201) {
				return r.json().get("id").asText();
			}
			assertThat(r.status()).as(r.toString()).isEqualTo(409);
		}
		throw new AssertionError("no free session number");
	}

	static Map<String, Object> activity(String type, LocalDate day, List<UUID> deputies, Object... more) {
		Map<String, Object> body = new HashMap<>(Map.of("type", type, "title", "活动" + type + day, "startAt",
				day + "T10:00:00+08:00", "regionCode", TOWN, "deputyIds", deputies));
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	@Test
	void pointsCountProposalsAndCoSignaturesAndRankInTheDelegationTheRotaAndTheStatementByHand() throws Exception {
		LocalDate today = LocalDate.now(ZONE);
		// Records of this year only: in the first days of January the past rota days of this test are still this year.
		LocalDate base = today.getDayOfYear() > 45 ? today : today.plusDays(45 - today.getDayOfYear());
		int year = today.getYear();
		String delegation = unique("德保县代表团");
		UUID a = deputy(unique("甲"), delegation, false);
		UUID b = deputy(unique("乙"), delegation, false);
		UUID c = deputy(unique("丙"), delegation, false);
		UUID outsider = deputy(unique("丁"), null, false);
		UUID member = deputy(unique("戊"), null, true);
		UUID station = id(admin().post("/api/v1/stations", Map.of("name", unique("都安乡联络站"), "kind", "STANDARD",
				"regionCode", TOWN, "address", "都安乡政府", "deputyIds", List.of(a, b))));
		Api staff = Staff.user(port, "451024", "ASSESSOR");

		// The rota: held (a reception that day), missed (none), to come, and a reception off the rota.
		LocalDate held = base.minusDays(30);
		LocalDate missed = base.minusDays(20);
		LocalDate offRota = base.minusDays(10);
		LocalDate toCome = base.plusDays(5);
		for (LocalDate day : List.of(held, missed, toCome)) {
			assertThat(staff.post("/api/v1/stations/" + station + "/rota", Map.of("day", day.toString(), "deputyId", a)).status())
				.isEqualTo(201);
		}
		boolean pastOnly = !held.isAfter(today) && !offRota.isAfter(today);
		if (pastOnly) {
			id(staff.post("/api/v1/activities", activity("RECEPTION", held, List.of(a), "stationId", station, "votersReceived", 9)));
			id(staff.post("/api/v1/activities", activity("RECEPTION", offRota, List.of(a), "stationId", station)));
		}

		// a: a reception at the station (3) and a visit (5, configured for tests) if past, a proposal led (3).
		// b: a co-signature (1), an inspection (2), a contact with the committee member (1).
		// c: a training (1), absent at a public meeting (0), a draft and a withdrawn proposal (0).
		id(staff.post("/api/v1/activities", activity("VISIT", today, List.of(a))));
		id(staff.post("/api/v1/activities", activity("INSPECTION", today, List.of(b))));
		id(staff.post("/api/v1/activities", activity("TRAINING", today, List.of(c))));
		id(staff.post("/api/v1/activities", activity("PUBLIC_MEETING", today, List.of(c), "attendance", Map.of(c.toString(), "ABSENT"))));
		id(staff.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", b, "at", today + "T08:00:00+08:00",
				"method", "PHONE")));
		String sessionId = session();
		Api aUser = deputyUser(a);
		Api bUser = deputyUser(b);
		Api cUser = deputyUser(c);
		String content = "都安乡通村公路部分路段路面破损严重，雨季通行困难，建议列入明年县道改造计划并安排资金。";
		String led = id(aUser.post("/api/v1/proposals", Map.of("sessionId", sessionId, "title", "关于都安乡通村公路改造的建议",
				"content", content, "coSignerIds", List.of(b, c)))).toString();
		assertThat(bUser.post("/api/v1/proposals/" + led + "/cosign", Map.of("confirm", true)).status()).isEqualTo(200);
		assertThat(cUser.post("/api/v1/proposals/" + led + "/cosign", Map.of("confirm", false)).status()).isEqualTo(200);
		assertThat(aUser.post("/api/v1/proposals/" + led + "/submit", Map.of()).status()).isEqualTo(200);
		id(cUser.post("/api/v1/proposals", Map.of("sessionId", sessionId, "title", "草稿建议", "content", content)));
		String withdrawn = id(cUser.post("/api/v1/proposals", Map.of("sessionId", sessionId, "title", "撤回的建议", "content",
				content))).toString();
		assertThat(cUser.post("/api/v1/proposals/" + withdrawn + "/submit", Map.of()).status()).isEqualTo(200);
		assertThat(cUser.post("/api/v1/proposals/" + withdrawn + "/withdraw", Map.of()).status()).isEqualTo(200);

		long aPoints = 5 + 3 + (pastOnly ? 3 + 3 : 0);
		JsonNode ra = staff.get("/api/v1/deputies/" + a + "/duty?year=" + year).json();
		assertThat(ra.get("proposalsLed").asLong()).isEqualTo(1);
		assertThat(ra.get("cosignatures").asLong()).isZero();
		assertThat(ra.get("receptionsHeld").asLong()).isEqualTo(pastOnly ? 2 : 0);
		assertThat(ra.get("points").asLong()).isEqualTo(aPoints);
		assertThat(ra.get("pointsByKind").get("proposals").asLong()).isEqualTo(3);
		assertThat(ra.get("rank").asInt()).isEqualTo(1);
		assertThat(ra.get("delegationSize").asInt()).isEqualTo(3);
		JsonNode rb = staff.get("/api/v1/deputies/" + b + "/duty?year=" + year).json();
		assertThat(rb.get("cosignatures").asLong()).as("confirmed").isEqualTo(1);
		assertThat(rb.get("points").asLong()).as("co-signature 1 + inspection 2 + contact 1").isEqualTo(4);
		assertThat(rb.get("rank").asInt()).isEqualTo(2);
		JsonNode rc = staff.get("/api/v1/deputies/" + c + "/duty?year=" + year).json();
		assertThat(rc.get("cosignatures").asLong()).as("declined").isZero();
		assertThat(rc.get("proposalsLed").asLong()).as("a draft and a withdrawn one").isZero();
		assertThat(rc.get("points").asLong()).as("training 1, absent at the meeting").isEqualTo(1);
		assertThat(rc.get("rank").asInt()).isEqualTo(3);
		JsonNode rd = staff.get("/api/v1/deputies/" + outsider + "/duty?year=" + year).json();
		assertThat(rd.get("rank").isNull()).as("in no delegation").isTrue();
		assertThat(rd.get("points").asLong()).isZero();

		if (pastOnly) {
			JsonNode rota = staff.get("/api/v1/stations/" + station + "/receptions?from=" + base.minusDays(40) + "&to="
					+ base.plusDays(10)).json();
			assertThat(rota.get("planned").asInt()).isEqualTo(3);
			assertThat(rota.get("held").asInt()).isEqualTo(1);
			assertThat(rota.get("missed").asInt()).isEqualTo(1);
			assertThat(rota.get("upcoming").asInt()).isEqualTo(1);
			assertThat(rota.get("unplanned").asInt()).isEqualTo(1);
			assertThat(rota.get("days").valueStream().map(d -> d.get("day").asText() + " " + d.get("state").asText()))
				.containsExactly(held + " HELD", missed + " MISSED", offRota + " UNPLANNED", toCome + " PLANNED");
			assertThat(rota.get("days").get(0).get("receptions").get(0).get("votersReceived").asInt()).isEqualTo(9);
			JsonNode perStation = staff.get("/api/v1/duty/participation?region=" + TOWN + "&year=" + year).json().get("items");
			assertThat(perStation).hasSize(1);
			assertThat(perStation.get(0).get("received").asInt()).isEqualTo(1);
			assertThat(perStation.get(0).get("rate").asDouble()).isEqualTo(0.5);
			assertThat(perStation.get(0).get("notYet").valueStream().map(JsonNode::asText)).containsExactly(b.toString());
			assertThat(perStation.get(0).get("notYetNames").get(0).asText()).startsWith("乙");
		}
		assertThat(Staff.user(port, "451081", "ASSESSOR").get("/api/v1/stations/" + station + "/receptions").status())
			.isEqualTo(404);
		Response badRange = staff.get("/api/v1/stations/" + station + "/receptions?from=2025-01-01&to=2027-01-01");
		assertThat(badRange.status()).isEqualTo(400);
		assertThat(badRange.contentType()).startsWith("application/problem+json");

		HttpResponse<byte[]> docx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(staff.base()
				+ "/api/v1/deputies/" + a + "/duty/statement.docx?year=" + year))
			.header("Authorization", "Bearer " + staff.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
		assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".docx");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			String statement = text.getText();
			assertThat(statement).contains(year + "年度履职情况报告",
					"本人参加履职活动 " + (pastOnly ? 3 : 1) + " 次，其中进站接待选民 " + (pastOnly ? 2 : 0) + " 次",
					"领衔提出建议 1 件，附议建议 0 件",
					"本年度积分 " + aPoints + " 分，在" + delegation + "中排名第 1（共 3 人）", "活动VISIT" + today, "走访");
			assertThat(doc.getTables()).hasSize(3);
		}
		HttpResponse<byte[]> outside = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(staff.base()
				+ "/api/v1/deputies/" + a + "/duty/statement.docx"))
			.header("Authorization", "Bearer " + Staff.user(port, "451081", "ASSESSOR").token()).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(outside.statusCode()).isEqualTo(404);
	}
}
