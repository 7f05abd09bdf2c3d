package org.lianluo.opinion;

import java.util.List;
import java.util.UUID;

import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Text;

/**
 * What the office decides in triage (研判), one record per route of DESIGN.md's diagram. Each checks its own
 * fields as it is made, with the messages API.md's callers know; who may decide, and whether the units, the
 * deputy or the consultation exist, is {@link OpinionTriage}'s to check.
 */
public sealed interface TriageDecision {

	TriageRoute route();

	/** 当场答复: answered on the spot. */
	record Answer(String text) implements TriageDecision {

		public Answer {
			text = Text.required("answer", text, 2000);
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.ANSWER;
		}
	}

	/** A duplicate: follows its primary from now on. */
	record Merge(UUID primaryId) implements TriageDecision {

		public Merge {
			if (primaryId == null) {
				throw LianluoException.invalidField("primaryId", "opinion.primary.required");
			}
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.MERGE;
		}
	}

	/** 不予受理: the reason, and where to go instead (信访, court, arbitration). */
	record Reject(String reason, String referral) implements TriageDecision {

		public Reject {
			reason = Text.required("reason", reason, 1000);
			referral = Text.blankToNull(referral);
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.REJECT;
		}
	}

	/** 交办: to a lead unit, with any assisting units, on the opinion's line. */
	record Assign(UUID leadUnitId, List<UUID> assistingUnitIds) implements TriageDecision {

		public Assign {
			if (leadUnitId == null) {
				throw LianluoException.invalidField("leadUnitId", "opinion.unit.missing");
			}
			assistingUnitIds = assistingUnitIds == null ? List.of() : List.copyOf(assistingUnitIds);
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.ASSIGN;
		}
	}

	/** 转化为代表建议: the deputy named (may be null when deputies received the opinion) drafts a proposal. */
	record ToProposal(UUID deputyId) implements TriageDecision {

		@Override
		public TriageRoute route() {
			return TriageRoute.TO_PROPOSAL;
		}
	}

	/** 纳入立法参考: its words become a comment on an open draft, on an article or on the whole. */
	record ToConsultation(UUID consultationId, Integer articleNumber) implements TriageDecision {

		public ToConsultation {
			if (consultationId == null) {
				throw LianluoException.invalidField("consultationId", "opinion.consultation.required");
			}
		}

		@Override
		public TriageRoute route() {
			return TriageRoute.TO_CONSULTATION;
		}
	}
}
