package org.lianluo.opinion.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.Light;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.ReplyResult;
import org.lianluo.opinion.TimelineEntry;
import org.lianluo.platform.PersonalData;

/** An opinion as staff see it: the whole record and timeline, personal data masked. */
record OpinionView(UUID id, String trackingCode, OpinionStatus status, OpinionKind kind, Category category,
		Channel channel, String content, String regionCode, UUID stationId, boolean anonymous, String submitterName,
		String submitterPhone, Instant receivedAt, Set<UUID> deputyIds, UUID primaryId, String answer, String rejectReason,
		String referral, UUID leadUnitId, List<Opinion.AssistingUnit> assistingUnits, Instant assignedAt, Instant deadline,
		Light light, boolean extended, Extension pendingExtension, int supervisionLevel, Reply reply, Grade grade,
		String gradeComment, int reopenCount, boolean implemented, String implementedNote, Instant closedAt,
		boolean closedUnrated, List<Event> timeline) {

	static OpinionView of(Opinion o, String name, String phone, Light light, List<TimelineEntry> timeline) {
		return new OpinionView(o.getId(), o.getTrackingCode(), o.getStatus(), o.getKind(), o.getCategory(), o.getChannel(),
				o.getContent(), o.getRegionCode(), o.getStationId(), o.isAnonymous(), maskName(name), PersonalData.mask(phone),
				o.getReceivedAt(), o.getDeputyIds(), o.getPrimaryId(), o.getAnswer(), o.getRejectReason(),
				o.getRejectReferral(), o.getLeadUnitId(), List.copyOf(o.getAssistingUnits()), o.getAssignedAt(),
				o.getDeadline(), light, o.isExtended(),
				o.getExtensionDays() == null ? null : new Extension(o.getExtensionDays(), o.getExtensionReason()),
				o.getSupervisionLevel(),
				o.getReplyResult() == null ? null : new Reply(o.getReplyResult(), o.getReplyText(), o.getRepliedAt()),
				o.getGrade(), o.getGradeComment(), o.getReopenCount(), o.isImplemented(), o.getImplementedNote(),
				o.getClosedAt(), o.isClosedUnrated(), timeline.stream().map(Event::of).toList());
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

	record Event(Instant at, String actor, TimelineEntry.Kind kind, OpinionStatus from, OpinionStatus to, String note) {

		static Event of(TimelineEntry e) {
			return new Event(e.at(), e.actor(), e.kind(), e.fromStatus(), e.toStatus(), e.note());
		}
	}
}
