package org.lianluo.proposal;

import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules and the screens read of one proposal. The steps of the loop are the handlers, one per stage,
 * each taking its command from {@link ProposalCommands} with the actor and the moment.
 */
@Service
public class ProposalManagement {

	private final ProposalAccess access;

	private final OpinionManagement opinions;

	ProposalManagement(ProposalAccess access, OpinionManagement opinions) {
		this.access = access;
		this.opinions = opinions;
	}

	/** A proposal the actor may see, or 404. */
	@Transactional(readOnly = true)
	public Proposal get(UUID id, Actor actor) {
		return access.visible(id, actor);
	}

	/** A proposal by id, as far as the connection's region lets it be read; no check of the actor's links. */
	@Transactional(readOnly = true)
	public java.util.Optional<Proposal> byId(UUID id) {
		try {
			return java.util.Optional.of(access.load(id));
		}
		catch (org.lianluo.platform.LianluoException ex) {
			return java.util.Optional.empty();
		}
	}

	public List<ProposalTimelineEntry> timeline(UUID id) {
		return access.timeline(id);
	}

	/** The opinion a deputy would draft from (404 unless they may see it), and the draft already made from it. */
	@Transactional(readOnly = true)
	public SourceOpinion sourceOpinion(UUID opinionId, Actor actor) {
		Opinion opinion = opinions.get(opinionId, actor);
		return new SourceOpinion(opinion, access.drawnFrom(opinionId).map(Proposal::getId).orElse(null));
	}

	/** An opinion to draft from; {@code draftedAs}: the proposal made from it already, if any. */
	public record SourceOpinion(Opinion opinion, UUID draftedAs) {
	}
}
