package org.lianluo.proposal.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.lianluo.platform.Page;
import org.lianluo.proposal.ProposalQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/public/proposals}: replies to proposals their units marked public, for anyone, nothing personal. */
@RestController
@RequestMapping("/api/v1/public/proposals")
class PublicProposalApi {

	private final ProposalQueries queries;

	private final ProposalViews views;

	PublicProposalApi(ProposalQueries queries, ProposalViews views) {
		this.queries = queries;
		this.views = views;
	}

	@GetMapping
	Page<PublicReplyView> replies(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return views.publicReplies(queries.publicReplies(region, page, size));
	}

	/** A public reply with the names of its session and unit. */
	record PublicReplyView(Integer number, String session, String regionCode, String title, String unit,
			org.lianluo.proposal.ReplyClass replyClass, String replyText, java.time.Instant repliedAt) {
	}

	static Set<UUID> units(Page<ProposalQueries.PublicReply> page) {
		Set<UUID> ids = new HashSet<>();
		page.items().forEach(r -> {
			if (r.leadUnitId() != null) {
				ids.add(r.leadUnitId());
			}
		});
		return ids;
	}
}
