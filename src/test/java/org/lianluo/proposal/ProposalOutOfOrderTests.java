package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every step of API.md, tried in every state that does not allow it, by the user who may take it: 409. */
@LianluoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalOutOfOrderTests {

	@LocalServerPort
	int port;

	ProposalFixture f;

	Map<String, Step> steps;

	/** A step: who takes it, with which body, and in which states it is allowed. */
	record Step(Api who, Map<String, ?> body, Set<ProposalStatus> allowedIn) {
	}

	@BeforeAll
	void setUp() {
		f = new ProposalFixture(port);
		steps = Map.ofEntries(
				Map.entry("submit", new Step(f.deputy, Map.of(), Set.of(ProposalStatus.DRAFT))),
				Map.entry("withdraw", new Step(f.deputy, Map.of(), Set.of(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED))),
				Map.entry("cosign", new Step(f.cosigner, Map.of("confirm", true), Set.of(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED))),
				Map.entry("register", new Step(f.assessor, Map.of(), Set.of(ProposalStatus.SUBMITTED))),
				Map.entry("not-register", new Step(f.assessor, Map.of("notRegisteredAs", "LETTER", "reason", "转为来信"), Set.of(ProposalStatus.SUBMITTED))),
				Map.entry("assign", new Step(f.assessor, Map.of("mode", "LEAD", "leadUnitId", f.unitId, "assistingUnitIds",
						List.of(f.otherUnitId)),
						Set.of(ProposalStatus.REGISTERED, ProposalStatus.RETURNED))),
				Map.entry("accept", new Step(f.handler, Map.of(), Set.of(ProposalStatus.ASSIGNED))),
				Map.entry("return", new Step(f.handler, Map.of("reason", "不属本单位职责"), Set.of(ProposalStatus.ASSIGNED))),
				Map.entry("assisting-views", new Step(f.otherHandler, Map.of("text", "同意主办单位的处理意见，将配合办理。"),
						Set.of(ProposalStatus.ASSIGNED, ProposalStatus.HANDLING))),
				// a unit's first handling step signs for its part: contact, extension and reply also right after assignment
				Map.entry("contact", new Step(f.handler, Map.of("method", "PHONE"),
						Set.of(ProposalStatus.ASSIGNED, ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING))),
				Map.entry("extension", new Step(f.handler, Map.of("months", 1, "reason", "需要协调"),
						Set.of(ProposalStatus.ASSIGNED, ProposalStatus.HANDLING))),
				Map.entry("extension/decision", new Step(f.assessor, Map.of("approve", true), Set.of())),
				Map.entry("reply", new Step(f.handler, Map.of("replyClass", "B", "text", "已列入计划。", "confirmedWithoutContact", true),
						Set.of(ProposalStatus.ASSIGNED, ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING))),
				// the paths reply B, which a follow-up may improve once replied; no path extends, so no notice is due
				Map.entry("follow-up", new Step(f.handler, Map.of("replyClass", "A", "text", "已解决。"),
						Set.of(ProposalStatus.REPLIED, ProposalStatus.CLOSED))),
				Map.entry("extension/notice", new Step(f.handler, Map.of("notice", "已书面告知代表。"), Set.of())),
				Map.entry("evaluate", new Step(f.deputy, Map.of("grade", "SATISFIED"), Set.of(ProposalStatus.REPLIED))));
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(ProposalStatus.class)
	void everyStepOutOfOrderIsA409(ProposalStatus state) {
		String id = reach(state);
		SoftAssertions soft = new SoftAssertions();
		steps.forEach((name, step) -> {
			if (!step.allowedIn().contains(state)) {
				Response r = step.who().post("/api/v1/proposals/" + id + "/" + name, step.body());
				soft.assertThat(r.status()).as(state + " × " + name + ": " + r).isEqualTo(409);
				soft.assertThat(r.body()).as(state + " × " + name).doesNotContain("系统出现问题");
			}
		});
		soft.assertAll();
		assertThat(f.deputy.get("/api/v1/proposals/" + id).json().get("status").asText()).isEqualTo(state.name());
	}

	/**
	 * The steps a unit takes on its own part of a proposal assigned SEPARATE to two units, and the office's and the
	 * deputy's steps on that part (naming the unit), tried in every state of the part that does not allow them: 409,
	 * and neither that part nor the other unit's moves.
	 */
	@ParameterizedTest(name = "a unit's own part {0}")
	@EnumSource(value = ProposalStatus.class, names = { "ASSIGNED", "HANDLING", "REPLIED", "RE_HANDLING", "CLOSED" })
	void everyStepOutOfOrderOnAUnitsOwnPartIsA409(ProposalStatus state) {
		String id = reachPart(state);
		SoftAssertions soft = new SoftAssertions();
		UNIT_STEPS.forEach(name -> {
			Step step = steps.get(name);
			if (!step.allowedIn().contains(state)) {
				Response r = step.who().post("/api/v1/proposals/" + id + "/" + name, naming(f.unitId, step.body()));
				soft.assertThat(r.status()).as("part " + state + " × " + name + ": " + r).isEqualTo(409);
				soft.assertThat(r.body()).as("part " + state + " × " + name).doesNotContain("系统出现问题");
			}
		});
		soft.assertAll();
		tools.jackson.databind.JsonNode after = f.deputy.get("/api/v1/proposals/" + id).json();
		assertThat(after.get("separateUnits").valueStream().map(u -> u.get("status").asText()))
			.containsExactly(state.name(), "ASSIGNED");
	}

	/** The steps on one unit's handling. */
	static final List<String> UNIT_STEPS = List.of("accept", "return", "contact", "extension", "extension/decision",
			"reply", "follow-up", "extension/notice", "evaluate");

	/** The office and the deputy say which unit's part they mean. */
	private static Map<String, Object> naming(String unitId, Map<String, ?> body) {
		Map<String, Object> named = new java.util.HashMap<>(body);
		named.put("unitId", unitId);
		return named;
	}

	/** A proposal assigned SEPARATE to both units, the first unit's part driven to {@code state}, the other's left. */
	String reachPart(ProposalStatus state) {
		String id = f.draft("分别办理" + state + "的建议");
		f.step(f.deputy, id, "submit", Map.of());
		f.step(f.assessor, id, "register", Map.of());
		f.step(f.assessor, id, "assign", Map.of("mode", "SEPARATE", "unitIds", List.of(f.unitId, f.otherUnitId)));
		Map<ProposalStatus, List<String[]>> paths = new EnumMap<>(ProposalStatus.class);
		paths.put(ProposalStatus.ASSIGNED, List.of());
		handlingPaths(paths, List.<String[]>of(a("accept")));
		walk(id, paths.get(state), f.unitId);
		return id;
	}

	/** A new proposal driven through the loop to {@code state}. */
	String reach(ProposalStatus state) {
		String id = f.draft("状态" + state + "的建议");
		Map<ProposalStatus, List<String[]>> paths = new EnumMap<>(ProposalStatus.class);
		paths.put(ProposalStatus.DRAFT, List.of());
		paths.put(ProposalStatus.SUBMITTED, List.<String[]>of(a("submit")));
		paths.put(ProposalStatus.WITHDRAWN, List.<String[]>of(a("withdraw")));
		paths.put(ProposalStatus.REGISTERED, List.<String[]>of(a("submit"), a("register")));
		paths.put(ProposalStatus.NOT_REGISTERED, List.<String[]>of(a("submit"), a("not-register")));
		paths.put(ProposalStatus.ASSIGNED, List.<String[]>of(a("submit"), a("register"), a("assign")));
		paths.put(ProposalStatus.RETURNED, List.<String[]>of(a("submit"), a("register"), a("assign"), a("return")));
		handlingPaths(paths, List.<String[]>of(a("submit"), a("register"), a("assign"), a("accept")));
		walk(id, paths.get(state), null);
		return id;
	}

	/** From the path to HANDLING, the paths on to REPLIED, RE_HANDLING (rated UNSATISFIED) and CLOSED. */
	private static void handlingPaths(Map<ProposalStatus, List<String[]>> paths, List<String[]> handling) {
		List<String[]> replied = concat(handling, a("contact"), a("reply"));
		paths.put(ProposalStatus.HANDLING, handling);
		paths.put(ProposalStatus.REPLIED, replied);
		paths.put(ProposalStatus.RE_HANDLING, concat(replied, a("evaluate", "UNSATISFIED")));
		paths.put(ProposalStatus.CLOSED, concat(replied, a("evaluate")));
	}

	/** Takes the steps of a path; {@code unitId}, if any, names the unit's part in every body. */
	private void walk(String id, List<String[]> path, String unitId) {
		for (String[] s : path) {
			Step step = steps.get(s[0]);
			Map<String, ?> body = s.length > 1 ? Map.of("grade", s[1]) : step.body();
			f.step(step.who(), id, s[0], unitId == null ? body : naming(unitId, body));
		}
	}

	private static String[] a(String... step) {
		return step;
	}

	private static List<String[]> concat(List<String[]> head, String[]... tail) {
		List<String[]> all = new java.util.ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}
}
