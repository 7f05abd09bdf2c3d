package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.lianluo.Api;
import org.lianluo.Api.Response;
import tools.jackson.databind.JsonNode;

/**
 * People for the proposal loop's tests, with unique names: a 田东县 session, a lead deputy and a
 * co-signer with their DEPUTY users, the city office's assessor, a 靖西市 assessor, a unit and its handler,
 * a leader.
 */
public final class ProposalFixture {

	public final Api admin;

	public final Api assessor;

	public final Api jingxiAssessor;

	public final Api deputy;

	public final Api cosigner;

	public final Api handler;

	public final Api otherHandler;

	public final Api leader;

	public final String sessionId;

	public final String unitId;

	public final String otherUnitId;

	public final String deputyId;

	public final String cosignerId;

	public final String deputyName;

	public final String u;

	private final int port;

	public ProposalFixture(int port) {
		this(port, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 13));
	}

	/** With a session sitting from {@code opensOn} to {@code closesOn}. */
	public ProposalFixture(int port, LocalDate opensOn, LocalDate closesOn) {
		this.port = port;
		u = UUID.randomUUID().toString().substring(0, 8);
		admin = new Api(port).as("admin", "admin-test-password");
		sessionId = session(opensOn, closesOn);
		unitId = id(admin.post("/api/v1/units", Map.of("name", "田东县交通运输局" + u, "regionCode", "451022")));
		otherUnitId = id(admin.post("/api/v1/units", Map.of("name", "田东县水利局" + u, "regionCode", "451022")));
		deputyName = "黄建" + u.substring(0, 2);
		deputyId = deputy(deputyName);
		cosignerId = deputy("农丽" + u.substring(0, 2));
		assessor = user("assessor", "451000", "ASSESSOR", null, null);
		jingxiAssessor = user("jingxi", "451081", "ASSESSOR", null, null);
		deputy = user("deputy", "451022", "DEPUTY", null, deputyId);
		cosigner = user("cosigner", "451022", "DEPUTY", null, cosignerId);
		handler = user("handler", "451022", "UNIT_HANDLER", unitId, null);
		otherHandler = user("water", "451022", "UNIT_HANDLER", otherUnitId, null);
		leader = user("leader", "451000", "LEADER", null, null);
	}

	private String session(LocalDate opensOn, LocalDate closesOn) {
		for (int attempt = 0; attempt < 20; attempt++) {
			Map<String, Object> body = new HashMap<>(Map.of("level", "COUNTY", "regionCode", "451022", "term",
					ThreadLocalRandom.current().nextInt(1, 100), "number", ThreadLocalRandom.current().nextInt(1, 1000),
					"opensOn", opensOn.toString()));
			body.put("closesOn", closesOn.toString());
			Response r = admin.post("/api/v1/sessions", body);
			if (r.status() == 201) {
				return r.json().get("id").asText();
			}
			assertThat(r.status()).as(r.toString()).isEqualTo(409);
		}
		throw new AssertionError("no free session number");
	}

	private String deputy(String name) {
		return id(admin.post("/api/v1/deputies", Map.of("name", name, "gender", "MALE", "levels", List.of("COUNTY"),
				"regionCode", "451022100")));
	}

	public Api user(String prefix, String region, String role, String unit, String deputy) {
		String name = prefix + u;
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "测试" + name, "password",
				"password-123", "roles", List.of(role), "regionCode", region));
		if (unit != null) {
			body.put("unitId", unit);
		}
		if (deputy != null) {
			body.put("deputyId", deputy);
		}
		Response r = admin.post("/api/v1/users", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	/** A new draft by the lead deputy, with the co-signer asked. */
	public String draft(String title) {
		return id(deputy.post("/api/v1/proposals", Map.of("sessionId", sessionId, "title", title, "content",
				"田东县祥周镇至林逢镇公路路面破损严重，雨季通行困难，建议列入明年县道改造计划并安排资金。", "coSignerIds", List.of(cosignerId))));
	}

	/** A new draft with the co-signer's confirmation, submitted and registered. */
	public String registered(String title) {
		String id = draft(title);
		step(cosigner, id, "cosign", Map.of("confirm", true));
		step(deputy, id, "submit", Map.of());
		step(assessor, id, "register", Map.of());
		return id;
	}

	public JsonNode step(Api who, String id, String step, Map<String, ?> body) {
		Response r = who.post("/api/v1/proposals/" + id + "/" + step, body);
		assertThat(r.status()).as(step + " " + r).isEqualTo(200);
		return r.json();
	}

	public static String id(Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asText();
	}
}
