package org.lianluo.report.web;

import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.report.AnnualReport;
import org.lianluo.report.AnnualReports;
import org.lianluo.report.AnnualReports.Row;
import org.lianluo.report.Figure;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The annual report of a region and year (API.md), and the records behind each of its figures. */
@RestController
class ReportApi {

	private final AnnualReports reports;

	ReportApi(AnnualReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/reports/annual")
	AnnualReport annual(@RequestParam(required = false) String region, @RequestParam(required = false) String year) {
		return reports.report(reports.request(region, year));
	}

	@GetMapping("/api/v1/reports/annual/records")
	Page<Row> records(@RequestParam(required = false) String region, @RequestParam(required = false) String year,
			@RequestParam(required = false) String figure, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		AnnualReports.Request request = reports.request(region, year);
		return reports.records(request, figure(figure), page, size);
	}

	static Figure figure(String key) {
		return Figure.byKey(key == null ? "" : key)
			.orElseThrow(() -> LianluoException.invalidField("figure", "report.figure.unknown"));
	}
}
