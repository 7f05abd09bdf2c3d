package org.lianluo.search.web;

import java.util.List;

import org.lianluo.search.SimilarItems;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/public/opinions/similar}: while a citizen types, the closed opinions with a published reply
 * that look like it. Nothing open, no tracking code, no content, no name.
 */
@RestController
class PublicSimilarApi {

	private final SimilarItems similar;

	PublicSimilarApi(SimilarItems similar) {
		this.similar = similar;
	}

	@PostMapping("/api/v1/public/opinions/similar")
	List<SimilarItems.PublicSimilar> similar(@RequestBody Typed body) {
		return similar.forCitizen(body.content(), body.regionCode());
	}

	record Typed(String content, String regionCode) {
	}
}
