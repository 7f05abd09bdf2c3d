package org.lianluo.proposal;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.RecordContact;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The unit's contact with the deputy (沟通联系, 面商) before it replies, once per round of handling or more. */
@Service
public class Contacting {

	private final ProposalAccess access;

	Contacting(ProposalAccess access) {
		this.access = access;
	}

	@Transactional
	public Proposal handle(RecordContact c, Actor actor, Moment at) {
		actor.require(Role.UNIT_HANDLER);
		Proposal p = access.heldByActorsUnit(c.proposalId(), actor);
		if (c.method() == null) {
			throw LianluoException.invalidField("method", "proposal.contact.method.required");
		}
		p.recordContact(actor.unitId(), c.method(), Text.optional("note", c.note(), 2000), actor.username(), at.now());
		return access.save(p);
	}
}
