package org.lianluo.proposal.web;

import org.lianluo.proposal.ProposalQueries;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /public/proposals}: the replies to deputies' proposals their units made public (办理结果公开), by county. */
@Controller
class PublicProposalScreens {

	private final ProposalQueries queries;

	private final ProposalViews views;

	private final Regions regions;

	PublicProposalScreens(ProposalQueries queries, ProposalViews views, Regions regions) {
		this.queries = queries;
		this.views = views;
		this.regions = regions;
	}

	@GetMapping("/public/proposals")
	String replies(@RequestParam(required = false) String county, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String chosen = county == null || county.isBlank() || !RegionCode.isValid(county) ? null : county;
		model.addAttribute("page", views.publicReplies(queries.publicReplies(chosen, Math.max(page, 0), 20)));
		model.addAttribute("counties", regions.counties());
		model.addAttribute("county", chosen);
		return "proposal/public";
	}
}
