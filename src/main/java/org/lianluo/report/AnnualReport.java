package org.lianluo.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The annual report of a region and year (or of any period {@code from} {@code to}, both days included; {@code year}
 * then is the year it starts in): the keys of API.md first (never renamed), then the loops' KPIs, the breakdowns,
 * the same days' figures a year before and the change from them, and the months. Rates and changes are fractions (0.125 = 12.5 %),
 * null when there is nothing to divide by. {@code disputesResolved} is the sum of its two parts beside it;
 * {@code specialStationsByKind} counts the special stations by kind (CROSS_REGION, INDUSTRY_CHAIN, PARK).
 */
public record AnnualReport(String region, int year, long activities, long thematicActivities, long votersReceived,
		long publicMeetings, long opinionsCollected, long opinionsImplemented, long committeeContacts,
		long committeeAttendance, double stationParticipationRate, long draftComments, long proposalsAssigned,
		long proposalsAnswered, long upwardProposals, long jointSupervisions, long disputesResolved, long stations,
		long specialStations, long disputesResolvedByOpinions, long disputesResolvedAtActivities,
		Map<String, Long> specialStationsByKind, long stationsUpgraded, String regionName, OpinionLoop opinionLoop,
		ProposalLoop proposalLoop,
		List<Part> byRegion, List<Group> byCategory, List<Group> byUnit, Map<String, Number> previousYear,
		Map<String, Double> yearOnYear, LocalDate from, LocalDate to, List<Month> byMonth) {

	/** Whether the report covers the calendar year {@link #year}, rather than any other period from and to. */
	public boolean wholeYear() {
		return from.equals(LocalDate.of(year, 1, 1)) && to.equals(LocalDate.of(year, 12, 31));
	}

	AnnualReport withMonths(List<Month> months) {
		return new AnnualReport(region, year, activities, thematicActivities, votersReceived, publicMeetings,
				opinionsCollected, opinionsImplemented, committeeContacts, committeeAttendance, stationParticipationRate,
				draftComments, proposalsAssigned, proposalsAnswered, upwardProposals, jointSupervisions, disputesResolved,
				stations, specialStations, disputesResolvedByOpinions, disputesResolvedAtActivities, specialStationsByKind,
				stationsUpgraded, regionName, opinionLoop, proposalLoop, byRegion, byCategory, byUnit,
				previousYear, yearOnYear, from, to, months);
	}

	/** A month the period touches ("yyyy-MM"): activities held, opinions received and reported back in it. */
	public record Month(String month, long activities, long opinionsCollected, long opinionsSettled) {
	}

	/** The figure of a key of API.md or of the loops (as in {@link #previousYear}). */
	public Number figure(String key) {
		return Figures.of(this).get(key);
	}

	/**
	 * 办结率 settled / assigned, 按时办结率 replied by the deadline / settled, 满意率 (basically) satisfied / rated
	 * (unrated never counts as satisfied), 解决率 RESOLVED / replied, over the opinions received in the year
	 * ({@link org.lianluo.opinion.OpinionKpis}); and the average days from receipt to closing of disputes; of the
	 * rated, how many the citizens rated with their rating key and how many the office on its phone call-back (回访).
	 */
	public record OpinionLoop(long received, long assigned, long settled, long onTime, long rated, long satisfied,
			long replied, long resolved, Double closureRate, Double onTimeRate, Double satisfactionRate,
			Double solvedRate, double averageDaysToClose, long disputesClosed, double disputeAverageDaysToClose,
			long ratedByCitizens, long ratedByFollowUp) {
	}

	/**
	 * Over the proposals of the sessions held in the year: 办复率 replied / assigned, 按时办复率 replied on time /
	 * assigned, 解决率 A+B / replied, 满意率, the shares of the reply classes, average days from assignment to reply.
	 */
	public record ProposalLoop(long assigned, long replied, long onTime, long classA, long classB, long classC,
			long classD, long rated, long satisfied, Double replyRate, Double onTimeRate, Double solvedRate,
			Double satisfactionRate, Double shareA, Double shareB, Double shareC, Double shareD,
			double averageDaysToReply) {
	}

	/** The figures of one region directly below the report's (the region itself: its own records). */
	public record Part(String region, String name, Map<String, Number> figures) {
	}

	/** The opinion loop's figures of one category or lead unit. */
	public record Group(String key, String name, long received, long assigned, Double closureRate,
			Double satisfactionRate, Double solvedRate, long implemented) {
	}
}
