package org.lianluo.search.web;

import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.search.DocumentType;
import org.lianluo.search.Search;
import org.lianluo.search.SimilarItems;
import org.lianluo.search.internal.SearchIndexing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** Staff search, similar items, and the rebuild of the index. */
@RestController
class SearchApi {

	private final Search search;

	private final SimilarItems similar;

	private final SearchIndexing indexing;

	SearchApi(Search search, SimilarItems similar, SearchIndexing indexing) {
		this.search = search;
		this.similar = similar;
		this.indexing = indexing;
	}

	@Transactional(readOnly = true)
	@GetMapping("/api/v1/search")
	Search.Result search(@RequestParam(required = false) String q, @RequestParam(required = false) DocumentType type,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return search.search(new Search.Query(q, type, region, category, status, year), page, size);
	}

	/** The top 10 opinions like this one, each with its score and why. */
	@GetMapping("/api/v1/opinions/{id}/similar")
	List<SimilarItems.Similar> similarOpinions(@PathVariable UUID id) {
		return similar.toOpinion(id, Actor.current());
	}

	/** While a deputy drafts: proposals already made that look like the draft. */
	@PostMapping("/api/v1/proposals/similar")
	List<SimilarItems.Similar> similarProposals(@RequestBody Draft body) {
		return similar.forDraft(body.title(), body.content());
	}

	/** Every record written into the index again; rows of records that are gone removed. */
	@PostMapping("/api/v1/admin/search/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	SearchIndexing.Rebuilt rebuild() {
		return indexing.rebuild();
	}

	record Draft(String title, String content) {
	}
}
