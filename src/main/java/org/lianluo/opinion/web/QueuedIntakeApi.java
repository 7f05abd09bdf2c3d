package org.lianluo.opinion.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionLoop;
import org.lianluo.opinion.Submission;
import org.lianluo.platform.Moment;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.station.Station;
import org.lianluo.station.Stations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The station intake form's post as the offline queue sends it (issue 24): the same fields as {@link IntakeScreens},
 * with the record's {@code Idempotency-Key}, answered with JSON (the receipt's tracking code and rating key) or a
 * problem detail in Chinese. Kept apart from the screen so that the screen's flow stays as it is.
 */
@RestController
@PreAuthorize("hasAnyRole('STATION_ADMIN', 'DEPUTY', 'ASSESSOR')")
class QueuedIntakeApi {

	private final OpinionLoop loop;

	private final Clock clock;

	private final Stations stations;

	QueuedIntakeApi(OpinionLoop loop, Clock clock, Stations stations) {
		this.loop = loop;
		this.clock = clock;
		this.stations = stations;
	}

	@PostMapping(path = "/opinions/register", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> register(@RequestParam UUID station, @RequestParam(defaultValue = "") String content,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) OpinionKind kind,
			@RequestParam(required = false) Category category, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) LocalDateTime receivedAt,
			@RequestParam(required = false) List<UUID> deputyIds,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Station s = stations.get(station);
		Instant received = receivedAt == null ? null : receivedAt.atZone(WorkingCalendar.ZONE).toInstant();
		Submission submission = new Submission(content, s.regionCode(), station, kind, category, name, phone,
				name == null || name.isBlank(), channel, received, deputyIds == null ? List.of() : deputyIds);
		Moment at = Moment.live(clock);
		Actor actor = Actor.current();
		Opinion o = IntakeRetry.submit(loop.intake(), submission, key, at, command -> loop.intake().fromStaff(command, actor, at));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("trackingCode", o.getTrackingCode(), "ratingKey", loop.rating().ratingKey(o.getId()), "station", s.name()));
	}
}
