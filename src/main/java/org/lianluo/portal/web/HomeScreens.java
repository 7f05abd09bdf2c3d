package org.lianluo.portal.web;

import org.lianluo.consultation.Consultations;
import org.lianluo.opinion.OpinionQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page: what the platform is for, three big actions, recent results, open consultations. */
@Controller
class HomeScreens {

	private final OpinionQueries opinions;

	private final Consultations consultations;

	HomeScreens(OpinionQueries opinions, Consultations consultations) {
		this.opinions = opinions;
		this.consultations = consultations;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("results", opinions.publicResults(null, null, 0, 5).items());
		model.addAttribute("consultations", consultations.published().stream().filter(consultations::isOpen).limit(3).toList());
		return "portal/home";
	}
}
