package org.lianluo.station;

import java.util.UUID;

/**
 * A professional stationed at a station who is not a deputy (进站驻点: 法官、检察官、律师、调解员), from an
 * organisation (a court, a procuratorate, a law firm, a mediation committee), on the days of {@code schedule}.
 */
public record StationMember(UUID id, UUID stationId, String name, Kind kind, String organisation, String schedule) {

	/** What the member is: GLOSSARY.md's station member. */
	public enum Kind {
		JUDGE, PROSECUTOR, LAWYER, MEDIATOR, OTHER
	}

	/** What staff give for a member ({@code POST /api/v1/stations/{id}/members}, the station's screen). */
	public record Form(String name, String kind, String organisation, String schedule) {
	}
}
