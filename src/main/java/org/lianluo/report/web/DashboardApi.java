package org.lianluo.report.web;

import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.Downloads;
import org.lianluo.report.CountyFigures;
import org.lianluo.report.DashboardSheets;
import org.lianluo.report.Dashboards;
import org.lianluo.report.MapKpi;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON behind each chart of the dashboards, and each as an .xlsx. Filters: {@code region} (blank: the caller's
 * own; outside the caller's scope: 404), {@code from} and {@code to} as {@code yyyy-MM}, or a {@code year}.
 */
@RestController
class DashboardApi {

	private final Dashboards dashboards;

	private final DashboardSheets sheets;

	DashboardApi(Dashboards dashboards, DashboardSheets sheets) {
		this.dashboards = dashboards;
		this.sheets = sheets;
	}

	@GetMapping("/api/v1/reports/dashboard/trend")
	Dashboards.Trend trend(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String year) {
		return dashboards.trend(dashboards.filter(region, from, to, year));
	}

	@GetMapping("/api/v1/reports/dashboard/trend.xlsx")
	ResponseEntity<byte[]> trendXlsx(@RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String year) {
		Dashboards.Trend t = trend(region, from, to, year);
		return Downloads.xlsx(filename("trend", t.filter()), sheets.trend(t));
	}

	@GetMapping("/api/v1/reports/dashboard/map")
	CountyFigures map(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String year,
			@RequestParam(required = false) String kpi) {
		Dashboards.Filter filter = dashboards.filter(region, from, to, year);
		return dashboards.map(filter, kpi(kpi));
	}

	@GetMapping("/api/v1/reports/dashboard/map.xlsx")
	ResponseEntity<byte[]> mapXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String year,
			@RequestParam(required = false) String kpi) {
		CountyFigures m = map(region, from, to, year, kpi);
		return Downloads.xlsx(filename("map", m.filter()), sheets.map(m));
	}

	@GetMapping("/api/v1/reports/dashboard/overdue")
	Dashboards.Overdue overdue(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String year) {
		return dashboards.overdue(dashboards.filter(region, from, to, year));
	}

	@GetMapping("/api/v1/reports/dashboard/overdue.xlsx")
	ResponseEntity<byte[]> overdueXlsx(@RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String year) {
		Dashboards.Overdue o = overdue(region, from, to, year);
		return Downloads.xlsx(filename("overdue", o.filter()), sheets.overdue(o));
	}

	@GetMapping("/api/v1/reports/dashboard/categories")
	Dashboards.Categories categories(@RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String year) {
		return dashboards.categories(dashboards.filter(region, from, to, year));
	}

	@GetMapping("/api/v1/reports/dashboard/categories.xlsx")
	ResponseEntity<byte[]> categoriesXlsx(@RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String year) {
		Dashboards.Categories c = categories(region, from, to, year);
		return Downloads.xlsx(filename("categories", c.filter()), sheets.categories(c));
	}

	/** The KPI of the map by its key; none given: 办结率. */
	static MapKpi kpi(String key) {
		if (key == null || key.isBlank()) {
			return MapKpi.CLOSURE_RATE;
		}
		return MapKpi.byKey(key.strip()).orElseThrow(() -> LianluoException.invalidField("kpi", "report.dashboard.kpi.unknown"));
	}

	static String filename(String chart, Dashboards.Filter f) {
		return "dashboard-" + chart + "-" + f.region() + "-" + f.from() + "-" + f.to() + ".xlsx";
	}
}
