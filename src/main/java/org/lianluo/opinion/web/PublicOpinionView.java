package org.lianluo.opinion.web;

import java.time.Instant;
import java.util.List;

import org.lianluo.opinion.Category;
import org.lianluo.opinion.Light;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.ReplyResult;
import org.lianluo.opinion.TimelineEntry;

/** What a citizen sees with the tracking code: statuses, dates and the reply; no names, phones or staff. */
record PublicOpinionView(String trackingCode, OpinionStatus status, OpinionKind kind, Category category,
		String regionCode, Instant submittedAt, Instant deadline, Light light, List<Step> timeline, Reply reply,
		boolean rateable) {

	/**
	 * A merged opinion shows the reply of the one it was merged into, and its submitter may rate that reply
	 * as the primary's own submitter may.
	 */
	static PublicOpinionView of(Opinion o, Opinion primary, Light light, List<TimelineEntry> timeline) {
		Opinion answering = primary == null ? o : primary;
		Reply reply = null;
		if (answering.getStatus() == OpinionStatus.FED_BACK || answering.getStatus() == OpinionStatus.CLOSED
				&& answering.getReplyResult() != null) {
			reply = new Reply(answering.getReplyResult(), answering.getReplyText(), answering.getRepliedAt());
		}
		return new PublicOpinionView(o.getTrackingCode(), o.getStatus(), o.getKind(), o.getCategory(), o.getRegionCode(),
				o.getReceivedAt(), o.getStatus().isHandling() ? o.getDeadline() : null, light,
				timeline.stream()
					.filter(e -> e.kind() == TimelineEntry.Kind.TRANSITION)
					.map(e -> new Step(e.at(), e.toStatus(), e.publicNote()))
					.toList(),
				reply, answering.getStatus() == OpinionStatus.FED_BACK);
	}

	record Step(Instant at, OpinionStatus status, String note) {
	}

	record Reply(ReplyResult result, String text, Instant at) {
	}
}
