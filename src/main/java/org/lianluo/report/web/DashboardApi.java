package org.lianluo.report.web;

import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.Downloads;
import org.lianluo.report.CountyFigures;
import org.lianluo.report.DashboardSheets;
import org.lianluo.report.Dashboards;
import org.lianluo.report.MapKpi;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON behind each chart of the dashboards, and each as an .xlsx; the filters are a {@link DashboardQuery}. */
@RestController
class DashboardApi {

	private final Dashboards dashboards;

	private final DashboardSheets sheets;

	DashboardApi(Dashboards dashboards, DashboardSheets sheets) {
		this.dashboards = dashboards;
		this.sheets = sheets;
	}

	@GetMapping("/api/v1/reports/dashboard/trend")
	Dashboards.Trend trend(@ParameterObject DashboardQuery query) {
		return dashboards.trend(query.filter(dashboards));
	}

	@GetMapping("/api/v1/reports/dashboard/trend.xlsx")
	ResponseEntity<byte[]> trendXlsx(@ParameterObject DashboardQuery query) {
		Dashboards.Trend t = trend(query);
		return Downloads.xlsx(filename("trend", t.filter()), sheets.trend(t));
	}

	@GetMapping("/api/v1/reports/dashboard/map")
	CountyFigures map(@ParameterObject DashboardQuery query, @RequestParam(required = false) String kpi) {
		Dashboards.Filter filter = query.filter(dashboards);
		return dashboards.map(filter, kpi(kpi));
	}

	@GetMapping("/api/v1/reports/dashboard/map.xlsx")
	ResponseEntity<byte[]> mapXlsx(@ParameterObject DashboardQuery query, @RequestParam(required = false) String kpi) {
		CountyFigures m = map(query, kpi);
		return Downloads.xlsx(filename("map", m.filter()), sheets.map(m));
	}

	@GetMapping("/api/v1/reports/dashboard/overdue")
	Dashboards.Overdue overdue(@ParameterObject DashboardQuery query) {
		return dashboards.overdue(query.filter(dashboards));
	}

	@GetMapping("/api/v1/reports/dashboard/overdue.xlsx")
	ResponseEntity<byte[]> overdueXlsx(@ParameterObject DashboardQuery query) {
		Dashboards.Overdue o = overdue(query);
		return Downloads.xlsx(filename("overdue", o.filter()), sheets.overdue(o));
	}

	@GetMapping("/api/v1/reports/dashboard/categories")
	Dashboards.Categories categories(@ParameterObject DashboardQuery query) {
		return dashboards.categories(query.filter(dashboards));
	}

	@GetMapping("/api/v1/reports/dashboard/categories.xlsx")
	ResponseEntity<byte[]> categoriesXlsx(@ParameterObject DashboardQuery query) {
		Dashboards.Categories c = categories(query);
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
