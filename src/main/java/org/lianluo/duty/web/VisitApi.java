package org.lianluo.duty.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.duty.Activity;
import org.lianluo.identity.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RestController;

/**
 * The visit form's post as the offline queue sends it (issue 24): the signed-in deputy's session and CSRF token, the
 * record's {@code Idempotency-Key}, and JSON back with the tracking code of each opinion heard. Refusals are problem
 * details with the Chinese message, which the queue keeps beside the record.
 */
@RestController
class VisitApi {

	private final Visits visits;

	VisitApi(Visits visits) {
		this.visits = visits;
	}

	@PostMapping(path = "/duty/visit", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> visit(@RequestParam(required = false) String type,
			@RequestParam(defaultValue = "") String title, @RequestParam(required = false) String startAt,
			@RequestParam(required = false) Integer votersReceived, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) UUID stationId, @RequestParam(required = false) List<String> opinions,
			@RequestParam(required = false) List<MultipartFile> photos,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Activity a = visits.register(Actor.current(), type, title, startAt, votersReceived, outcome, stationId, opinions,
				photos, key);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("activityId", a.id(), "title", a.title(), "opinions",
				visits.receipt(a).stream().filter(java.util.Objects::nonNull).map(code -> Map.of("trackingCode", code)).toList(), "photos",
				a.photos().size()));
	}
}
