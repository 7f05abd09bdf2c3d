package org.lianluo.proposal;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.RecordAssistingView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An assisting unit's view (协办意见) for the lead unit, by one of its handlers, once per round. */
@Service
public class AssistingViews {

	static final int MIN_VIEW = 5;

	static final int MAX_VIEW = 5000;

	private final ProposalAccess access;

	AssistingViews(ProposalAccess access) {
		this.access = access;
	}

	@Transactional
	public Proposal handle(RecordAssistingView c, Actor actor, Moment at) {
		actor.require(Role.UNIT_HANDLER);
		Proposal p = access.load(c.proposalId());
		// Outside assignment and handling no view is due: a unit of its region asking is out of order.
		if (p.getStatus() != ProposalStatus.ASSIGNED && p.getStatus() != ProposalStatus.HANDLING
				&& new Scope(actor.regionCode(), null, null).covers(p.getRegionCode())) {
			throw p.notAllowedNow();
		}
		p = access.visible(c.proposalId(), actor);
		if (actor.unitId() == null || !p.getAssistingUnitIds().contains(actor.unitId())) {
			throw LianluoException.forbidden();
		}
		String v = Text.blankToNull(c.text());
		if (v == null || v.length() < MIN_VIEW || v.length() > MAX_VIEW) {
			throw LianluoException.invalidField("text", "proposal.assisting-view.length", MIN_VIEW, MAX_VIEW);
		}
		p.recordAssistingView(actor.unitId(), v, actor.username(), at.now());
		return access.save(p);
	}
}
