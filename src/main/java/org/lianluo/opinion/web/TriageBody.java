package org.lianluo.opinion.web;

import java.util.List;
import java.util.UUID;

import org.lianluo.opinion.Category;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionTriage;
import org.lianluo.opinion.TriageDecision;
import org.lianluo.opinion.TriageRoute;

/**
 * API.md's triage body, kept exactly as callers send it ({@code route} and the fields of every route side by side),
 * turned into the one {@link TriageDecision} its route names; each route's record checks its own fields when the
 * handler has checked the caller.
 */
record TriageBody(TriageRoute route, String note, String answer, UUID primaryId, String reason, String referral,
		UUID leadUnitId, List<UUID> assistingUnitIds, OpinionKind kind, Category category, UUID consultationId,
		Integer articleNumber, UUID deputyId) {

	OpinionTriage.Triage command(UUID opinionId) {
		return new OpinionTriage.Triage(opinionId, decision(), kind, category, note);
	}

	/** The route's decision; null when no route was named (the handler says so once it knows the caller may triage). */
	TriageDecision decision() {
		if (route == null) {
			return null;
		}
		return switch (route) {
			case ANSWER -> new TriageDecision.Answer(answer);
			case MERGE -> new TriageDecision.Merge(primaryId);
			case REJECT -> new TriageDecision.Reject(reason, referral);
			case ASSIGN -> new TriageDecision.Assign(leadUnitId, assistingUnitIds);
			case TO_PROPOSAL -> new TriageDecision.ToProposal(deputyId);
			case TO_CONSULTATION -> new TriageDecision.ToConsultation(consultationId, articleNumber);
		};
	}
}
