package org.lianluo.proposal;

import java.time.Instant;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.AcceptanceStep;
import org.lianluo.proposal.ProposalCommands.Return;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A unit assigned the proposal (or a part of it) signs for it, or returns it within the window when not its business. */
@Service
public class Accepting {

	private final ProposalAccess access;

	private final ProposalDeadlines deadlines;

	Accepting(ProposalAccess access, ProposalDeadlines deadlines) {
		this.access = access;
		this.deadlines = deadlines;
	}

	@Transactional
	public Proposal handle(AcceptanceStep step, Actor actor, Moment at) {
		actor.require(Role.UNIT_HANDLER);
		Proposal p = access.heldByActorsUnit(step.proposalId(), actor);
		Instant now = at.now();
		if (step instanceof Return r) {
			String why = Text.required("reason", r.reason(), 1000);
			Instant assignedAt = p.handlingOf(actor.unitId()).getAssignedAt();
			p.returnForReassignment(actor.unitId(), why, assignedAt == null ? now : deadlines.returnWindowEnd(assignedAt),
					actor.username(), now);
		}
		else {
			p.accept(actor.unitId(), actor.username(), now);
		}
		return access.save(p);
	}
}
