package org.lianluo.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The figures of a report by key, in the order of API.md, then the loops' KPIs that have a year-on-year change. */
final class Figures {

	static final List<String> KEYS = List.of("activities", "thematicActivities", "votersReceived", "publicMeetings",
			"opinionsCollected", "opinionsImplemented", "committeeContacts", "committeeAttendance",
			"stationParticipationRate", "draftComments", "proposalsAssigned", "proposalsAnswered", "upwardProposals",
			"jointSupervisions", "disputesResolved", "disputesResolvedByOpinions", "disputesResolvedAtActivities",
			"stations", "specialStations", "crossRegionStations", "industryChainStations", "parkStations",
			"stationsUpgraded", "closureRate", "onTimeRate",
			"satisfactionRate", "solvedRate", "averageDaysToClose", "disputeAverageDaysToClose", "proposalReplyRate",
			"proposalSolvedRate", "proposalAverageDaysToReply");

	/** Keys whose value is a fraction 0..1. */
	static final Set<String> RATES = Set.of("stationParticipationRate", "closureRate", "onTimeRate", "satisfactionRate",
			"solvedRate", "proposalReplyRate", "proposalSolvedRate");

	/** Keys whose value is a number of days. */
	static final Set<String> DAYS = Set.of("averageDaysToClose", "disputeAverageDaysToClose", "proposalAverageDaysToReply");

	private Figures() {
	}

	static Map<String, Number> of(AnnualReport r) {
		Map<String, Number> m = new LinkedHashMap<>();
		m.put("activities", r.activities());
		m.put("thematicActivities", r.thematicActivities());
		m.put("votersReceived", r.votersReceived());
		m.put("publicMeetings", r.publicMeetings());
		m.put("opinionsCollected", r.opinionsCollected());
		m.put("opinionsImplemented", r.opinionsImplemented());
		m.put("committeeContacts", r.committeeContacts());
		m.put("committeeAttendance", r.committeeAttendance());
		m.put("stationParticipationRate", r.stationParticipationRate());
		m.put("draftComments", r.draftComments());
		m.put("proposalsAssigned", r.proposalsAssigned());
		m.put("proposalsAnswered", r.proposalsAnswered());
		m.put("upwardProposals", r.upwardProposals());
		m.put("jointSupervisions", r.jointSupervisions());
		m.put("disputesResolved", r.disputesResolved());
		m.put("disputesResolvedByOpinions", r.disputesResolvedByOpinions());
		m.put("disputesResolvedAtActivities", r.disputesResolvedAtActivities());
		m.put("stations", r.stations());
		m.put("specialStations", r.specialStations());
		m.put("crossRegionStations", r.specialStationsByKind().get("CROSS_REGION"));
		m.put("industryChainStations", r.specialStationsByKind().get("INDUSTRY_CHAIN"));
		m.put("parkStations", r.specialStationsByKind().get("PARK"));
		m.put("stationsUpgraded", r.stationsUpgraded());
		AnnualReport.OpinionLoop o = r.opinionLoop();
		m.put("closureRate", o.closureRate());
		m.put("onTimeRate", o.onTimeRate());
		m.put("satisfactionRate", o.satisfactionRate());
		m.put("solvedRate", o.solvedRate());
		m.put("averageDaysToClose", o.averageDaysToClose());
		m.put("disputeAverageDaysToClose", o.disputeAverageDaysToClose());
		AnnualReport.ProposalLoop p = r.proposalLoop();
		m.put("proposalReplyRate", p.replyRate());
		m.put("proposalSolvedRate", p.solvedRate());
		m.put("proposalAverageDaysToReply", p.averageDaysToReply());
		return m;
	}
}
