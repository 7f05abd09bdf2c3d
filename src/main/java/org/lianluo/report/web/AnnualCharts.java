package org.lianluo.report.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lianluo.platform.Labels;
import org.lianluo.report.AnnualReport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual report's charts as js/dashboard.js draws them ({type, labels, series: [{name, values}]}): the months
 * of the period and the categories of the opinions; the same numbers stand in the table beside each chart.
 */
@Component
class AnnualCharts {

	private final Labels labels;

	private final JsonMapper json;

	AnnualCharts(Labels labels, JsonMapper json) {
		this.labels = labels;
		this.json = json;
	}

	String trend(AnnualReport report) {
		Locale locale = LocaleContextHolder.getLocale();
		List<AnnualReport.Month> months = report.byMonth();
		return chart("line", months.stream().map(AnnualReport.Month::month).toList(), List.of(
				series(labels.text("report.column.activities", locale), months.stream().map(AnnualReport.Month::activities).toList()),
				series(labels.text("report.column.opinionsCollected", locale),
						months.stream().map(AnnualReport.Month::opinionsCollected).toList()),
				series(labels.text("report.dashboard.settled", locale),
						months.stream().map(AnnualReport.Month::opinionsSettled).toList())));
	}

	String categories(AnnualReport report) {
		Locale locale = LocaleContextHolder.getLocale();
		List<AnnualReport.Group> groups = report.byCategory();
		return chart("bar", groups.stream().map(g -> labels.text("opinion.category." + g.key(), locale)).toList(), List.of(
				series(labels.text("report.column.opinionsCollected", locale), groups.stream().map(AnnualReport.Group::received).toList()),
				series(labels.text("report.column.opinionsImplemented", locale),
						groups.stream().map(AnnualReport.Group::implemented).toList())));
	}

	private String chart(String type, List<String> labels, List<Map<String, Object>> series) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("labels", labels);
		data.put("series", series);
		return json.writeValueAsString(data);
	}

	private static Map<String, Object> series(String name, List<Long> values) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("values", values);
		return s;
	}
}
