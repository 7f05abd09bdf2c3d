package org.lianluo.search.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.lianluo.identity.Actor;
import org.lianluo.platform.SubmissionGuard;
import org.lianluo.search.SimilarItems;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/public/opinions/similar}: while a citizen types, the closed opinions with a published reply
 * that look like it. Nothing open, no tracking code, no content, no name. Limited per address like intake
 * ({@link SubmissionGuard#admitHint}); staff and API tokens are not counted.
 */
@RestController
class PublicSimilarApi {

	private final SimilarItems similar;

	private final SubmissionGuard guard;

	PublicSimilarApi(SimilarItems similar, SubmissionGuard guard) {
		this.similar = similar;
		this.guard = guard;
	}

	@PostMapping("/api/v1/public/opinions/similar")
	List<SimilarItems.PublicSimilar> similar(@RequestBody Typed body, HttpServletRequest request) {
		if (Actor.find().isEmpty()) {
			guard.admitHint(request.getRemoteAddr());
		}
		return similar.forCitizen(body.content(), body.regionCode());
	}

	record Typed(String content, String regionCode) {
	}
}
