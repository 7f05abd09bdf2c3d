package org.lianluo.report.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lianluo.identity.Actor;
import org.lianluo.platform.Labels;
import org.lianluo.platform.web.Downloads;
import org.lianluo.portal.CountyMap;
import org.lianluo.region.Region;
import org.lianluo.region.Regions;
import org.lianluo.report.CountyFigures;
import org.lianluo.report.DashboardSheets;
import org.lianluo.report.Dashboards;
import org.lianluo.report.MapKpi;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards page: the trend by month and the top categories (ECharts, drawn by js/dashboard.js from the
 * page's data), the county map coloured by a chosen KPI (the portal's tile map, filled here; htmx swaps just the
 * map when the KPI changes), the overdue board; each with its table and its .xlsx.
 */
@Controller
class ReportDashboardScreens {

	private final Dashboards dashboards;

	private final DashboardSheets sheets;

	private final Regions regions;

	private final Labels labels;

	private final JsonMapper json;

	ReportDashboardScreens(Dashboards dashboards, DashboardSheets sheets, Regions regions, Labels labels, JsonMapper json) {
		this.dashboards = dashboards;
		this.sheets = sheets;
		this.regions = regions;
		this.labels = labels;
		this.json = json;
	}

	@GetMapping("/reports/dashboard")
	String dashboard(@ParameterObject DashboardQuery query, @RequestParam(required = false) String kpi,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Dashboards.Filter filter = query.filter(dashboards);
		MapKpi chosen = DashboardApi.kpi(kpi);
		model.addAttribute("filter", filter);
		mapModel(model, dashboards.map(filter, chosen));
		if (htmx != null) {
			return "report/dashboard :: county-map";
		}
		Locale locale = LocaleContextHolder.getLocale();
		Dashboards.Trend trend = dashboards.trend(filter);
		model.addAttribute("trend", trend);
		model.addAttribute("trendChart", chart("line", trend.months().stream().map(Dashboards.Trend.Month::month).toList(),
				series(text("report.dashboard.received", locale), trend.months().stream().map(Dashboards.Trend.Month::received).toList()),
				series(text("report.dashboard.settled", locale), trend.months().stream().map(Dashboards.Trend.Month::settled).toList())));
		Dashboards.Categories categories = dashboards.categories(filter);
		model.addAttribute("categories", categories);
		model.addAttribute("categoriesChart", chart("bar",
				categories.categories().stream().map(c -> text("opinion.category." + c.category(), locale)).toList(),
				series(text("report.dashboard.received", locale), categories.categories().stream().map(Dashboards.Categories.Category::received).toList()),
				series(text("report.dashboard.settled", locale), categories.categories().stream().map(Dashboards.Categories.Category::settled).toList())));
		Dashboards.Overdue overdue = dashboards.overdue(filter);
		model.addAttribute("overdue", overdue);
		model.addAttribute("overdueChart", chart("stack",
				overdue.byRegion().stream().map(Dashboards.Overdue.Group::name).toList(),
				series(text("report.dashboard.overdue.opinions", locale), overdue.byRegion().stream().map(Dashboards.Overdue.Group::opinions).toList()),
				series(text("report.dashboard.overdue.proposals", locale), overdue.byRegion().stream().map(Dashboards.Overdue.Group::proposals).toList())));
		model.addAttribute("regionChoices", choices());
		return "report/dashboard";
	}

	@GetMapping("/reports/dashboard/trend.xlsx")
	ResponseEntity<byte[]> trendXlsx(@ParameterObject DashboardQuery query) {
		Dashboards.Trend t = dashboards.trend(query.filter(dashboards));
		return Downloads.xlsx(DashboardApi.filename("trend", t.filter()), sheets.trend(t));
	}

	@GetMapping("/reports/dashboard/map.xlsx")
	ResponseEntity<byte[]> mapXlsx(@ParameterObject DashboardQuery query, @RequestParam(required = false) String kpi) {
		Dashboards.Filter filter = query.filter(dashboards);
		CountyFigures m = dashboards.map(filter, DashboardApi.kpi(kpi));
		return Downloads.xlsx(DashboardApi.filename("map", filter), sheets.map(m));
	}

	@GetMapping("/reports/dashboard/overdue.xlsx")
	ResponseEntity<byte[]> overdueXlsx(@ParameterObject DashboardQuery query) {
		Dashboards.Overdue o = dashboards.overdue(query.filter(dashboards));
		return Downloads.xlsx(DashboardApi.filename("overdue", o.filter()), sheets.overdue(o));
	}

	@GetMapping("/reports/dashboard/categories.xlsx")
	ResponseEntity<byte[]> categoriesXlsx(@ParameterObject DashboardQuery query) {
		Dashboards.Categories c = dashboards.categories(query.filter(dashboards));
		return Downloads.xlsx(DashboardApi.filename("categories", c.filter()), sheets.categories(c));
	}

	private void mapModel(Model model, CountyFigures map) {
		model.addAttribute("map", map);
		model.addAttribute("kpis", MapKpi.values());
		model.addAttribute("tiles", CountyMap.tiles(regions.counties(), Map.of()));
		model.addAttribute("counties", map.counties().stream()
			.collect(Collectors.toMap(CountyFigures.County::code, Function.identity())));
		model.addAttribute("mapWidth", CountyMap.width());
		model.addAttribute("mapHeight", CountyMap.height());
		model.addAttribute("noDataFill", CountyFigures.NO_DATA);
		model.addAttribute("outsideFill", CountyFigures.OUTSIDE);
		model.addAttribute("anyOutside", map.counties().stream().anyMatch(c -> !c.inFilter()));
		model.addAttribute("anyWithout", map.counties().stream().anyMatch(c -> c.inFilter() && c.value() == null));
	}

	private String chart(String type, List<String> labels, Map<String, Object> first, Map<String, Object> second) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("labels", labels);
		data.put("series", List.of(first, second));
		return json.writeValueAsString(data);
	}

	private static Map<String, Object> series(String name, List<Long> values) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("values", values);
		return s;
	}

	private String text(String key, Locale locale) {
		return labels.text(key, locale);
	}

	/** The regions the caller may look at, down to townships. */
	private List<Region> choices() {
		var scope = Actor.current().scope();
		return regions.all().stream().filter(r -> scope.covers(r.code()) && r.level() != Region.Level.VILLAGE).toList();
	}
}
