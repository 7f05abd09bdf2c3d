package org.lianluo.report.web;

import org.lianluo.report.Dashboards;

/**
 * The filter of every dashboard chart, its table and its .xlsx, bound once from the query: {@code region} (blank:
 * the caller's own; outside the caller's scope: 404), {@code from} and {@code to} as {@code yyyy-MM}, or a
 * {@code year}. Each may be left out.
 */
record DashboardQuery(String region, String from, String to, String year) {

	/** The filter as the dashboards check and complete it for the caller. */
	Dashboards.Filter filter(Dashboards dashboards) {
		return dashboards.filter(region, from, to, year);
	}
}
