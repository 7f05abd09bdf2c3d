package org.lianluo.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.lianluo.Api;

/** A unit with two handlers, a city and a Jingxi assessor, and opinions submitted and assigned; unique names. */
final class NotificationFixture {

	final Api admin;

	final Api assessor;

	final Api handler;

	final Api secondHandler;

	final Api otherCountyAssessor;

	final Api citizen;

	final String unitId;

	final String handlerName;

	NotificationFixture(int port) {
		String u = UUID.randomUUID().toString().substring(0, 8);
		admin = new Api(port).as("admin", "admin-test-password");
		// A unit of the city: it answers opinions of every county (a county's own unit answers its county's only).
		unitId = admin.post("/api/v1/units", Map.of("name", "百色市水利局" + u, "regionCode", "451000")).json().get("id").asText();
		user("nassessor" + u, "451000", List.of("ASSESSOR"), null);
		user("nhandler" + u, "451000", List.of("UNIT_HANDLER"), unitId);
		user("nhandler2" + u, "451000", List.of("UNIT_HANDLER"), unitId);
		user("njingxi" + u, "451081", List.of("ASSESSOR"), null);
		assessor = new Api(port).as("nassessor" + u, "password-123");
		handlerName = "nhandler" + u;
		handler = new Api(port).as(handlerName, "password-123");
		secondHandler = new Api(port).as("nhandler2" + u, "password-123");
		otherCountyAssessor = new Api(port).as("njingxi" + u, "password-123");
		citizen = new Api(port);
	}

	/** A mobile number no other test uses. */
	static String uniquePhone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** An e-mail address no other test gives, at the handler's unit. */
	static String uniqueHandlerEmail() {
		return "handler-" + UUID.randomUUID().toString().substring(0, 8) + "@slj.tiandong.example.cn";
	}

	/** Submits on the portal; returns the opinion's id and tracking code. */
	String[] submit(String phone, String kind) {
		return submit(phone, kind, "451022108");
	}

	String[] submit(String phone, String kind, String region) {
		Map<String, Object> body = new HashMap<>(Map.of("content", "村口水渠堵塞，雨天积水严重，请疏通。", "regionCode", region,
				"kind", kind, "category", "INFRASTRUCTURE", "name", "韦秀兰"));
		if (phone != null) {
			body.put("phone", phone);
		}
		Api.Response r = citizen.post("/api/v1/public/opinions", body);
		if (r.status() != 201) {
			throw new AssertionError(r.toString());
		}
		String code = r.json().get("trackingCode").asText();
		String id = assessor.get("/api/v1/opinions?q=" + code).json().get("items").get(0).get("id").asText();
		return new String[] { id, code, r.json().get("ratingKey").asText() };
	}

	void assign(String opinionId) {
		Api.Response r = assessor.post("/api/v1/opinions/" + opinionId + "/triage",
				Map.of("route", "ASSIGN", "leadUnitId", unitId));
		if (r.status() != 200) {
			throw new AssertionError(r.toString());
		}
	}

	/** A user with the given roles in the given region, signed in. */
	Api newUser(int port, String region, String role) {
		String name = role.toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
		user(name, region, List.of(role), null);
		return new Api(port).as(name, "password-123");
	}

	private void user(String name, String region, List<String> roles, String unit) {
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "测试" + name, "password",
				"password-123", "roles", roles, "regionCode", region));
		if (unit != null) {
			body.put("unitId", unit);
		}
		Api.Response r = admin.post("/api/v1/users", body);
		if (r.status() != 201) {
			throw new AssertionError(r.toString());
		}
	}
}
