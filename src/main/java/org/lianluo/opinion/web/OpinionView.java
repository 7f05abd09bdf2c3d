package org.lianluo.opinion.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.Light;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.Rater;
import org.lianluo.opinion.ReplyResult;
import org.lianluo.opinion.TimelineEntry;
import org.lianluo.platform.PersonalData;

/**
 * An opinion as staff see it: the whole record and timeline, personal data masked. The tracking code only for the
 * office ({@link org.lianluo.opinion.OpinionQueries#showsTrackingCodes}); the rating key only in the answer to the
 * intake, for the citizen's receipt; who gave the grade (CITIZEN or FOLLOW_UP).
 */
record OpinionView(UUID id, String trackingCode, OpinionStatus status, OpinionKind kind, Category category,
		Channel channel, String content, String regionCode, UUID stationId, boolean anonymous, String submitterName,
		String submitterPhone, Instant receivedAt, Set<UUID> deputyIds, UUID primaryId, String answer, String rejectReason,
		String referral, UUID leadUnitId, List<Opinion.AssistingUnit> assistingUnits, Instant assignedAt, Instant deadline,
		Light light, boolean extended, Extension pendingExtension, int supervisionLevel, Reply reply, Grade grade,
		String gradeComment, Rater ratedBy, int reopenCount, boolean implemented, String implementedNote, Instant closedAt,
		boolean closedUnrated, List<Event> timeline, @JsonInclude(JsonInclude.Include.NON_NULL) String ratingKey) {

	static OpinionView of(Opinion o, String name, String phone, Light light, List<Event> timeline, boolean withCode) {
		return new OpinionView(o.getId(), withCode ? o.getTrackingCode() : null, o.getStatus(), o.getKind(), o.getCategory(), o.getChannel(),
				o.getContent(), o.getRegionCode(), o.getStationId(), o.isAnonymous(), maskName(name), PersonalData.mask(phone),
				o.getReceivedAt(), o.getDeputyIds(), o.getPrimaryId(), o.getAnswer(), o.getRejectReason(),
				o.getRejectReferral(), o.getLeadUnitId(), List.copyOf(o.getAssistingUnits()), o.getAssignedAt(),
				o.getDeadline(), light, o.isExtended(),
				o.getExtensionDays() == null ? null : new Extension(o.getExtensionDays(), o.getExtensionReason()),
				o.getSupervisionLevel(),
				o.getReplyResult() == null ? null : new Reply(o.getReplyResult(), o.getReplyText(), o.getRepliedAt()),
				o.getGrade(), o.getGradeComment(), o.getRatedBy(), o.getReopenCount(), o.isImplemented(), o.getImplementedNote(),
				o.getClosedAt(), o.isClosedUnrated(), timeline, null);
	}

	/** The same with the rating key, for the receipt of the intake that made it (API.md: this once). */
	OpinionView withRatingKey(String key) {
		return new OpinionView(id, trackingCode, status, kind, category, channel, content, regionCode, stationId, anonymous,
				submitterName, submitterPhone, receivedAt, deputyIds, primaryId, answer, rejectReason, referral, leadUnitId,
				assistingUnits, assignedAt, deadline, light, extended, pendingExtension, supervisionLevel, reply, grade,
				gradeComment, ratedBy, reopenCount, implemented, implementedNote, closedAt, closedUnrated, timeline, key);
	}

	static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
	}

	record Extension(int workingDays, String reason) {
	}

	record Reply(ReplyResult result, String text, Instant at) {
	}

	/**
	 * One entry of the timeline: API.md's fields as they always were ({@code actor} the account, {@code note} the
	 * words written), and {@code actorName} and {@code text}, the same rendered for reading, in Chinese.
	 */
	record Event(Instant at, String actor, TimelineEntry.Kind kind, OpinionStatus from, OpinionStatus to, String note,
			String actorName, String text) {
	}
}
