package org.lianluo.proposal;

import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.FollowUp;
import org.lianluo.proposal.ProposalCommands.Reply;
import org.lianluo.proposal.ProposalCommands.ReplyStep;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit's reply (答复 A–D) after its contact with the deputy, copied to the confirmed co-signers; or a follow-up
 * reply to a B or C reply once the matter is solved, the earlier reply staying in the history.
 */
@Service
public class Replying {

	private final ProposalAccess access;

	private final ApplicationEventPublisher events;

	Replying(ProposalAccess access, ApplicationEventPublisher events) {
		this.access = access;
		this.events = events;
	}

	@Transactional
	public Proposal handle(ReplyStep step, Actor actor, Moment at) {
		actor.require(Role.UNIT_HANDLER);
		Proposal p = access.heldByActorsUnit(step.proposalId(), actor);
		if (step instanceof FollowUp f) {
			if (f.replyClass() == null) {
				throw LianluoException.invalidField("replyClass", "proposal.reply.class.required");
			}
			p.followUp(actor.unitId(), f.replyClass(), Text.required("text", f.text(), Drafting.MAX_CONTENT),
					actor.username(), at.now());
			return access.save(p);
		}
		Reply r = (Reply) step;
		if (r.replyClass() == null) {
			throw LianluoException.invalidField("replyClass", "proposal.reply.class.required");
		}
		p.reply(actor.unitId(), r.replyClass(), Text.required("text", r.text(), Drafting.MAX_CONTENT),
				Boolean.TRUE.equals(r.confirmedWithoutContact()), Boolean.TRUE.equals(r.publish()), actor.username(),
				at.now());
		Proposal saved = access.save(p);
		copyToCosigners(saved, actor.unitId());
		return saved;
	}

	private void copyToCosigners(Proposal saved, UUID unit) {
		List<UUID> confirmed = saved.getCosigners().stream()
			.filter(c -> c.answer() == Proposal.CosignAnswer.CONFIRMED).map(Proposal.Cosigner::deputyId).toList();
		if (!confirmed.isEmpty()) {
			Handling replied = saved.handlingOf(unit);
			events.publishEvent(new ProposalEvents.ProposalReplyCopied(saved.getId(), saved.getNumber(),
					replied.getReplyClass(), replied.getRehandlingCount(), confirmed,
					saved.isSeparate() ? unit : null));
		}
	}
}
