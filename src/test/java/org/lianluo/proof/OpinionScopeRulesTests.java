package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.proof.ScopeRules.check;
import static org.lianluo.proof.ScopeRules.prefix;
import static org.lianluo.proof.ScopeRules.sees;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.identity.Role;
import org.lianluo.proof.ScopeRules.Caller;
import org.lianluo.proof.ScopeRules.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * The opinion loop's authorization, with every expected answer computed from DESIGN.md's rules (issue 18, point 10)
 * rather than copied from a run. Each caller stands in one relation to the opinion: the county's or the city's
 * assessor, a sibling county's, the handler of the lead unit, of another unit of the county or of a unit of the
 * sibling county, the deputy who received it or another deputy of the county, a citizen's account, and nobody.
 *
 * <p>The rules: nobody gets 401; a caller without the role an action needs gets 403; a caller with the role who may
 * not see the record gets 404, so that nobody learns it exists; seeing it takes the region (the record's region lies
 * in the caller's) and, for a unit handler, being the lead or an assisting unit, for a deputy, having received it.
 * Every write sends a valid body, so that validation cannot answer first; every list holds exactly the rows the
 * caller may see.
 */
@LianluoTest
class OpinionScopeRulesTests {

	static final String TIANDONG = "451022";

	static final String TOWNSHIP = "451022108";

	static final String JINGXI = "451081";

	static final String JINGXI_TOWNSHIP = "451081100";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyCallerGetsWhatTheRulesSayOnEachStepOfTheLoopAndInTheList() {
		Api admin = Staff.admin(port);
		String word = Staff.unique("规则矩阵");
		String unitA = unit(admin, TIANDONG, "田东县水利局");
		String unitA2 = unit(admin, TIANDONG, "田东县教育局");
		String unitB = unit(admin, JINGXI, "靖西市水利局");
		String deputyA = deputy(admin, TOWNSHIP);
		String deputyA2 = deputy(admin, TOWNSHIP);

		Caller assessor = caller(admin, "county-assessor", Role.ASSESSOR, TIANDONG, null, null);
		Caller cityAssessor = caller(admin, "city-assessor", Role.ASSESSOR, "451000", null, null);
		Caller siblingAssessor = caller(admin, "sibling-assessor", Role.ASSESSOR, JINGXI, null, null);
		Caller leadHandler = caller(admin, "lead-unit", Role.UNIT_HANDLER, TIANDONG, unitA, null);
		Caller otherHandler = caller(admin, "other-unit", Role.UNIT_HANDLER, TIANDONG, unitA2, null);
		Caller siblingHandler = caller(admin, "sibling-unit", Role.UNIT_HANDLER, JINGXI, unitB, null);
		Caller ownDeputy = caller(admin, "own-deputy", Role.DEPUTY, TIANDONG, null, deputyA);
		Caller otherDeputy = caller(admin, "other-deputy", Role.DEPUTY, TIANDONG, null, deputyA2);
		Caller citizen = caller(admin, "citizen", Role.CITIZEN, TIANDONG, null, null);
		Caller nobody = new Caller("nobody", new Api(port), Set.of(), null, null, null);
		List<Caller> callers = List.of(assessor, cityAssessor, siblingAssessor, leadHandler, otherHandler, siblingHandler,
				ownDeputy, otherDeputy, citizen, nobody);

		Loop loop = new Loop(word, ownDeputy, assessor, leadHandler, unitA);
		List<String> failures = new ArrayList<>();
		for (Caller c : callers) {
			Record read = loop.assigned();
			check(failures, c, "read", read, Set.of(Role.ASSESSOR, Role.UNIT_HANDLER, Role.DEPUTY), false,
					c.api().get("/api/v1/opinions/" + read.id()));
			Record received = loop.received();
			Api.Response triaged = c.api().post("/api/v1/opinions/" + received.id() + "/triage", Map.of("route", "ASSIGN", "leadUnitId", unitA));
			check(failures, c, "triage", received, Set.of(Role.ASSESSOR), false, triaged);
			if (triaged.status() == 200) {
				loop.lead(received, unitA);
			}
			Record toAccept = loop.assigned();
			check(failures, c, "accept", toAccept, Set.of(Role.UNIT_HANDLER), true,
					c.api().post("/api/v1/opinions/" + toAccept.id() + "/accept", Map.of()));
			Record toReply = loop.accepted();
			check(failures, c, "reply", toReply, Set.of(Role.UNIT_HANDLER), true, c.api().post("/api/v1/opinions/" + toReply.id()
					+ "/reply", Map.of("result", "RESOLVED", "text", "已清理水渠，恢复通水。")));
			Record toReview = loop.replied();
			check(failures, c, "review", toReview, Set.of(Role.ASSESSOR), false,
					c.api().post("/api/v1/opinions/" + toReview.id() + "/review", Map.of("approve", true)));
		}

		// The lists: a 靖西 opinion with the same words stands beside the 田东 ones, each caller sees exactly its own.
		List<Record> all = new ArrayList<>(loop.made);
		all.add(loop.inJingxi(siblingAssessor, unitB));
		for (Caller c : callers) {
			Api.Response list = c.api().get("/api/v1/opinions?size=200&q=" + word);
			Set<String> expected = all.stream().filter(r -> sees(c, r)).map(Record::id).collect(Collectors.toSet());
			if (c == nobody || c == citizen) {
				int status = c == nobody ? 401 : 403;
				if (list.status() != status) {
					failures.add(c.name() + " list: expected " + status + ", got " + list);
				}
				continue;
			}
			if (list.status() != 200) {
				failures.add(c.name() + " list: expected 200, got " + list);
				continue;
			}
			Set<String> seen = list.json().get("items").valueStream().map(i -> i.get("id").asText()).collect(Collectors.toSet());
			if (!seen.equals(expected)) {
				failures.add(c.name() + " list: expected " + expected.size() + " rows " + expected + ", got " + seen);
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * Every list the API maps, read by a sibling county's assessor while the county's records exist: no row of
	 * another region in any answer, whatever field carries the region. (A regionCode of the caller's own region or
	 * below, or of a region above it that the list names for context, such as its own region's parents, is allowed.)
	 */
	@Test
	void noListOfTheApiHoldsAnotherRegionsRows() {
		Api admin = Staff.admin(port);
		String unit = unit(admin, TIANDONG, "田东县民政局");
		Caller tiandong = caller(admin, "county-assessor", Role.ASSESSOR, TIANDONG, null, null);
		Caller jingxi = caller(admin, "sibling-assessor", Role.ASSESSOR, JINGXI, null, null);
		Loop loop = new Loop(Staff.unique("列表越界"), caller(admin, "own-deputy", Role.DEPUTY, TIANDONG, null, deputy(admin, TOWNSHIP)),
				tiandong, caller(admin, "lead-unit", Role.UNIT_HANDLER, TIANDONG, unit, null), unit);
		Record tiandongRecord = loop.replied();

		List<String> failures = new ArrayList<>();
		int lists = 0;
		for (var endpoint : AuthorizationMatrixTests.endpoints(mappings).keySet()) {
			String path = endpoint.path();
			if (!endpoint.method().equals("GET") || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/public/")
					|| path.contains("{") || path.endsWith("/export") || path.contains(".")) {
				continue;
			}
			Api.Response answer = jingxi.api().get(path);
			if (answer.status() != 200 || !answer.contentType().contains("json")) {
				continue;
			}
			lists++;
			if (answer.body().contains(tiandongRecord.id())) {
				failures.add(path + " holds 田东's opinion " + tiandongRecord.id());
			}
			outsideRows(answer.json(), path, failures);
		}
		assertThat(lists).as("lists probed").isGreaterThan(10);
		assertThat(failures).isEmpty();
	}

	/**
	 * Every row of the answer whose regionCode lies outside 靖西 and above it: a station built together with one of
	 * 靖西's regions (a co-building region, DESIGN.md) is 靖西's to see wherever it stands.
	 */
	private static void outsideRows(JsonNode node, String path, List<String> failures) {
		if (node.isObject() && node.has("regionCode") && !node.get("regionCode").isNull()) {
			String region = node.get("regionCode").asText();
			boolean coBuilt = node.has("coRegionCodes")
					&& node.get("coRegionCodes").valueStream().anyMatch(c -> c.asText().startsWith(JINGXI));
			if (!region.startsWith(JINGXI) && !JINGXI.startsWith(prefix(region)) && !coBuilt) {
				failures.add(path + " holds a row of " + region);
			}
		}
		node.forEach(child -> outsideRows(child, path, failures));
	}

	/** Fresh opinions in each state, brought there by the people whose step it is. */
	final class Loop {

		final String word;

		final Caller deputy;

		final Caller assessor;

		final Caller handler;

		final String unitId;

		final List<Record> made = new ArrayList<>();

		Loop(String word, Caller deputy, Caller assessor, Caller handler, String unitId) {
			this.word = word;
			this.deputy = deputy;
			this.assessor = assessor;
			this.handler = handler;
			this.unitId = unitId;
		}

		/** Received by the deputy on a visit, in a 田东 township. */
		Record received() {
			Api.Response r = deputy.api().post("/api/v1/opinions", Map.of("content", word + "：村口水渠堵塞，雨天积水严重。",
					"regionCode", TOWNSHIP, "channel", "DEPUTY_VISIT", "deputyIds", List.of(deputy.deputyId())));
			assertThat(r.status()).as(r.toString()).isEqualTo(201);
			Record made = new Record(r.json().get("id").asText(), TOWNSHIP, null, Set.of(deputy.deputyId()));
			this.made.add(made);
			return made;
		}

		Record assigned() {
			Record r = received();
			step(assessor, r, "triage", Map.of("route", "ASSIGN", "leadUnitId", unitId));
			return lead(r, unitId);
		}

		Record accepted() {
			Record r = assigned();
			step(handler, r, "accept", Map.of());
			return r;
		}

		Record replied() {
			Record r = accepted();
			step(handler, r, "reply", Map.of("result", "RESOLVED", "text", "已清理水渠，恢复通水。"));
			return r;
		}

		Record inJingxi(Caller jingxiAssessor, String jingxiUnit) {
			Api.Response r = jingxiAssessor.api().post("/api/v1/opinions", Map.of("content", word + "：村口水渠堵塞，雨天积水严重。",
					"regionCode", JINGXI_TOWNSHIP, "channel", "STATION_RECEPTION"));
			assertThat(r.status()).as(r.toString()).isEqualTo(201);
			Record made = new Record(r.json().get("id").asText(), JINGXI_TOWNSHIP, null, Set.of());
			step(jingxiAssessor, made, "triage", Map.of("route", "ASSIGN", "leadUnitId", jingxiUnit));
			return lead(made, jingxiUnit);
		}

		Record lead(Record r, String unit) {
			Record led = new Record(r.id(), r.region(), unit, r.deputyIds());
			made.replaceAll(m -> m.id().equals(r.id()) ? led : m);
			return led;
		}

		private void step(Caller c, Record r, String step, Map<String, Object> body) {
			Api.Response answer = c.api().post("/api/v1/opinions/" + r.id() + "/" + step, body);
			assertThat(answer.status()).as(c.name() + " " + step + " " + answer).isEqualTo(200);
		}
	}

	private Caller caller(Api admin, String name, Role role, String region, String unitId, String deputyId) {
		String username = Staff.unique(name);
		Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", "测试", "password", "password-123",
				"roles", List.of(role.name()), "regionCode", region));
		if (unitId != null) {
			body.put("unitId", unitId);
		}
		if (deputyId != null) {
			body.put("deputyId", deputyId);
		}
		Api.Response r = admin.post("/api/v1/users", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Caller(name, new Api(port).as(username, "password-123"), EnumSet.of(role), region, unitId, deputyId);
	}

	private static String unit(Api admin, String region, String name) {
		Api.Response r = admin.post("/api/v1/units", Map.of("name", Staff.unique(name), "regionCode", region));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asText();
	}

	private static String deputy(Api admin, String region) {
		Api.Response r = admin.post("/api/v1/deputies", Map.of("name", Staff.unique("代表"), "gender", "MALE", "levels",
				List.of("TOWNSHIP"), "regionCode", region));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asText();
	}
}
