package org.lianluo.proof;

import java.util.List;
import java.util.Set;

import org.lianluo.Api;
import org.lianluo.identity.Role;

/**
 * The rules the loops' authorization tests compute their expected answers from (DESIGN.md, issue 18 point 10): who
 * sees a record, and what each caller gets for a step, by role and by relation to the record.
 */
final class ScopeRules {

	private ScopeRules() {
	}

	/** A caller and what the rules need to know of them. */
	record Caller(String name, Api api, Set<Role> roles, String region, String unitId, String deputyId) {
	}

	/** A record (an opinion, a proposal) and what the rules need to know of it. */
	record Record(String id, String region, String leadUnitId, Set<String> deputyIds) {
	}

	/**
	 * What the rules answer: 401 without a caller, 403 without the action's role, 404 for a record the caller may not
	 * see, 403 for a unit's step by a unit that sees the record but does not lead it, else success.
	 */
	static int expected(Caller c, Record r, Set<Role> roles, boolean leadUnitOnly) {
		if (c.roles().isEmpty()) {
			return 401;
		}
		if (c.roles().stream().noneMatch(roles::contains)) {
			return 403;
		}
		if (!sees(c, r)) {
			return 404;
		}
		if (leadUnitOnly && !r.leadUnitId().equals(c.unitId())) {
			return 403;
		}
		return 200;
	}

	static boolean sees(Caller c, Record r) {
		if (c.region() == null || !r.region().startsWith(prefix(c.region()))) {
			return false;
		}
		if (c.roles().contains(Role.ASSESSOR)) {
			return true;
		}
		if (c.roles().contains(Role.UNIT_HANDLER)) {
			return c.unitId().equals(r.leadUnitId());
		}
		if (c.roles().contains(Role.DEPUTY)) {
			return r.deputyIds().contains(c.deputyId());
		}
		return false;
	}

	/** The region codes of a region's subtree start with this (a city's 4 digits, a county's 6). */
	static String prefix(String region) {
		return region.endsWith("00") && region.length() == 6 ? region.substring(0, 4) : region;
	}

	static void check(List<String> failures, Caller c, String action, Record r, Set<Role> roles, boolean leadUnitOnly,
			Api.Response answer) {
		int want = expected(c, r, roles, leadUnitOnly);
		if (answer.status() != want) {
			failures.add(c.name() + " " + action + ": expected " + want + ", got " + answer);
		}
	}
}
