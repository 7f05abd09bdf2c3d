package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.proof.ScopeRules.check;
import static org.lianluo.proof.ScopeRules.sees;

import java.util.ArrayList;
import java.util.EnumSet;
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
import org.lianluo.proposal.ProposalFixture;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The proposal loop's authorization with every expected answer computed from DESIGN.md's rules (issue 18, point 10),
 * as {@link OpinionScopeRulesTests} does for opinions. The proposal is 田东's (its county congress); the callers: the
 * county's, the city's and a sibling county's assessor, the handler of the lead unit, of another unit of the county
 * and of a sibling county's unit, the lead deputy, the co-signer, another deputy of the county, a citizen, nobody.
 * A deputy sees the proposals they lead or co-sign, a unit those assigned to it; 403 without the action's role, 404
 * for a proposal the caller may not see, 403 for a unit's step by a unit that sees it but does not lead.
 */
@LianluoTest
class ProposalScopeRulesTests {

	@LocalServerPort
	int port;

	@Test
	void everyCallerGetsWhatTheRulesSayOnEachStepAndInTheList() {
		ProposalFixture f = new ProposalFixture(port);
		String word = Staff.unique("建议规则");
		String jingxiUnit = f.admin.post("/api/v1/units", Map.of("name", Staff.unique("靖西市交通运输局"), "regionCode", "451081"))
			.json().get("id").asText();
		String otherDeputyId = f.admin.post("/api/v1/deputies", Map.of("name", Staff.unique("代表"), "gender", "MALE", "levels",
				List.of("COUNTY"), "regionCode", "451022100")).json().get("id").asText();
		Caller county = new Caller("county-assessor", f.user("cty", "451022", "ASSESSOR", null, null), EnumSet.of(Role.ASSESSOR),
				"451022", null, null);
		Caller city = new Caller("city-assessor", f.assessor, EnumSet.of(Role.ASSESSOR), "451000", null, null);
		Caller sibling = new Caller("sibling-assessor", f.jingxiAssessor, EnumSet.of(Role.ASSESSOR), "451081", null, null);
		Caller lead = new Caller("lead-unit", f.handler, EnumSet.of(Role.UNIT_HANDLER), "451022", f.unitId, null);
		Caller otherUnit = new Caller("other-unit", f.otherHandler, EnumSet.of(Role.UNIT_HANDLER), "451022", f.otherUnitId, null);
		Caller siblingUnit = new Caller("sibling-unit", f.user("jxu", "451081", "UNIT_HANDLER", jingxiUnit, null),
				EnumSet.of(Role.UNIT_HANDLER), "451081", jingxiUnit, null);
		Caller leadDeputy = new Caller("lead-deputy", f.deputy, EnumSet.of(Role.DEPUTY), "451022", null, f.deputyId);
		Caller cosigner = new Caller("cosigner", f.cosigner, EnumSet.of(Role.DEPUTY), "451022", null, f.cosignerId);
		Caller otherDeputy = new Caller("other-deputy", f.user("odp", "451022", "DEPUTY", null, otherDeputyId),
				EnumSet.of(Role.DEPUTY), "451022", null, otherDeputyId);
		Caller citizen = new Caller("citizen", f.user("ctz", "451022", "CITIZEN", null, null), EnumSet.of(Role.CITIZEN), "451022",
				null, null);
		Caller nobody = new Caller("nobody", new Api(port), Set.of(), null, null, null);
		List<Caller> callers = List.of(county, city, sibling, lead, otherUnit, siblingUnit, leadDeputy, cosigner, otherDeputy,
				citizen, nobody);

		List<Record> made = new ArrayList<>();
		Set<String> deputies = Set.of(f.deputyId, f.cosignerId);
		List<String> failures = new ArrayList<>();
		for (Caller c : callers) {
			Record read = assigned(f, word, made, deputies);
			check(failures, c, "read", read, Set.of(Role.ASSESSOR, Role.UNIT_HANDLER, Role.DEPUTY), false,
					c.api().get("/api/v1/proposals/" + read.id()));

			Record submitted = submitted(f, word, made, deputies);
			check(failures, c, "register", submitted, Set.of(Role.ASSESSOR), false,
					c.api().post("/api/v1/proposals/" + submitted.id() + "/register", Map.of()));

			Record registered = registered(f, word, made, deputies);
			Api.Response assigned = c.api().post("/api/v1/proposals/" + registered.id() + "/assign",
					Map.of("mode", "LEAD", "leadUnitId", f.unitId));
			check(failures, c, "assign", registered, Set.of(Role.ASSESSOR), false, assigned);
			if (assigned.status() == 200) {
				led(made, registered, f.unitId);
			}

			Record toContact = assigned(f, word, made, deputies);
			check(failures, c, "contact", toContact, Set.of(Role.UNIT_HANDLER), true, c.api().post("/api/v1/proposals/"
					+ toContact.id() + "/contact", Map.of("method", "PHONE", "note", "电话联系代表，商定现场调研时间。")));
		}

		for (Caller c : callers) {
			Api.Response list = c.api().get("/api/v1/proposals?size=200&q=" + word);
			if (c == nobody || c == citizen) {
				int status = c == nobody ? 401 : 403;
				if (list.status() != status) {
					failures.add(c.name() + " list: expected " + status + ", got " + list);
				}
				continue;
			}
			Set<String> expected = made.stream().filter(r -> sees(c, r)).map(Record::id).collect(Collectors.toSet());
			Set<String> seen = list.status() != 200 ? Set.of()
					: list.json().get("items").valueStream().map(i -> i.get("id").asText()).collect(Collectors.toSet());
			if (list.status() != 200 || !seen.equals(expected)) {
				failures.add(c.name() + " list: expected " + expected.size() + " rows " + expected + ", got " + list.status() + " " + seen);
			}
		}
		assertThat(failures).isEmpty();
	}

	private static Record submitted(ProposalFixture f, String word, List<Record> made, Set<String> deputies) {
		String id = f.draft(word + "：关于祥周镇公路改造的建议");
		f.step(f.cosigner, id, "cosign", Map.of("confirm", true));
		f.step(f.deputy, id, "submit", Map.of());
		Record r = new Record(id, "451022", null, deputies);
		made.add(r);
		return r;
	}

	private static Record registered(ProposalFixture f, String word, List<Record> made, Set<String> deputies) {
		Record r = submitted(f, word, made, deputies);
		f.step(f.assessor, r.id(), "register", Map.of());
		return r;
	}

	private static Record assigned(ProposalFixture f, String word, List<Record> made, Set<String> deputies) {
		Record r = registered(f, word, made, deputies);
		f.step(f.assessor, r.id(), "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));
		return led(made, r, f.unitId);
	}

	private static Record led(List<Record> made, Record r, String unit) {
		Record led = new Record(r.id(), r.region(), unit, r.deputyIds());
		made.replaceAll(m -> m.id().equals(r.id()) ? led : m);
		return led;
	}
}
