package org.lianluo.consultation.web;

import java.util.Map;
import java.util.UUID;

import org.lianluo.consultation.Comment;
import org.lianluo.consultation.Consultation;
import org.lianluo.consultation.Consultations;
import org.lianluo.consultation.Consultations.Draft;
import org.lianluo.consultation.Consultations.NewComment;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Consultations on drafts (API.md): staff publish, citizens comment while the window is open, staff moderate. */
@RestController
class ConsultationApi {

	private final Consultations consultations;

	private final org.lianluo.platform.SubmissionGuard guard;

	private final org.lianluo.consultation.CommentIntake commentIntake;

	ConsultationApi(Consultations consultations, org.lianluo.platform.SubmissionGuard guard,
			org.lianluo.consultation.CommentIntake commentIntake) {
		this.commentIntake = commentIntake;
		this.consultations = consultations;
		this.guard = guard;
	}

	@PostMapping("/api/v1/consultations")
	@ResponseStatus(HttpStatus.CREATED)
	Consultation create(@RequestBody Draft draft) {
		return consultations.create(draft);
	}

	@PostMapping("/api/v1/consultations/{id}/publish")
	Consultation publish(@PathVariable UUID id) {
		return consultations.publish(id);
	}

	@GetMapping("/api/v1/consultations")
	Page<Consultation> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return consultations.staffList(page, size);
	}

	@GetMapping("/api/v1/consultations/{id}/comments")
	Page<Comment> comments(@PathVariable UUID id, @RequestParam(required = false) Integer article,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page.check(page, size);
		return consultations.comments(id, article, page, size);
	}

	/** Comments gathered at a station's legislative contact meeting, entered by staff. */
	@PostMapping("/api/v1/consultations/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> commentAtStation(@PathVariable UUID id, @RequestBody StationComment body) {
		Comment c = consultations.commentAtStation(id, new NewComment(body.articleNumber(), body.text(), body.name(), body.phone()),
				body.stationId());
		return Map.of("trackingCode", c.trackingCode());
	}

	@PostMapping("/api/v1/consultations/comments/{commentId}/hide")
	Comment hide(@PathVariable UUID commentId, @RequestBody Reason body) {
		return consultations.hide(commentId, body.reason());
	}

	@PostMapping("/api/v1/consultations/comments/{commentId}/adoption")
	Comment adopt(@PathVariable UUID commentId, @RequestBody AdoptionBody body) {
		return consultations.adopt(commentId, body.adoption(), body.note());
	}

	@GetMapping("/api/v1/public/consultations")
	Page<PublicConsultation> published(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return consultations.published(page, size).map(this::view);
	}

	@GetMapping("/api/v1/public/consultations/{id}")
	PublicConsultation publicGet(@PathVariable UUID id) {
		return view(consultations.publicGet(id));
	}

	@PostMapping("/api/v1/public/consultations/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> comment(@PathVariable UUID id, @RequestBody NewComment body,
			@org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false) String key,
			jakarta.servlet.http.HttpServletRequest request) {
		consultations.publicGet(id);
		// A retry (the same key and body) gets its first answer again and is not counted as another submission.
		String earlier = commentIntake.replayed(id, body, key).orElse(null);
		if (earlier != null) {
			return Map.of("trackingCode", earlier);
		}
		if (org.lianluo.identity.Actor.find().isEmpty()) {
			// the same limits per address and phone as for opinions (SubmissionGuard); staff tokens are not counted
			guard.admit(request.getRemoteAddr(), body.phone(), false, null, null);
		}
		return Map.of("trackingCode", commentIntake.comment(id, body, key));
	}

	/** What became of a comment, for the commenter with its tracking code. */
	@GetMapping("/api/v1/public/consultation-comments/{trackingCode}")
	PublicComment track(@PathVariable String trackingCode) {
		Comment c = consultations.byTrackingCode(trackingCode).orElseThrow(LianluoException::notFound);
		return new PublicComment(c.trackingCode(), c.articleNumber(), c.hidden(), c.adoption(), c.adoptionNote());
	}

	private PublicConsultation view(Consultation c) {
		return new PublicConsultation(c.id(), c.title(), c.issuer(), c.regionCode(), c.opensOn(), c.closesOn(),
				consultations.isOpen(c), c.articles(), consultations.visibleComments(c.id()));
	}

	record PublicConsultation(UUID id, String title, String issuer, String regionCode, java.time.LocalDate opensOn,
			java.time.LocalDate closesOn, boolean open, java.util.List<Consultation.Article> articles, long comments) {
	}

	record PublicComment(String trackingCode, Integer articleNumber, boolean hidden, Comment.Adoption adoption, String note) {
	}

	record StationComment(Integer articleNumber, String text, String name, String phone, UUID stationId) {
	}

	record Reason(String reason) {
	}

	record AdoptionBody(Comment.Adoption adoption, String note) {
	}
}
