package org.lianluo.opinion.web;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Deadlines;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionIntake;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.Rating;
import org.lianluo.platform.Moment;
import org.lianluo.opinion.Submission;
import jakarta.servlet.http.HttpServletRequest;
import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.SubmissionGuard;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** {@code /api/v1/public/opinions}: a citizen speaks, follows by code, and rates (API.md). */
@RestController
@RequestMapping("/api/v1/public/opinions")
class PublicOpinionApi {

	private final OpinionManagement opinions;

	private final OpinionIntake intake;

	private final Rating rating;

	private final Deadlines deadlines;

	private final Clock clock;

	private final SubmissionGuard guard;

	PublicOpinionApi(OpinionManagement opinions, OpinionIntake intake, Rating rating, Deadlines deadlines, Clock clock,
			SubmissionGuard guard) {
		this.guard = guard;
		this.opinions = opinions;
		this.intake = intake;
		this.rating = rating;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Receipt> submit(@RequestBody CitizenSubmission body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		Submission s = new Submission(body.content(), body.regionCode(), body.stationId(), body.kind(), body.category(),
				body.name(), body.phone(), body.anonymous(), body.stationId() == null ? Channel.PORTAL : Channel.STATION_QR,
				null, null);
		// A retry (the same key and body) gets its first answer again and is not counted as another submission.
		String k = IntakeRetry.key(key);
		Moment at = Moment.live(clock);
		Opinion earlier = k == null ? null : intake.replayed(k, s, at).orElse(null);
		if (earlier != null) {
			return created(earlier, opinions.ratingKey(earlier.getId()));
		}
		if (Actor.find().isEmpty()) {
			// Staff and API tokens (kiosks, partner systems) are not counted; everyone else is, per address and phone.
			guard.admit(request.getRemoteAddr(), body.phone(), false, null, null);
		}
		Opinion o = IntakeRetry.submit(intake, s, k, at, command -> intake.fromCitizen(command, at));
		return created(o, opinions.ratingKey(o.getId()));
	}

	/** The citizen's receipt: the code to follow the opinion and, given only here, the key to rate its answer. */
	private static ResponseEntity<Receipt> created(Opinion o, String ratingKey) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Receipt(o.getTrackingCode(), ratingKey, o.getStatus()));
	}

	@Transactional(readOnly = true)
	@GetMapping("/{trackingCode}")
	PublicOpinionView track(@PathVariable String trackingCode) {
		return view(opinions.byTrackingCode(trackingCode).orElseThrow(LianluoException::notFound));
	}

	@PostMapping("/{trackingCode}/evaluation")
	PublicOpinionView evaluate(@PathVariable String trackingCode, @RequestBody Evaluation body) {
		return view(rating.byCitizen(new Rating.ByCitizen(trackingCode, body.ratingKey(), body.grade(), body.comment()),
				Moment.live(clock)));
	}

	PublicOpinionView view(Opinion o) {
		Instant now = clock.instant();
		UUID primaryId = o.getPrimaryId();
		Opinion primary = primaryId == null ? null : opinions.byId(primaryId).orElse(null);
		return PublicOpinionView.of(o, primary, o.light(now, deadlines.endOfNextWorkingDay(now)), opinions.timeline(o.getId()));
	}

	record CitizenSubmission(String content, String regionCode, UUID stationId, OpinionKind kind, Category category,
			String name, String phone, Boolean anonymous) {
	}

	record Evaluation(Grade grade, String comment, String ratingKey) {
	}

	/** API.md's answer to an intake: {@code {trackingCode, ratingKey, status}}. */
	record Receipt(String trackingCode, String ratingKey, OpinionStatus status) {
	}
}
