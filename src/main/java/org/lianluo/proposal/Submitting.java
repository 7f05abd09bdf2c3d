package org.lianluo.proposal;

import java.time.Instant;
import java.time.LocalDate;

import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Session;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.ProposalCommands.AnswerCosign;
import org.lianluo.proposal.ProposalCommands.Submit;
import org.lianluo.proposal.ProposalCommands.SubmissionStep;
import org.lianluo.proposal.ProposalCommands.Withdraw;
import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The deputies' steps before registration: the lead deputy submits or withdraws, a co-signer answers. */
@Service
public class Submitting {

	private final ProposalAccess access;

	private final Congresses congresses;

	Submitting(ProposalAccess access, Congresses congresses) {
		this.access = access;
		this.congresses = congresses;
	}

	@Transactional
	public Proposal handle(SubmissionStep step, Actor actor, Moment at) {
		if (step instanceof Submit s) {
			return submit(s, actor, at);
		}
		if (step instanceof Withdraw w) {
			Proposal p = access.leadDeputyOnly(w.proposalId(), actor.require(Role.DEPUTY));
			p.withdraw(actor.username(), at.now());
			return access.save(p);
		}
		return answerCosign((AnswerCosign) step, actor, at);
	}

	private Proposal submit(Submit s, Actor actor, Moment at) {
		Proposal p = actor.has(Role.ASSESSOR) && !actor.has(Role.DEPUTY) ? access.draftedByOffice(s.proposalId(), actor)
				: access.leadDeputyOnly(s.proposalId(), actor.require(Role.DEPUTY));
		Session session = congresses.findSession(p.getSessionId()).orElseThrow(LianluoException::notFound);
		p.submit(betweenSessions(session, at.now()), actor.username(), at.now());
		return access.save(p);
	}

	private Proposal answerCosign(AnswerCosign a, Actor actor, Moment at) {
		actor.require(Role.DEPUTY);
		Proposal p = access.visible(a.proposalId(), actor);
		if (actor.deputyId() == null || !p.getCosignerIds().contains(actor.deputyId())) {
			throw LianluoException.forbidden();
		}
		if (a.confirm() == null) {
			throw LianluoException.invalidField("confirm", "proposal.confirm.required");
		}
		p.answerCosign(actor.deputyId(), a.confirm(), actor.username(), at.now());
		return access.save(p);
	}

	/** Made between sessions (闭会期间) unless submitted while the session sits. */
	private static boolean betweenSessions(Session s, Instant now) {
		LocalDate day = now.atZone(WorkingCalendar.ZONE).toLocalDate();
		LocalDate closes = s.closesOn() == null ? s.opensOn() : s.closesOn();
		return day.isBefore(s.opensOn()) || day.isAfter(closes);
	}
}
