package org.lianluo.opinion;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.Api;

/** Users and a unit for the opinion loop's tests, each with unique names. */
public final class LoopFixture {

	public final Api admin;

	public final Api assessor;

	public final Api handler;

	public final Api otherCountyAssessor;

	public final String unitId;

	public final String assessorName;

	public final String handlerName;

	/** The rating key each public intake answered with, by tracking code: only the citizen holds it. */
	private final Map<String, String> ratingKeys = new java.util.concurrent.ConcurrentHashMap<>();

	public LoopFixture(int port) {
		String u = UUID.randomUUID().toString().substring(0, 8);
		admin = new Api(port).as("admin", "admin-test-password");
		unitId = admin.post("/api/v1/units", Map.of("name", "田东县住建局" + u, "regionCode", "451022")).json().get("id").asText();
		user("assessor" + u, "451000", List.of("ASSESSOR"), null);
		user("handler" + u, "451022", List.of("UNIT_HANDLER"), unitId);
		user("jingxi" + u, "451081", List.of("ASSESSOR"), null);
		assessorName = "assessor" + u;
		handlerName = "handler" + u;
		assessor = new Api(port).as("assessor" + u, "password-123");
		handler = new Api(port).as("handler" + u, "password-123");
		otherCountyAssessor = new Api(port).as("jingxi" + u, "password-123");
	}

	private void user(String name, String region, List<String> roles, String unit) {
		var body = new java.util.HashMap<String, Object>(Map.of("username", name, "displayName", "测试" + name,
				"password", "password-123", "roles", roles, "regionCode", region));
		if (unit != null) {
			body.put("unitId", unit);
		}
		Api.Response r = admin.post("/api/v1/users", body);
		if (r.status() != 201) {
			throw new AssertionError(r.toString());
		}
	}

	String submitPublic(Api anyone, String content) {
		Api.Response r = anyone.post("/api/v1/public/opinions",
				Map.of("content", content, "regionCode", "451022108", "kind", "COMPLAINT", "category", "INFRASTRUCTURE",
						"name", "黄大伟", "phone", "13812345678"));
		if (r.status() != 201) {
			throw new AssertionError(r.toString());
		}
		ratingKeys.put(r.json().get("trackingCode").asText(), r.json().get("ratingKey").asText());
		return r.json().get("trackingCode").asText();
	}

	/** The rating key the intake gave the citizen with this tracking code. */
	public String ratingKeyOf(String trackingCode) {
		return ratingKeys.get(trackingCode);
	}

	public String idOf(String trackingCode) {
		return assessor.get("/api/v1/opinions?q=" + trackingCode).json().get("items").get(0).get("id").asText();
	}
}
