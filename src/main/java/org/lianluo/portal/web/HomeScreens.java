package org.lianluo.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.lianluo.consultation.Consultations;
import org.lianluo.duty.StationNews;
import org.lianluo.opinion.OpinionQueries;
import org.lianluo.station.StationSummary;
import org.lianluo.station.Stations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page: what the platform is for, three big actions, recent results, open consultations, station news. */
@Controller
class HomeScreens {

	private final OpinionQueries opinions;

	private final Consultations consultations;

	private final StationNews news;

	private final Stations stations;

	HomeScreens(OpinionQueries opinions, Consultations consultations, StationNews news, Stations stations) {
		this.opinions = opinions;
		this.consultations = consultations;
		this.news = news;
		this.stations = stations;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("results", opinions.publicResults(null, null, 0, 5).items());
		model.addAttribute("consultations", consultations.published().stream().filter(consultations::isOpen).limit(3).toList());
		var items = news.latest(5);
		Map<UUID, String> stationNames = new LinkedHashMap<>();
		items.forEach(i -> stationNames.computeIfAbsent(i.stationId(),
				id -> stations.find(id).map(StationSummary::name).orElse("")));
		model.addAttribute("news", items);
		model.addAttribute("stationNames", stationNames);
		return "portal/home";
	}
}
