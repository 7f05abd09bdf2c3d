package org.lianluo.proposal;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.PutUnderKeySupervision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Key supervision (重点督办) by a leader, under a topic. */
@Service
public class KeySupervising {

	private final ProposalAccess access;

	KeySupervising(ProposalAccess access) {
		this.access = access;
	}

	@Transactional
	public Proposal handle(PutUnderKeySupervision c, Actor actor, Moment at) {
		actor.require(Role.LEADER);
		Proposal p = access.visible(c.proposalId(), actor);
		p.putUnderKeySupervision(Text.required("topic", c.topic(), 100), actor.username(), at.now());
		return access.save(p);
	}

	/**
	 * The mark a key supervision taken by a leader or a special committee leaves on the proposal (its flag, and the
	 * entry on its timeline), once: the caller has checked who takes it. Unchanged when it is marked already.
	 */
	@Transactional
	public Proposal markTaken(java.util.UUID proposalId, String topic, String by, Moment at) {
		Proposal p = access.load(proposalId);
		if (p.isKeySupervised()) {
			return p;
		}
		p.putUnderKeySupervision(Text.required("topic", topic, 100), by, at.now());
		return access.save(p);
	}
}
