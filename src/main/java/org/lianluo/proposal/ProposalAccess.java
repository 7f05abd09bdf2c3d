package org.lianluo.proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.proposal.internal.ProposalTimeline;
import org.lianluo.proposal.internal.ProposalTimers;
import org.springframework.stereotype.Component;

/**
 * How the handlers load a proposal for the actor (404 outside their scope, 403 for a step not theirs) and store it
 * with its new timeline entries and its next supervision time.
 */
@Component
class ProposalAccess {

	private final Proposals proposals;

	private final ProposalTimeline timeline;

	private final ProposalTimers timers;

	ProposalAccess(Proposals proposals, ProposalTimeline timeline, ProposalTimers timers) {
		this.proposals = proposals;
		this.timeline = timeline;
		this.timers = timers;
	}

	Proposal save(Proposal p) {
		List<ProposalTimelineEntry> entries = p.takeNewEntries();
		Proposal saved = proposals.save(p);
		timeline.append(entries);
		Instant next = saved.nextSupervisionTime();
		if (next != null) {
			timers.set(saved.getId(), next);
		}
		else if (saved.getRegisteredAt() != null) {
			timers.cancel(saved.getId());
		}
		return saved;
	}

	/** Any proposal, whoever asks: for system work that is not a user's step. */
	Proposal load(UUID id) {
		return proposals.findById(id).orElseThrow(LianluoException::notFound);
	}

	/** A proposal the actor may see, or 404. */
	Proposal visible(UUID id, Actor actor) {
		Proposal p = load(id);
		if (!ProposalQueries.canSee(actor, p)) {
			throw LianluoException.notFound();
		}
		return p;
	}

	/** A step of the lead deputy's. */
	Proposal leadDeputyOnly(UUID id, Actor actor) {
		Proposal p = visible(id, actor);
		if (actor.deputyId() == null || !actor.deputyId().equals(p.getLeadDeputyId())) {
			throw LianluoException.forbidden();
		}
		return p;
	}

	/** A draft the office entered on a deputy's behalf, which the office may submit for them. */
	Proposal draftedByOffice(UUID id, Actor actor) {
		// Submitting is the deputy's step unless the office entered the draft: refused as for any other staff first.
		if (load(id).getDraftedBy() == null) {
			throw LianluoException.forbidden();
		}
		return visible(id, actor);
	}

	/** A step of the unit holding the proposal, or holding a part of it when several units reply separately. */
	Proposal heldByActorsUnit(UUID id, Actor actor) {
		Proposal p = load(id);
		// Before assignment and after a return no unit holds it: a step by a unit of its region is out of order.
		if (p.getHandlingUnitIds().isEmpty() && new Scope(actor.regionCode(), null, null).covers(p.getRegionCode())) {
			throw p.notAllowedNow();
		}
		p = visible(id, actor);
		if (actor.unitId() == null || !p.getHandlingUnitIds().contains(actor.unitId())) {
			throw LianluoException.forbidden();
		}
		return p;
	}

	java.util.Optional<Proposal> drawnFrom(UUID opinionId) {
		return proposals.findFirstByOpinionId(opinionId);
	}

	List<ProposalTimelineEntry> timeline(UUID id) {
		return timeline.of(id);
	}

	int nextNumber(UUID sessionId) {
		return timeline.nextNumber(sessionId);
	}
}
