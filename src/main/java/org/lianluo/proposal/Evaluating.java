package org.lianluo.proposal;

import java.time.Instant;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.Evaluate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evaluation (评): the lead deputy rates a reply; UNSATISFIED starts re-handling with a one-month deadline. */
@Service
public class Evaluating {

	private final ProposalAccess access;

	private final ProposalDeadlines deadlines;

	Evaluating(ProposalAccess access, ProposalDeadlines deadlines) {
		this.access = access;
		this.deadlines = deadlines;
	}

	@Transactional
	public Proposal handle(Evaluate e, Actor actor, Moment at) {
		actor.require(Role.DEPUTY);
		Proposal p = access.leadDeputyOnly(e.proposalId(), actor);
		if (e.grade() == null) {
			throw LianluoException.invalidField("grade", "proposal.grade.required");
		}
		Instant now = at.now();
		Instant rehandling = deadlines.rehandling(now);
		p.evaluate(e.unitId(), e.grade(), Text.optional("comment", e.comment(), 1000), rehandling,
				deadlines.stepAt(rehandling, 1), actor.username(), now);
		return access.save(p);
	}
}
