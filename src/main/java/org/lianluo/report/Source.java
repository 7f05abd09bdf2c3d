package org.lianluo.report;

/**
 * The kinds of record the report counts, each as the SQL that reads it. The report module reads these tables of
 * the duty, opinion, proposal, consultation and station modules directly, read-only, because its figures are
 * aggregates over many records in one query: their modules' APIs load records one by one. Every condition here
 * follows the definitions of API.md; {@link Figure} adds the condition of each figure.
 */
public enum Source {

	// Counted from the duty module's monthly sums (migration V21_1), listed from the activities.
	ACTIVITY("duty_activity a", "a.region_code", "a.start_at >= :from and a.start_at < :to",
			"a.id, a.title, cast(a.start_at at time zone 'Asia/Shanghai' as date), a.region_code, a.type", "/duty/activities/",
			"duty.type.", "duty_rollup r"),

	ATTENDANCE("duty_activity a join duty_activity_deputy p on p.activity_id = a.id", "a.region_code",
			"a.start_at >= :from and a.start_at < :to",
			"a.id, a.title, cast(a.start_at at time zone 'Asia/Shanghai' as date), a.region_code, a.type", "/duty/activities/",
			"duty.type.", "duty_rollup r"),

	OPINION("opinion o", "o.region_code", "o.received_at >= :from and o.received_at < :to",
			"o.id, o.tracking_code, cast(o.received_at at time zone 'Asia/Shanghai' as date), o.region_code, o.status",
			"/opinions/", "opinion.status."),

	CONTACT("duty_contact k", "k.region_code", "k.at >= :from and k.at < :to",
			"k.id, k.method, cast(k.at at time zone 'Asia/Shanghai' as date), k.region_code, k.method", null, "report.contact-method."),

	// A comment gathered at a station counts for the station's region, any other for the consultation's.
	COMMENT("consultation_comment c join consultation k on k.id = c.consultation_id left join station s on s.id = c.station_id",
			"coalesce(s.region_code, k.region_code)", "c.created_at >= :from and c.created_at < :to",
			"k.id, k.title, cast(c.created_at at time zone 'Asia/Shanghai' as date), coalesce(s.region_code, k.region_code), c.channel",
			"/manage/consultations/", "consultation.channel."),

	// Proposals count in the year their session was held (API.md), between-sessions ones with their session.
	PROPOSAL("proposal p join congress_session cs on cs.id = p.session_id", "p.region_code",
			"cs.opens_on >= :fromDate and cs.opens_on < :toDate",
			"p.id, p.title, cs.opens_on, p.region_code, p.status", "/proposals/", "proposal.status."),

	UPWARD("upward_proposal u", "u.region_code", "u.submitted_on >= :fromDate and u.submitted_on < :toDate",
			"u.id, u.title, u.submitted_on, u.region_code, u.target_level", null, "level."),

	// Stations count as they stand when the report is made, by their own region (co-building regions aside).
	STATION("station s", "s.region_code", "1 = 1", "s.id, s.name, cast(null as date), s.region_code, s.kind", "/stations/", "station-kind.");

	final String from;

	final String region;

	final String period;

	final String columns;

	final String link;

	final String kindKey;

	/**
	 * The monthly sums {@code r} (with {@code region_code} and {@code month}) that its figures are counted from
	 * instead of the records, or null.
	 */
	final String summed;

	Source(String from, String region, String period, String columns, String link, String kindKey) {
		this(from, region, period, columns, link, kindKey, null);
	}

	Source(String from, String region, String period, String columns, String link, String kindKey, String summed) {
		this.summed = summed;
		this.from = from;
		this.region = region;
		this.period = period;
		this.columns = columns;
		this.link = link;
		this.kindKey = kindKey;
	}

	/** The message key prefix that names a record's kind (its type, status or channel). */
	public String kindKey() {
		return kindKey;
	}
}
