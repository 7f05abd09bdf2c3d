package org.lianluo.demo;

import org.lianluo.consultation.Consultations;
import org.lianluo.deputy.Congresses;
import org.lianluo.duty.Activities;
import org.lianluo.duty.Contacts;
import org.lianluo.opinion.OpinionLoop;
import org.lianluo.proposal.ProposalSteps;
import org.lianluo.proposal.UpwardProposals;
import org.lianluo.station.StationMembers;
import org.lianluo.station.Stations;
import org.lianluo.unit.Units;
import org.springframework.stereotype.Component;

/** The modules' services the demo year enters its records through, as an office, a unit or a deputy would. */
@Component
record YearServices(Activities activities, Contacts contacts, OpinionLoop opinions, ProposalSteps proposals,
		UpwardProposals upward, Consultations consultations, Congresses congresses, Stations stations, Units units,
		StationMembers stationMembers) {
}
