package org.lianluo.opinion.web;

import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.lianluo.opinion.OpinionKpis;
import org.lianluo.region.Regions;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The loop's figures (办结率, 按时办结率, 满意率, 解决率, average days) and the overdue board, as pages and JSON. */
@Controller
class KpiScreens {

	private final OpinionKpis kpis;

	private final Units units;

	private final Regions regions;

	KpiScreens(OpinionKpis kpis, Units units, Regions regions) {
		this.kpis = kpis;
		this.units = units;
		this.regions = regions;
	}

	@GetMapping("/opinions/kpis")
	String kpis(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region, Model model) {
		int y = year == null ? Year.now(WorkingCalendar.ZONE).getValue() : year;
		OpinionKpis.Report report = kpis.report(region, y);
		model.addAttribute("report", report);
		model.addAttribute("year", y);
		model.addAttribute("unitNames", unitNames(report.byUnit().stream().map(OpinionKpis.Figures::key).toList()));
		return "opinion/kpis";
	}

	@GetMapping("/opinions/overdue")
	String overdue(Model model) {
		var byUnit = kpis.overdueByUnit();
		model.addAttribute("byUnit", byUnit);
		model.addAttribute("byCounty", kpis.overdueByCounty());
		model.addAttribute("unitNames", unitNames(byUnit.stream().map(OpinionKpis.Overdue::key).toList()));
		model.addAttribute("regionNames", regions.all().stream()
			.collect(java.util.stream.Collectors.toMap(r -> r.code(), r -> r.name())));
		return "opinion/overdue";
	}

	private Map<String, String> unitNames(java.util.List<String> keys) {
		Map<String, String> names = new HashMap<>();
		units.findAll(keys.stream().filter(java.util.Objects::nonNull).map(UUID::fromString).toList())
			.forEach((HandlingUnit u) -> names.put(u.id().toString(), u.name()));
		return names;
	}
}
