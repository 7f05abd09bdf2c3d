package org.lianluo.search.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.SubmissionGuard;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.region.Regions;
import org.lianluo.search.DocumentType;
import org.lianluo.search.Search;
import org.lianluo.search.SimilarItems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search page (the header's box leads here), and the fragments htmx loads into other modules' screens:
 * the triage candidates of an opinion, the hint under the citizen's form, the hint while drafting a proposal.
 */
@Controller
class SearchScreens {

	private final Search search;

	private final SimilarItems similar;

	private final Regions regions;

	private final FormErrors formErrors;

	private final SubmissionGuard guard;

	SearchScreens(Search search, SimilarItems similar, Regions regions, FormErrors formErrors, SubmissionGuard guard) {
		this.search = search;
		this.similar = similar;
		this.regions = regions;
		this.formErrors = formErrors;
		this.guard = guard;
	}

	@Transactional(readOnly = true)
	@GetMapping("/search")
	String page(@RequestParam(required = false) String q, @RequestParam(required = false) DocumentType type,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("region", region);
		model.addAttribute("category", category);
		model.addAttribute("status", status);
		model.addAttribute("year", year);
		model.addAttribute("regionNames", regions.fullNames());
		if (q != null && !q.isBlank()) {
			try {
				model.addAttribute("result",
						search.search(new Search.Query(q, type, region, category, status, year), Math.max(page, 0), 20));
			}
			catch (LianluoException ex) {
				if (ex.status().value() == 403) {
					throw ex;
				}
				model.addAttribute("errors", formErrors.of(ex));
			}
		}
		return "search/results";
	}

	@GetMapping("/search/opinions/{id}/similar")
	String triageCandidates(@PathVariable UUID id, Model model) {
		model.addAttribute("opinionId", id);
		model.addAttribute("items", similar.toOpinion(id, Actor.current()));
		model.addAttribute("regionNames", regions.fullNames());
		return "search/candidates :: candidates";
	}

	@PostMapping("/public/opinions/similar")
	String citizenHint(@RequestParam(defaultValue = "") String content, @RequestParam(required = false) String regionCode,
			Model model, HttpServletRequest request) {
		List<SimilarItems.PublicSimilar> items = List.of();
		if (content.strip().codePointCount(0, content.strip().length()) >= 5 && admitted(request)) {
			try {
				items = similar.forCitizen(content.length() > 5000 ? content.substring(0, 5000) : content, regionCode);
			}
			catch (LianluoException ex) {
				// A hint while typing: a region not (yet) chosen well shows no hint rather than an error.
				items = similar.forCitizen(content.length() > 5000 ? content.substring(0, 5000) : content, null);
			}
		}
		model.addAttribute("items", items);
		return "search/hint :: hint";
	}

	/** Over the hourly limit of hints the form simply shows none: typing and sending are not hindered. */
	private boolean admitted(HttpServletRequest request) {
		if (Actor.find().isPresent()) {
			return true;
		}
		try {
			guard.admitHint(request.getRemoteAddr());
			return true;
		}
		catch (SubmissionGuard.TooMany ex) {
			return false;
		}
	}

	@PostMapping("/search/proposals/similar")
	String draftHint(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String content,
			Model model) {
		List<SimilarItems.Similar> items = List.of();
		if ((title + content).strip().length() >= 4) {
			items = similar.forDraft(title, content.length() > 10000 ? content.substring(0, 10000) : content);
		}
		model.addAttribute("items", items);
		return "search/draft-hint :: hint";
	}
}
