package org.lianluo.proposal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lianluo.proposal.AssignmentMode;
import org.lianluo.proposal.ContactMethod;
import org.lianluo.proposal.Handling;
import org.lianluo.proposal.NotRegisteredAs;
import org.lianluo.proposal.Proposal;
import org.lianluo.proposal.ProposalStatus;
import org.lianluo.proposal.ProposalTimelineEntry;
import org.lianluo.proposal.ReplyClass;
import org.lianluo.proposal.Verdict;

/** A proposal as the API and the screens show it, with the names of its deputies and units. */
public record ProposalView(UUID id, UUID sessionId, String sessionName, Integer number, ProposalStatus status,
		String title, String content, Named leadDeputy, List<CosignerView> cosigners, Instant submittedAt,
		boolean betweenSessions, Instant registeredAt, Instant assignmentDue, String notRegisteredReason,
		AssignmentMode mode, Named leadUnit, List<Named> assistingUnits, Instant assignedAt, Instant deadline,
		Integer extensionMonthsRequested, String extensionReason, boolean extended, List<ContactView> contacts,
		ReplyClass replyClass, String replyText, Instant repliedAt, boolean repliedWithoutContact,
		Boolean repliedOnTime, Verdict grade, String gradeComment, int rehandlingCount, Instant closedAt,
		boolean keySupervised, String keyTopic, String keyLeader, int supervisionLevel, boolean assignmentWarned,
		List<Entry> timeline, boolean replyPublic, String extensionNotice, Instant extensionNoticedAt,
		List<ReplyView> replies, List<DocumentView> replyDocuments, String draftedBy,
		List<AssistingViewView> assistingViews, List<Named> assistingViewsMissing, Instant assistingViewsDue,
		boolean assistingViewsWarned, List<UnitHandlingView> separateUnits, NotRegisteredAs notRegisteredAs) {

	/**
	 * One unit's handling: each separately replying unit's part in {@code separateUnits} (empty unless the proposal is
	 * assigned SEPARATE to several units), or, on the screens, the lead unit's own.
	 */
	public record UnitHandlingView(Named unit, ProposalStatus status, Instant assignedAt, Instant deadline,
			Integer extensionMonthsRequested, String extensionReason, boolean extended, String extensionNotice,
			Instant extensionNoticedAt, ReplyClass replyClass, String replyText, Instant repliedAt,
			boolean repliedWithoutContact, Boolean repliedOnTime, boolean replyPublic, Verdict grade, String gradeComment,
			int rehandlingCount, Instant closedAt, int supervisionLevel) {

		static UnitHandlingView of(Named unit, ProposalStatus status, Handling h) {
			return new UnitHandlingView(unit, status, h.getAssignedAt(), h.getDeadline(), h.getExtensionMonths(),
					h.getExtensionReason(), h.isExtended(), h.getExtensionNotice(), h.getExtensionNoticedAt(),
					h.getReplyClass(), h.getReplyText(), h.getRepliedAt(), h.isRepliedWithoutContact(), h.getRepliedOnTime(),
					h.isReplyPublic(), h.getGrade(), h.getGradeComment(), h.getRehandlingCount(), h.getClosedAt(),
					h.getSupervisionLevel());
		}
	}

	/** An assisting unit's view (协办意见) for the lead unit. */
	public record AssistingViewView(Named unit, String text, Instant at, int round) {
	}

	/** One reply of the history: a round's reply or a follow-up. */
	public record ReplyView(Proposal.ReplyKind kind, ReplyClass replyClass, String text, Instant at, int round,
			String unit) {
	}

	/** A signed reply document, downloadable at {@code /api/v1/proposals/{id}/reply-documents/{documentId}}. */
	public record DocumentView(UUID id, String filename, long size, Instant at) {
	}

	/** Something with an id and a name. */
	public record Named(UUID id, String name) {
	}

	public record CosignerView(UUID deputyId, String name, Proposal.CosignAnswer answer, Instant answeredAt) {
	}

	public record ContactView(String unit, ContactMethod method, String note, Instant at, int round) {
	}

	/** {@code unit}: the separately replying unit whose part the entry is about, if any. */
	public record Entry(Instant at, String actor, ProposalTimelineEntry.Kind kind, ProposalStatus from,
			ProposalStatus status, String note, String unit) {
	}
}
