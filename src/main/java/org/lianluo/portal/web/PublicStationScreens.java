package org.lianluo.portal.web;

import java.util.UUID;

import org.lianluo.opinion.Category;
import org.lianluo.opinion.OpinionQueries;
import org.lianluo.platform.LianluoException;
import org.lianluo.portal.CountyMap;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.lianluo.station.Station;
import org.lianluo.station.StationCodes;
import org.lianluo.station.StationRota;
import org.lianluo.duty.StationNews;
import org.lianluo.station.Stations;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.annotation.Transactional;

/** Citizens find a station (by county on the map, by township or name), see its deputies and its QR code; and read published results. */
@Controller
class PublicStationScreens {

	private final Stations stations;

	private final StationCodes codes;

	private final Regions regions;

	private final OpinionQueries opinions;

	private final StationRota rota;

	private final StationNews news;

	private final java.time.Clock clock;

	PublicStationScreens(Stations stations, StationCodes codes, Regions regions, OpinionQueries opinions, StationRota rota,
			StationNews news, java.time.Clock clock) {
		this.rota = rota;
		this.news = news;
		this.clock = clock;
		this.stations = stations;
		this.codes = codes;
		this.regions = regions;
		this.opinions = opinions;
	}

	@Transactional(readOnly = true)
	@GetMapping("/public/stations")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String chosen = region == null || region.isBlank() || !RegionCode.isValid(region) ? null : region;
		model.addAttribute("page", stations.published(chosen, q, Math.max(page, 0), 20));
		model.addAttribute("region", chosen);
		model.addAttribute("q", q);
		model.addAttribute("tiles", CountyMap.tiles(regions.counties(), stations.publishedPerCounty()));
		model.addAttribute("mapWidth", CountyMap.width());
		model.addAttribute("mapHeight", CountyMap.height());
		model.addAttribute("townships", chosen == null ? java.util.List.of()
				: regions.children(chosen.length() == 6 ? chosen : chosen.substring(0, 6)));
		model.addAttribute("regionName", chosen == null ? null : regions.fullName(chosen));
		return "portal/stations";
	}

	@Transactional(readOnly = true)
	@GetMapping("/public/stations/{id}")
	String station(@PathVariable UUID id, Model model) {
		Station s = stations.findPublished(id).orElseThrow(LianluoException::notFound);
		model.addAttribute("s", s);
		model.addAttribute("regionName", regions.fullName(s.regionCode()));
		model.addAttribute("onDuty", rota.upcoming(id, java.time.LocalDate.now(clock.withZone(org.lianluo.region.WorkingCalendar.ZONE)), 3));
		model.addAttribute("news", news.ofStation(id, 10));
		return "portal/station";
	}

	@GetMapping(value = "/public/stations/{id}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable UUID id) {
		Station s = stations.findPublished(id).orElseThrow(LianluoException::notFound);
		return ResponseEntity.ok(codes.svg(codes.portalUrl(s.id())));
	}

	@Transactional(readOnly = true)
	@GetMapping("/public/results")
	String results(@RequestParam(required = false) String county, @RequestParam(required = false) Category category,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String chosen = county == null || county.isBlank() || !RegionCode.isValid(county) ? null : county;
		model.addAttribute("page", opinions.publicResults(chosen, category, Math.max(page, 0), 20));
		model.addAttribute("counties", regions.counties());
		model.addAttribute("categories", Category.values());
		model.addAttribute("county", chosen);
		model.addAttribute("category", category);
		model.addAttribute("regionNames", regions.fullNames());
		return "portal/results";
	}
}
