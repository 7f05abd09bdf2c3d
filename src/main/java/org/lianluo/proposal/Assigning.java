package org.lianluo.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.ProposalCommands.Assign;
import org.lianluo.region.RegionCode;
import org.lianluo.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assignment (交) by the office: to one unit with its assisting units, or SEPARATE to several units. */
@Service
public class Assigning {

	private final ProposalAccess access;

	private final ProposalDeadlines deadlines;

	private final Units units;

	Assigning(ProposalAccess access, ProposalDeadlines deadlines, Units units) {
		this.access = access;
		this.deadlines = deadlines;
		this.units = units;
	}

	@Transactional
	public Proposal handle(Assign a, Actor actor, Moment at) {
		actor.require(Role.ASSESSOR);
		Proposal p = access.visible(a.proposalId(), actor);
		List<UUID> assisting = distinct(a.assistingUnitIds());
		List<UUID> separate = distinct(a.unitIds());
		List<FieldProblem> problems = new ArrayList<>();
		if (a.mode() == null) {
			problems.add(new FieldProblem("mode", "proposal.mode.required"));
		}
		boolean several = a.mode() == AssignmentMode.SEPARATE && !separate.isEmpty();
		RegionCode region = new RegionCode(p.getRegionCode());
		if (several ? a.leadUnitId() != null && !allAnswer(region, List.of(a.leadUnitId()))
				: a.leadUnitId() == null || !allAnswer(region, List.of(a.leadUnitId()))) {
			problems.add(new FieldProblem("leadUnitId", "proposal.unit.missing"));
		}
		if (!allAnswer(region, assisting)) {
			problems.add(new FieldProblem("assistingUnitIds", "proposal.unit.missing"));
		}
		else if (a.mode() == AssignmentMode.SEPARATE && !assisting.isEmpty()) {
			problems.add(new FieldProblem("assistingUnitIds", "proposal.assign.separate-alone"));
		}
		if (!allAnswer(region, separate)) {
			problems.add(new FieldProblem("unitIds", "proposal.unit.missing"));
		}
		else if (a.mode() == AssignmentMode.LEAD && !separate.isEmpty()) {
			problems.add(new FieldProblem("unitIds", "proposal.assign.units-separate-only"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		if (several && a.leadUnitId() != null) {
			separate.add(0, a.leadUnitId());
			separate = distinct(separate);
		}
		assign(p, a.mode(), several ? separate : List.of(a.leadUnitId()), assisting, actor.username(), at.now());
		return access.save(p);
	}

	/**
	 * Assigns one proposal (also from the bulk sheet): to its one unit (with any assisting units), or SEPARATE to each
	 * of several units, with the deadlines of the day. The caller stores it.
	 */
	void assign(Proposal p, AssignmentMode mode, List<UUID> unitIds, List<UUID> assisting, String actor, Instant now) {
		Instant deadline = deadlines.reply(now);
		if (unitIds.size() > 1) {
			p.assignSeparately(unitIds, deadline, deadlines.stepAt(deadline, 1), actor, now);
		}
		else {
			p.assign(mode, unitIds.get(0), assisting, deadline, deadlines.stepAt(deadline, 1), deadlines.assistingView(now),
					actor, now);
		}
	}

	/**
	 * Whether every unit exists for the caller (who sees the units of their scope only) and may answer a record of
	 * this region: a unit of its line, not of a sibling county.
	 */
	private boolean allAnswer(RegionCode region, List<UUID> ids) {
		return ids.stream().allMatch(Objects::nonNull) && units.findAll(new HashSet<>(ids)).stream()
			.filter(u -> region.onLineWith(u.regionCode()))
			.count() == ids.size();
	}

	private static List<UUID> distinct(List<UUID> ids) {
		return ids == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(ids));
	}
}
