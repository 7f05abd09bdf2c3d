package org.lianluo.proposal;

import java.time.Instant;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.DecideExtension;
import org.lianluo.proposal.ProposalCommands.ExtensionStep;
import org.lianluo.proposal.ProposalCommands.RecordExtensionNotice;
import org.lianluo.proposal.ProposalCommands.RequestExtension;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An extension (延期): asked by the unit, decided by the office, told to the deputy in writing by the unit. */
@Service
public class Extending {

	private final ProposalAccess access;

	private final ProposalDeadlines deadlines;

	Extending(ProposalAccess access, ProposalDeadlines deadlines) {
		this.access = access;
		this.deadlines = deadlines;
	}

	@Transactional
	public Proposal handle(ExtensionStep step, Actor actor, Moment at) {
		if (step instanceof DecideExtension d) {
			return decide(d, actor, at);
		}
		actor.require(Role.UNIT_HANDLER);
		Proposal p = access.heldByActorsUnit(step.proposalId(), actor);
		if (step instanceof RequestExtension r) {
			if (r.months() == null || r.months() < 1 || r.months() > Proposal.MAX_EXTENSION_MONTHS) {
				throw LianluoException.invalidField("months", "proposal.extension.months", Proposal.MAX_EXTENSION_MONTHS);
			}
			p.requestExtension(actor.unitId(), r.months(), Text.required("reason", r.reason(), 1000), actor.username(),
					at.now());
		}
		else {
			String notice = ((RecordExtensionNotice) step).notice();
			p.recordExtensionNotice(actor.unitId(), Text.required("notice", notice, 2000), actor.username(), at.now());
		}
		return access.save(p);
	}

	/** The office's decision on the extension a unit asked for; {@code unitId} names it when several reply separately. */
	private Proposal decide(DecideExtension d, Actor actor, Moment at) {
		actor.require(Role.ASSESSOR);
		Proposal p = access.visible(d.proposalId(), actor);
		if (d.approve() == null) {
			throw LianluoException.invalidField("approve", "proposal.approve.required");
		}
		int months = p.pendingExtensionMonths(d.unitId());
		Instant newDeadline = deadlines.extend(p.handlingOf(d.unitId()).getDeadline(), months);
		p.decideExtension(d.unitId(), d.approve(), newDeadline, deadlines.stepAt(newDeadline, 1),
				Text.optional("note", d.note(), 1000), actor.username(), at.now());
		return access.save(p);
	}
}
