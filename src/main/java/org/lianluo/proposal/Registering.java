package org.lianluo.proposal;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.RefuseRegistration;
import org.lianluo.proposal.ProposalCommands.Register;
import org.lianluo.proposal.ProposalCommands.RegistrationDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration (立案) by the office: numbered per session (第N号), or not registered with a reason. */
@Service
public class Registering {

	private final ProposalAccess access;

	private final ProposalDeadlines deadlines;

	Registering(ProposalAccess access, ProposalDeadlines deadlines) {
		this.access = access;
		this.deadlines = deadlines;
	}

	@Transactional
	public Proposal handle(RegistrationDecision decision, Actor actor, Moment at) {
		actor.require(Role.ASSESSOR);
		Proposal p = access.visible(decision.proposalId(), actor);
		if (decision instanceof Register) {
			// A refused transition rolls the counter back with it: numbers have no gaps.
			p.register(access.nextNumber(p.getSessionId()), deadlines.assignmentDue(at.now()), actor.username(), at.now());
		}
		else {
			RefuseRegistration refusal = (RefuseRegistration) decision;
			String reason = Text.required("reason", refusal.reason(), 1000);
			if (refusal.notRegisteredAs() == null) {
				throw org.lianluo.platform.LianluoException.invalidField("notRegisteredAs", "proposal.not-registered-as.required");
			}
			p.refuseRegistration(refusal.notRegisteredAs(), reason, actor.username(), at.now());
		}
		return access.save(p);
	}
}
