package org.lianluo.opinion;

import java.util.List;
import java.util.UUID;

import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Text;

/**
 * What the office decides in triage (研判), one record per route of DESIGN.md's diagram. Each checks its own
 * fields in {@link #checked()}, with the messages API.md's callers know, which {@link OpinionTriage} calls once it
 * knows the caller may decide on this opinion (a stranger learns 403 or 404, never what the body lacks); whether
 * the units, the deputy or the consultation exist is the handler's to check.
 */
public sealed interface TriageDecision {

	TriageRoute route();

	/** This decision with its fields checked and tidied; a 400 naming the field otherwise. */
	TriageDecision checked();

	/** 当场答复: answered on the spot. */
	record Answer(String text) implements TriageDecision {

		@Override
		public Answer checked() {
			return new Answer(Text.required("answer", text, 2000));
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.ANSWER;
		}
	}

	/** A duplicate: follows its primary from now on. */
	record Merge(UUID primaryId) implements TriageDecision {

		@Override
		public Merge checked() {
			if (primaryId == null) {
				throw LianluoException.invalidField("primaryId", "opinion.primary.required");
			}
			return this;
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.MERGE;
		}
	}

	/** 不予受理: the reason, and where to go instead (信访, court, arbitration). */
	record Reject(String reason, String referral) implements TriageDecision {

		@Override
		public Reject checked() {
			return new Reject(Text.required("reason", reason, 1000), Text.blankToNull(referral));
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.REJECT;
		}
	}

	/** 交办: to a lead unit, with any assisting units, on the opinion's line. */
	record Assign(UUID leadUnitId, List<UUID> assistingUnitIds) implements TriageDecision {

		@Override
		public Assign checked() {
			if (leadUnitId == null) {
				throw LianluoException.invalidField("leadUnitId", "opinion.unit.missing");
			}
			return new Assign(leadUnitId, assistingUnitIds == null ? List.of() : List.copyOf(assistingUnitIds));
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.ASSIGN;
		}
	}

	/** 转化为代表建议: the deputy named (may be null when deputies received the opinion) drafts a proposal. */
	record ToProposal(UUID deputyId) implements TriageDecision {

		@Override
		public ToProposal checked() {
			return this;
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.TO_PROPOSAL;
		}
	}

	/** 纳入立法参考: its words become a comment on an open draft, on an article or on the whole. */
	record ToConsultation(UUID consultationId, Integer articleNumber) implements TriageDecision {

		@Override
		public ToConsultation checked() {
			if (consultationId == null) {
				throw LianluoException.invalidField("consultationId", "opinion.consultation.required");
			}
			return this;
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.TO_CONSULTATION;
		}
	}
}
