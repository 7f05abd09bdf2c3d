package org.lianluo.duty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lianluo.opinion.OpinionStatus;

/**
 * A duty activity as registered, with its participating deputies, the counters the report reads, the opinions
 * collected during it (each an opinion of the opinion loop, with where it stands now) and its photos.
 */
public record Activity(UUID id, ActivityType type, String title, String theme, OffsetDateTime startAt, OffsetDateTime endAt,
		String regionCode, UUID stationId, String stationName, String organiser, int votersReceived, String outcome,
		boolean mixedLevel, int disputesResolved, int peopleRelocated, int hazardsInspected, List<Participant> deputies,
		String createdBy, List<CollectedOpinion> opinions, List<Photo> photos) {

	public Activity {
		opinions = opinions == null ? List.of() : List.copyOf(opinions);
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

	/** Without opinions and photos, as before they were kept. */
	public Activity(UUID id, ActivityType type, String title, String theme, OffsetDateTime startAt, OffsetDateTime endAt,
			String regionCode, UUID stationId, String stationName, String organiser, int votersReceived, String outcome,
			boolean mixedLevel, int disputesResolved, int peopleRelocated, int hazardsInspected, List<Participant> deputies,
			String createdBy) {
		this(id, type, title, theme, startAt, endAt, regionCode, stationId, stationName, organiser, votersReceived, outcome,
				mixedLevel, disputesResolved, peopleRelocated, hazardsInspected, deputies, createdBy, List.of(), List.of());
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
}
