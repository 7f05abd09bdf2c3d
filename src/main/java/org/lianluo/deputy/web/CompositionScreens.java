package org.lianluo.deputy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputies.Composition;
import org.lianluo.deputy.Deputy;
import org.lianluo.deputy.DeputyFilter;
import org.lianluo.deputy.Level;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Labels;
import org.lianluo.region.RegionNames;
import org.lianluo.region.Regions;
import org.lianluo.region.WorkingCalendar;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** 代表结构: the composition of the deputies in scope, as tables and charts (drawn by js/composition.js). */
@Controller
@RequestMapping("/deputies/composition")
@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'LEADER', 'STATION_ADMIN')")
class CompositionScreens {

	private final Deputies deputies;

	private final Labels labels;

	private final Regions regions;

	private final RegionNames names;

	private final JsonMapper json;

	CompositionScreens(Deputies deputies, Labels labels, Regions regions, RegionNames names, JsonMapper json) {
		this.deputies = deputies;
		this.labels = labels;
		this.regions = regions;
		this.names = names;
		this.json = json;
	}

	@GetMapping
	String composition(@RequestParam(required = false) String region, @RequestParam(required = false) String level,
			Model model) {
		Level wanted = labels.parse(Level.class, "level", level);
		int year = LocalDate.now(WorkingCalendar.ZONE).getYear();
		Composition c = deputies.composition(new DeputyFilter(region == null || region.isBlank() ? null : region, wanted,
				null, null, null, Deputy.SeatStatus.ACTIVE, null), year);
		List<Dimension> dimensions = List.of(dimension("composition.gender", "pie", "gender", c.gender(), c.total()),
				dimension("composition.ethnicity", "pie", "ethnicity", c.ethnicity(), c.total()),
				dimension("composition.occupation", "bar", "occupation", c.occupation(), c.total()),
				dimension("composition.age", "bar", "deputy.age", c.ageBand(), c.total()),
				dimension("composition.level", "bar", "level", c.level(), c.total()));
		Scope scope = Scope.current();
		model.addAttribute("dimensions", dimensions);
		model.addAttribute("total", c.total());
		model.addAttribute("region", region);
		model.addAttribute("level", wanted == null ? null : wanted.name());
		model.addAttribute("levels", Level.values());
		model.addAttribute("regions", regions.all().stream().filter(r -> scope.covers(r.code()) && r.code().length() == 6).toList());
		model.addAttribute("names", names);
		return "deputy/composition";
	}

	private Dimension dimension(String titleKey, String chart, String prefix, Map<String, Long> counts, long total) {
		List<Slice> slices = new ArrayList<>();
		counts.forEach((key, count) -> slices.add(new Slice(label(prefix, key), count,
				total == 0 ? 0 : Math.round(count * 1000.0 / total) / 10.0)));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", chart);
		data.put("labels", slices.stream().map(Slice::label).toList());
		data.put("values", slices.stream().map(Slice::count).toList());
		return new Dimension(titleKey, json.writeValueAsString(data), slices);
	}

	private String label(String prefix, String key) {
		String code = "UNKNOWN".equals(key) ? "deputy.unknown" : prefix + "." + key;
		return labels.text(code, LocaleContextHolder.getLocale());
	}

	record Dimension(String titleKey, String chart, List<Slice> slices) {
	}

	record Slice(String label, long count, double share) {
	}
}
