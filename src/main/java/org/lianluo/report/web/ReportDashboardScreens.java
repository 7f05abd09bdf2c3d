package org.lianluo.report.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lianluo.identity.Actor;
import org.lianluo.platform.Labels;
import org.lianluo.platform.web.Downloads;
import org.lianluo.region.Region;
import org.lianluo.region.Regions;
import org.lianluo.report.CountyFigures;
import org.lianluo.report.CountyOutlines;
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
import org.springframework.web.util.UriComponentsBuilder;
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

	private final CountyOutlines outlines;

	ReportDashboardScreens(Dashboards dashboards, DashboardSheets sheets, Regions regions, Labels labels, JsonMapper json,
			CountyOutlines outlines) {
		this.outlines = outlines;
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
		model.addAttribute("mapChart", mapChart(map, LocaleContextHolder.getLocale()));
		model.addAttribute("noDataFill", CountyFigures.NO_DATA);
		model.addAttribute("outsideFill", CountyFigures.OUTSIDE);
		model.addAttribute("anyOutside", map.counties().stream().anyMatch(c -> !c.inFilter()));
		model.addAttribute("anyWithout", map.counties().stream().anyMatch(c -> c.inFilter() && c.value() == null));
	}

	/**
	 * The county map's data for ECharts: the city's outlines by URL, and each county's colour and figure as the
	 * table beside it states them (the colours are the legend's, chosen here, not by the chart).
	 */
	private String mapChart(CountyFigures map, Locale locale) {
		String city = outlines.city();
		List<Map<String, Object>> areas = map.counties().stream().map(c -> {
			Map<String, Object> area = new LinkedHashMap<>();
			area.put("code", c.code());
			area.put("name", c.name());
			area.put("text", c.value() == null ? text("report.none", locale)
					: map.kpi().rate() ? String.format(Locale.ROOT, "%.1f%%", c.value().doubleValue() * 100)
							: String.valueOf(c.value()));
			area.put("fill", c.fill());
			area.put("ink", c.ink());
			area.put("href", !c.inFilter() ? null : UriComponentsBuilder.fromPath("/reports/dashboard")
				.queryParam("region", c.code()).queryParam("from", map.filter().from())
				.queryParam("to", map.filter().to()).queryParam("kpi", map.kpi().key()).encode().toUriString());
			return area;
		}).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("city", city);
		data.put("url", "/maps/" + city + ".geojson");
		data.put("areas", areas);
		return json.writeValueAsString(data);
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
