package org.lianluo.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The figures of {@code GET /api/v1/reports/annual} that count or sum records, each with exactly the condition
 * API.md gives it. The same condition lists the records behind the figure, so a figure and its list agree.
 */
public enum Figure {

	ACTIVITIES("activities", Source.ACTIVITY, null, null, "sum(r.activities)"),
	THEMATIC_ACTIVITIES("thematicActivities", Source.ACTIVITY,
			"a.type in ('VISIT', 'INSPECTION', 'BRIEFING', 'PUBLIC_MEETING') and coalesce(a.theme, '') <> ''", null,
			"sum(r.activities) filter (where r.thematic)"),
	VOTERS_RECEIVED("votersReceived", Source.ACTIVITY, "a.voters_received > 0", "sum(a.voters_received)", "sum(r.voters)"),
	PUBLIC_MEETINGS("publicMeetings", Source.ACTIVITY, "a.type = 'PUBLIC_MEETING'", null,
			"sum(r.activities) filter (where r.type = 'PUBLIC_MEETING')"),
	OPINIONS_COLLECTED("opinionsCollected", Source.OPINION, null, null),
	OPINIONS_IMPLEMENTED("opinionsImplemented", Source.OPINION, "o.implemented", null),
	COMMITTEE_CONTACTS("committeeContacts", Source.CONTACT, null, null),
	COMMITTEE_ATTENDANCE("committeeAttendance", Source.ATTENDANCE,
			"a.type = 'COMMITTEE_ATTENDANCE' and p.attendance = 'SIGNED_IN'", null,
			"sum(r.signed_in) filter (where r.type = 'COMMITTEE_ATTENDANCE')"),
	// A comment hidden by moderation (abuse, advertising) is not a comment on the draft.
	DRAFT_COMMENTS("draftComments", Source.COMMENT, "not c.hidden", null),
	PROPOSALS_ASSIGNED("proposalsAssigned", Source.PROPOSAL, "p.assigned_at is not null", null),
	PROPOSALS_ANSWERED("proposalsAnswered", Source.PROPOSAL, "p.replied_at is not null", null),
	UPWARD_PROPOSALS("upwardProposals", Source.UPWARD, null, null),
	JOINT_SUPERVISIONS("jointSupervisions", Source.ACTIVITY, "a.type = 'JOINT_SUPERVISION'", null,
			"sum(r.activities) filter (where r.type = 'JOINT_SUPERVISION')"),
	DISPUTES_RESOLVED("disputesResolved", Source.OPINION,
			"o.category = 'DISPUTE' and o.status = 'CLOSED' and o.reply_result = 'RESOLVED'", null),
	STATIONS("stations", Source.STATION, "s.status = 'ACTIVE'", null),
	SPECIAL_STATIONS("specialStations", Source.STATION, "s.status = 'ACTIVE' and s.kind <> 'STANDARD'", null);

	private final String key;

	final Source source;

	final String condition;

	final String aggregate;

	/** Over the monthly sums of its source ({@link Source#summed}), when it has them. */
	final String summed;

	Figure(String key, Source source, String condition, String aggregate) {
		this(key, source, condition, aggregate, null);
	}

	Figure(String key, Source source, String condition, String aggregate, String summed) {
		this.key = key;
		this.source = source;
		this.condition = condition;
		this.aggregate = aggregate == null ? "count(*)" : aggregate;
		this.summed = summed;
	}

	/** The figure's key in the API answer. */
	public String key() {
		return key;
	}

	public Source source() {
		return source;
	}

	/** The keys of the figures, in the order of API.md. */
	public static java.util.stream.Stream<String> stream() {
		return Arrays.stream(values()).map(Figure::key);
	}

	public static Optional<Figure> byKey(String key) {
		return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
	}

	/** The figure as one column of a query over its source's records in the region and period. */
	String column() {
		return "coalesce(" + aggregate + (condition == null ? "" : " filter (where " + condition + ")") + ", 0)";
	}

	/** The figure as one column of a query over its source's monthly sums {@code r}. */
	String summedColumn() {
		return "coalesce(" + summed + ", 0)";
	}

	/** From, region and period and the figure's own condition, with {@code :pattern :from :to :fromDate :toDate}. */
	String where() {
		return " from " + source.from + " where " + source.region + " like :pattern and " + source.period
				+ (condition == null ? "" : " and " + condition);
	}
}
