package org.lianluo.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.lianluo.consultation.ConsultationFigures;
import org.lianluo.duty.DutyFigures;
import org.lianluo.opinion.OpinionFigures;
import org.lianluo.proposal.ProposalFigures;
import org.lianluo.station.StationFigures;

/**
 * The figures of {@code GET /api/v1/reports/annual} that count or sum records, in the order of API.md, each the
 * figure its module publishes ({@link DutyFigures}, {@link OpinionFigures}, {@link ConsultationFigures},
 * {@link ProposalFigures}, {@link StationFigures}): that module counts it and lists the records behind it, with one
 * condition, so that a figure and its list agree.
 */
public enum Figure {

	ACTIVITIES("activities", DutyFigures.Figure.ACTIVITIES),
	THEMATIC_ACTIVITIES("thematicActivities", DutyFigures.Figure.THEMATIC_ACTIVITIES),
	VOTERS_RECEIVED("votersReceived", DutyFigures.Figure.VOTERS_RECEIVED),
	PUBLIC_MEETINGS("publicMeetings", DutyFigures.Figure.PUBLIC_MEETINGS),
	OPINIONS_COLLECTED("opinionsCollected", OpinionFigures.Figure.COLLECTED),
	OPINIONS_IMPLEMENTED("opinionsImplemented", OpinionFigures.Figure.IMPLEMENTED),
	COMMITTEE_CONTACTS("committeeContacts", DutyFigures.Figure.COMMITTEE_CONTACTS),
	COMMITTEE_ATTENDANCE("committeeAttendance", DutyFigures.Figure.COMMITTEE_ATTENDANCE),
	DRAFT_COMMENTS("draftComments", ConsultationFigures.Figure.DRAFT_COMMENTS),
	PROPOSALS_ASSIGNED("proposalsAssigned", ProposalFigures.Figure.ASSIGNED),
	PROPOSALS_ANSWERED("proposalsAnswered", ProposalFigures.Figure.ANSWERED),
	UPWARD_PROPOSALS("upwardProposals", ProposalFigures.Figure.UPWARD),
	JOINT_SUPERVISIONS("jointSupervisions", DutyFigures.Figure.JOINT_SUPERVISIONS),
	/** The sum of its two parts: disputes resolved by opinions and at activities ({@link #parts()}). */
	DISPUTES_RESOLVED("disputesResolved", null),
	DISPUTES_RESOLVED_BY_OPINIONS("disputesResolvedByOpinions", OpinionFigures.Figure.DISPUTES_RESOLVED),
	DISPUTES_RESOLVED_AT_ACTIVITIES("disputesResolvedAtActivities", DutyFigures.Figure.DISPUTES_RESOLVED),
	STATIONS("stations", StationFigures.Figure.STATIONS),
	SPECIAL_STATIONS("specialStations", StationFigures.Figure.SPECIAL_STATIONS),
	CROSS_REGION_STATIONS("crossRegionStations", StationFigures.Figure.CROSS_REGION_STATIONS),
	INDUSTRY_CHAIN_STATIONS("industryChainStations", StationFigures.Figure.INDUSTRY_CHAIN_STATIONS),
	PARK_STATIONS("parkStations", StationFigures.Figure.PARK_STATIONS),
	STATIONS_UPGRADED("stationsUpgraded", StationFigures.Figure.STATIONS_UPGRADED);

	private final String key;

	/** The figure as its module publishes it. */
	final Enum<?> owned;

	Figure(String key, Enum<?> owned) {
		this.key = key;
		this.owned = owned;
	}

	/** The figure's key in the API answer. */
	public String key() {
		return key;
	}

	/** The figures a figure sums, in order; none for a figure a module counts itself. */
	public List<Figure> parts() {
		return this == DISPUTES_RESOLVED ? List.of(DISPUTES_RESOLVED_BY_OPINIONS, DISPUTES_RESOLVED_AT_ACTIVITIES) : List.of();
	}

	/**
	 * The message key prefix that names a listed record's kind (its type, status, channel or level); none for a sum
	 * of figures, whose records carry their whole key.
	 */
	public String kindKey() {
		if (owned == null) {
			return "";
		}
		if (owned instanceof DutyFigures.Figure f) {
			return f.kindKey();
		}
		if (owned instanceof OpinionFigures.Figure f) {
			return f.kindKey();
		}
		if (owned instanceof ConsultationFigures.Figure f) {
			return f.kindKey();
		}
		if (owned instanceof ProposalFigures.Figure f) {
			return f.kindKey();
		}
		return ((StationFigures.Figure) owned).kindKey();
	}

	/** The keys of the figures, in the order of API.md. */
	public static java.util.stream.Stream<String> stream() {
		return Arrays.stream(values()).map(Figure::key);
	}

	public static Optional<Figure> byKey(String key) {
		return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
	}

	/** The report's figure of a module's. */
	static Figure of(Enum<?> owned) {
		return Arrays.stream(values()).filter(f -> f.owned != null && f.owned == owned).findFirst().orElseThrow();
	}
}
