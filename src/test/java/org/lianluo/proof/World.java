package org.lianluo.proof;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.lianluo.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records and people the authorization matrix calls on, all in 田东县 (451022): two units, a deputy
 * with a DEPUTY user, a station, a session, an opinion assigned to the first unit with an attachment, a
 * proposal of the deputy assigned to the first unit, a published consultation with a comment, an activity,
 * the handler's inbox message. The callers stand around it: the county's own staff, the city (parent
 * region), 靖西市 (a sibling county), the other unit's handler, and nobody.
 */
final class World {

	static final String COUNTY = "451022";

	static final String TOWNSHIP = "451022108";

	static final String CITY = "451000";

	static final String SIBLING = "451081";

	final Api admin;

	final Api cityAssessor;

	final Api deputyApi;

	final Api handlerApi;

	final String u = UUID.randomUUID().toString().substring(0, 8);

	final String unitId;

	final String otherUnitId;

	final String deputyId;

	final String seatId;

	final String stationId;

	final String sessionId;

	final String consultationId;

	final String commentId;

	final String commentCode;

	final String activityId;

	final String targetUserId;

	final String inboxMessageId;

	final String deliveryId;

	final Opinion opinion;

	final String proposalId;

	/** A delegation's proposal of the county to the regional congress. */
	final String upwardId;

	/** The signed reply letter of the shared proposal, which its unit accepted to upload it. */
	final String replyDocumentId;

	/** A special committee of the county, and a proposal of its own that the county's leader took under key supervision. */
	final String committeeId;

	/** A judge stationed at the station (issue 21). */
	final String memberId;

	final String keySupervisionId;

	/** The callers in the order each row calls them: those who should be refused first, so that they meet the record untouched. */
	final Map<String, Caller> callers = new LinkedHashMap<>();

	private final int port;

	private final JdbcClient jdbc;

	record Opinion(String id, String trackingCode, String attachmentId) {
	}

	World(int port, JdbcClient jdbc) {
		this.port = port;
		this.jdbc = jdbc;
		admin = new Api(port).as("admin", "admin-test-password");
		unitId = id(admin.post("/api/v1/units", Map.of("name", "田东县住建局" + u, "regionCode", COUNTY)));
		otherUnitId = id(admin.post("/api/v1/units", Map.of("name", "田东县水利局" + u, "regionCode", COUNTY)));
		Api.Response deputy = admin.post("/api/v1/deputies", Map.of("name", "黄建" + u.substring(0, 2), "gender", "MALE",
				"levels", List.of("COUNTY"), "regionCode", "451022100"));
		deputyId = id(deputy);
		seatId = deputy.json().get("seats").get(0).get("id").asText();
		stationId = id(admin.post("/api/v1/stations", Map.of("name", "平马镇代表联络站" + u, "kind", "STANDARD", "regionCode",
				COUNTY, "address", "平马镇政府一楼", "deputyIds", List.of(deputyId))));
		sessionId = session();
		targetUserId = user("target", COUNTY, "ASSESSOR", null, null);

		user("assessor", COUNTY, "ASSESSOR", null, null);
		user("cityassessor", CITY, "ASSESSOR", null, null);
		user("jingxi", SIBLING, "ASSESSOR", null, null);
		user("leader", COUNTY, "LEADER", null, null);
		user("handler", COUNTY, "UNIT_HANDLER", unitId, null);
		user("water", COUNTY, "UNIT_HANDLER", otherUnitId, null);
		user("station", COUNTY, "STATION_ADMIN", null, null);
		user("jxstation", SIBLING, "STATION_ADMIN", null, null);
		user("deputy", COUNTY, "DEPUTY", null, deputyId);
		cityAssessor = new Api(port).as("cityassessor" + u, "password-123");
		deputyApi = new Api(port).as("deputy" + u, "password-123");
		handlerApi = new Api(port).as("handler" + u, "password-123");

		callers.put("anonymous", Caller.anonymous(port));
		caller("sibling_assessor", "jingxi");
		caller("sibling_station_admin", "jxstation");
		caller("other_handler", "water");
		caller("deputy", "deputy");
		caller("station_admin", "station");
		caller("leader", "leader");
		caller("handler", "handler");
		caller("assessor", "assessor");
		caller("city_assessor", "cityassessor");
		callers.put("admin", Caller.signIn(port, "admin", "admin", "admin-test-password"));

		opinion = opinion();
		proposalId = proposal();
		upwardId = id(cityAssessor.post("/api/v1/proposals/upward", Map.of("delegation", "田东县代表团", "regionCode", COUNTY,
				"targetLevel", "PROVINCIAL", "title", "关于支持田东芒果产业的建议" + u, "submittedOn", "2026-01-20")));
		ok(handlerApi.post("/api/v1/proposals/" + proposalId + "/accept", Map.of()));
		replyDocumentId = ok(org.lianluo.Staff.upload(handlerApi, "/api/v1/proposals/" + proposalId + "/reply-documents",
				"答复函.pdf", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).json().get("id").asText();
		consultationId = id(cityAssessor.post("/api/v1/consultations", Map.of("title", "田东县农村生活垃圾治理办法（草案）" + u,
				"issuer", "田东县人大常委会", "regionCode", COUNTY, "opensOn", LocalDate.now().minusDays(1).toString(), "closesOn",
				LocalDate.now().plusDays(30).toString(), "articles", List.of(Map.of("number", 1, "text", "为了加强农村生活垃圾治理，制定本办法。")))));
		ok(cityAssessor.post("/api/v1/consultations/" + consultationId + "/publish", Map.of()));
		Api.Response comment = new Api(port).post("/api/v1/public/consultations/" + consultationId + "/comments",
				Map.of("articleNumber", 1, "text", "建议增加分类投放点。"));
		commentCode = ok(comment).json().get("trackingCode").asText();
		commentId = ok(cityAssessor.get("/api/v1/consultations/" + consultationId + "/comments")).json().get("items").get(0)
			.get("id").asText();
		activityId = id(cityAssessor.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访脱贫户", "startAt",
				"2026-06-01T09:00:00+08:00", "endAt", "2026-06-01T11:30:00+08:00", "regionCode", "451022105", "stationId",
				stationId, "deputyIds", List.of(deputyId), "votersReceived", 25)));
		inboxMessageId = await("the handler's inbox message", () -> jdbc
			.sql("select id::text from notification_message where recipient_id = (select id from app_user where username = ?) limit 1")
			.param("handler" + u).query(String.class).optional().orElse(null));
		deliveryId = await("an SMS delivery", () -> jdbc.sql("select id::text from notification_delivery limit 1")
			.query(String.class).optional().orElse(null));
		committeeId = id(cityAssessor.post("/api/v1/committees", Map.of("name", "田东县人大农业农村工委" + u, "kind", "WORKING",
				"regionCode", COUNTY, "categories", List.of("INFRASTRUCTURE"), "subjects", List.of("县道"), "memberIds", List.of())));
		keySupervisionId = id(new Api(port).as("leader" + u, "password-123").post("/api/v1/key-supervisions",
				Map.of("itemType", "PROPOSAL", "itemId", proposal(), "topic", "县道改造", "instruction", "请住建局抓紧办理。")));
		memberId = id(admin.post("/api/v1/stations/" + stationId + "/members", Map.of("name", "黄法官" + u, "kind", "JUDGE",
				"organisation", "田东县人民法院", "schedule", "每周三上午")));
	}

	/** A new opinion from a citizen of 田东县, with a phone and an attachment, assigned to the first unit. */
	Opinion opinion() {
		Api.Response r = new Api(port).post("/api/v1/public/opinions", Map.of("content", "平马镇菜市场排水沟堵塞，雨天污水漫到路面。",
				"regionCode", TOWNSHIP, "kind", "COMPLAINT", "category", "INFRASTRUCTURE", "name", "黄大伟", "phone", "13812345678"));
		String code = ok(r).json().get("trackingCode").asText();
		String id = ok(cityAssessor.get("/api/v1/opinions?q=" + code)).json().get("items").get(0).get("id").asText();
		ok(cityAssessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", unitId)));
		String attachment = ok(org.lianluo.Staff.upload(cityAssessor, "/api/v1/opinions/" + id + "/attachments", "照片.png",
				Png.TINY)).json().get("id").asText();
		return new Opinion(id, code, attachment);
	}

	/** A new proposal of the deputy, registered and assigned to the first unit. */
	String proposal() {
		String id = id(deputyApi.post("/api/v1/proposals", Map.of("sessionId", sessionId, "title", "关于改造平马镇县道的建议" + u,
				"content", "田东县祥周镇至林逢镇公路路面破损严重，雨季通行困难，建议列入明年县道改造计划并安排资金。")));
		ok(deputyApi.post("/api/v1/proposals/" + id + "/submit", Map.of()));
		ok(cityAssessor.post("/api/v1/proposals/" + id + "/register", Map.of()));
		ok(cityAssessor.post("/api/v1/proposals/" + id + "/assign", Map.of("mode", "SEPARATE", "leadUnitId", unitId)));
		return id;
	}

	private void caller(String column, String prefix) {
		callers.put(column, Caller.signIn(port, column, prefix + u, "password-123"));
	}

	private String session() {
		for (int attempt = 0; attempt < 20; attempt++) {
			Api.Response r = admin.post("/api/v1/sessions", Map.of("level", "COUNTY", "regionCode", COUNTY, "term",
					1 + (int) (Math.random() * 99), "number", 1 + (int) (Math.random() * 900), "opensOn", "2026-01-10",
					"closesOn", "2026-01-13"));
			if (r.status() == 201) {
				return r.json().get("id").asText();
			}
		}
		throw new AssertionError("no free session number");
	}

	private String user(String prefix, String region, String role, String unit, String deputy) {
		Map<String, Object> body = new HashMap<>(Map.of("username", prefix + u, "displayName", "测试" + prefix, "password",
				"password-123", "roles", List.of(role), "regionCode", region));
		if (unit != null) {
			body.put("unitId", unit);
		}
		if (deputy != null) {
			body.put("deputyId", deputy);
		}
		return id(admin.post("/api/v1/users", body));
	}

	private static String await(String what, java.util.function.Supplier<String> probe) {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < until) {
			String found = probe.get();
			if (found != null) {
				return found;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("no " + what + " within 20 s");
	}

	static String id(Api.Response r) {
		if (r.status() != 201) {
			throw new AssertionError(r.toString());
		}
		return Objects.requireNonNull(r.json().get("id")).asText();
	}

	static Api.Response ok(Api.Response r) {
		if (r.status() / 100 != 2) {
			throw new AssertionError(r.toString());
		}
		return r;
	}
}
