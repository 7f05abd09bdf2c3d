package org.lianluo.proposal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Session;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.proposal.ProposalCommands.Draft;
import org.lianluo.proposal.ProposalCommands.DraftCommand;
import org.lianluo.proposal.ProposalCommands.DraftFromOpinion;
import org.lianluo.proposal.ProposalCommands.DraftOnBehalf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafting (提): a deputy's draft, the office's draft on a deputy's behalf, or a draft from a citizen's opinion. */
@Service
public class Drafting {

	static final int MAX_TITLE = 200;

	static final int MIN_CONTENT = 10;

	static final int MAX_CONTENT = 20000;

	private final ProposalAccess access;

	private final Congresses congresses;

	private final Deputies deputies;

	private final OpinionManagement opinions;

	Drafting(ProposalAccess access, Congresses congresses, Deputies deputies, OpinionManagement opinions) {
		this.access = access;
		this.congresses = congresses;
		this.deputies = deputies;
		this.opinions = opinions;
	}

	@Transactional
	public Proposal handle(DraftCommand command, Actor actor, Moment at) {
		if (command instanceof Draft d) {
			return byDeputy(d, actor, at);
		}
		if (command instanceof DraftOnBehalf d) {
			return onBehalf(d, actor, at);
		}
		return fromOpinion((DraftFromOpinion) command, actor, at);
	}

	private Proposal byDeputy(Draft d, Actor actor, Moment at) {
		actor.require(Role.DEPUTY);
		if (actor.deputyId() == null) {
			throw LianluoException.conflict("proposal.deputy.unlinked");
		}
		return draftFor(actor, actor.deputyId(), d, at);
	}

	/**
	 * A draft entered by the office on a deputy's behalf (代为录入), e.g. from the paper form handed in at the session:
	 * the deputy is its lead deputy, the office may submit it for them, the timeline names who entered it.
	 */
	private Proposal onBehalf(DraftOnBehalf c, Actor actor, Moment at) {
		actor.require(Role.ASSESSOR);
		Draft d = c.draft();
		// The session first: a congress outside the caller's region is not theirs to enter for (404), whoever the deputy.
		if (d.sessionId() != null) {
			congresses.findSession(d.sessionId()).ifPresent(s -> actor.scope().check(s.regionCode()));
		}
		if (c.leadDeputyId() == null || deputies.find(c.leadDeputyId()).isEmpty()) {
			throw LianluoException.invalidField("leadDeputyId", "proposal.lead-deputy.missing");
		}
		Proposal p = draftFor(actor, c.leadDeputyId(), d, at);
		p.draftedOnBehalfBy(actor.username());
		return access.save(p);
	}

	/** A draft from an opinion the deputy received; the opinion leaves triage as TO_PROPOSAL, in one transaction. */
	private Proposal fromOpinion(DraftFromOpinion c, Actor actor, Moment at) {
		actor.require(Role.DEPUTY);
		if (c.opinionId() == null) {
			throw LianluoException.invalidField("opinionId", "proposal.opinion.required");
		}
		Opinion opinion = opinions.get(c.opinionId(), actor);
		if (access.drawnFrom(opinion.getId()).isPresent()) {
			throw LianluoException.conflict("proposal.opinion.already-drafted");
		}
		String content = c.content() == null || c.content().isBlank() ? opinion.getContent() : c.content();
		Proposal p = byDeputy(new Draft(c.sessionId(), c.title(), content, null), actor, at);
		p.drawnFrom(opinion.getId());
		opinions.markTurnedIntoProposal(opinion.getId(), p.getId(), actor, at);
		return access.save(p);
	}

	private Proposal draftFor(Actor actor, UUID leadDeputyId, Draft d, Moment at) {
		List<FieldProblem> problems = new ArrayList<>();
		Session session = d.sessionId() == null ? null : congresses.findSession(d.sessionId()).orElse(null);
		if (session == null) {
			problems.add(new FieldProblem("sessionId", "proposal.session.missing"));
		}
		String title = Text.blankToNull(d.title());
		if (title == null || title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "proposal.title.length", MAX_TITLE));
		}
		String content = Text.blankToNull(d.content());
		if (content == null || content.length() < MIN_CONTENT || content.length() > MAX_CONTENT) {
			problems.add(new FieldProblem("content", "proposal.content.length", MIN_CONTENT, MAX_CONTENT));
		}
		Set<UUID> cosigners = d.coSignerIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(d.coSignerIds());
		if (cosigners.contains(null) || deputies.findAll(cosigners).size() != cosigners.size()) {
			problems.add(new FieldProblem("coSignerIds", "proposal.cosigner.missing"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		return access.save(Proposal.draft(session.id(), session.regionCode(), leadDeputyId, title, content, cosigners,
				actor.username(), at.now()));
	}
}
