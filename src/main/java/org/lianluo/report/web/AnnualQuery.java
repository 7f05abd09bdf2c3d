package org.lianluo.report.web;

import org.lianluo.report.AnnualReports;

/**
 * The period of the annual report, its records and its documents, bound once from the query: {@code region} (blank:
 * the caller's own), and either {@code from} and {@code to} ({@code yyyy-MM-dd}, both days included) or a
 * calendar {@code year} (blank: this year).
 */
record AnnualQuery(String region, String year, String from, String to) {

	/** The request as the reports check it for the caller. */
	AnnualReports.Request request(AnnualReports reports) {
		return reports.request(region, year, from, to);
	}
}
