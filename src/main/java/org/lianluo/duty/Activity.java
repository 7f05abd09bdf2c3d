package org.lianluo.duty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lianluo.opinion.OpinionStatus;
import org.lianluo.station.StationMember;

/**
 * A duty activity as registered, with its participating deputies, the counters the report reads, the opinions
 * collected during it (each an opinion of the opinion loop, with where it stands now) and its photos; the stations it
 * was held at ({@code stationId} the first of {@code stationIds}) and the station members who took part.
 */
public record Activity(UUID id, ActivityType type, String title, String theme, OffsetDateTime startAt, OffsetDateTime endAt,
		String regionCode, UUID stationId, String stationName, String organiser, int votersReceived, String outcome,
		boolean mixedLevel, int disputesResolved, int peopleRelocated, int hazardsInspected, List<Participant> deputies,
		String createdBy, List<CollectedOpinion> opinions, List<Photo> photos, List<UUID> stationIds, List<Place> stations,
		List<Member> members) {

	public Activity {
		opinions = opinions == null ? List.of() : List.copyOf(opinions);
		photos = photos == null ? List.of() : List.copyOf(photos);
		stations = stations == null ? List.of() : List.copyOf(stations);
		stationIds = stations.stream().map(Place::id).toList();
		members = members == null ? List.of() : List.copyOf(members);
	}

	/** Without opinions, photos, stations beyond the first and members, as before they were kept. */
	public Activity(UUID id, ActivityType type, String title, String theme, OffsetDateTime startAt, OffsetDateTime endAt,
			String regionCode, UUID stationId, String stationName, String organiser, int votersReceived, String outcome,
			boolean mixedLevel, int disputesResolved, int peopleRelocated, int hazardsInspected, List<Participant> deputies,
			String createdBy) {
		this(id, type, title, theme, startAt, endAt, regionCode, stationId, stationName, organiser, votersReceived, outcome,
				mixedLevel, disputesResolved, peopleRelocated, hazardsInspected, deputies, createdBy, List.of(), List.of(),
				null, stationId == null ? List.of() : List.of(new Place(stationId, stationName)), List.of());
	}

	public long signedIn() {
		return deputies.stream().filter(p -> p.attendance() == Attendance.SIGNED_IN).count();
	}

	/** A participating deputy and whether they came. */
	public record Participant(UUID deputyId, String name, Attendance attendance) {
	}

	/** An opinion collected during the activity, as it stands in the opinion loop. */
	public record CollectedOpinion(UUID opinionId, String trackingCode, String content, OpinionStatus status) {
	}

	/** A photo of the activity (checked by its content to be a JPEG or PNG image). */
	public record Photo(UUID id, String filename, String contentType, long size) {
	}

	/** A station the activity was held at. */
	public record Place(UUID id, String name) {
	}

	/** A station member who is not a deputy (a judge, a prosecutor, a lawyer, a mediator) and took part. */
	public record Member(UUID id, String name, StationMember.Kind kind, String organisation, UUID stationId) {
	}
}
