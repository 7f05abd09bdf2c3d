package org.lianluo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The annual report of the city over {@code bench.opinions} opinions (default 1,000,000) and a fifth as many
 * activities, made by {@link BenchData} over the year 2025 and the 12 counties, as computed now: by plain aggregation
 * queries on the records. Not a test (its name keeps surefire away); run it with
 * {@code ./mvnw -B -o test -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It prints the cold and
 * warm times of {@code GET /api/v1/reports/annual} and of the records page behind its largest figure.
 */
@LianluoTest
class ReportBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void annualReportOfTheCity() {
		int opinions = Integer.getInteger("bench.opinions", 1_000_000);
		Api admin = Staff.admin(port);
		BenchData data = new BenchData(jdbc, 'R');
		BenchData.Generated generated = data.generate(BenchData.Spec.of(opinions).inYear(2025));
		long activities = generated.rows().get("duty_activity");
		double insertSeconds = generated.totalSeconds();

		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long t = System.nanoTime();
			Api.Response r = admin.get("/api/v1/reports/annual?region=451000&year=2025");
			millis.add((System.nanoTime() - t) / 1e6);
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
			assertThat(r.json().get("opinionsCollected").asLong()).isEqualTo(opinions);
			assertThat(r.json().get("activities").asLong()).isEqualTo(activities);
		}
		long t = System.nanoTime();
		Api.Response page = admin.get("/api/v1/reports/annual/records?region=451000&year=2025&figure=opinionsCollected&page=10");
		double pageMillis = (System.nanoTime() - t) / 1e6;
		assertThat(page.status()).isEqualTo(200);

		List<String> dashboards = new ArrayList<>();
		for (String chart : List.of("trend", "map", "overdue", "categories")) {
			admin.get("/api/v1/reports/dashboard/" + chart + "?region=451000&year=2025");
			long d = System.nanoTime();
			Api.Response r = admin.get("/api/v1/reports/dashboard/" + chart + "?region=451000&year=2025");
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
			dashboards.add(String.format("%s %.0f ms", chart, (System.nanoTime() - d) / 1e6));
		}
		// Where the time goes: each pass the report makes over the opinions, as PostgreSQL executes it.
		List<String> plans = new ArrayList<>();
		String where = " from opinion o where o.region_code like '4510%' and o.received_at >= timestamptz '2025-01-01 00:00+08'"
				+ " and o.received_at < timestamptz '2026-01-01 00:00+08'";
		String lastYear = " from opinion o where o.region_code like '4510%' and o.received_at >= timestamptz '2024-01-01 00:00+08'"
				+ " and o.received_at < timestamptz '2025-01-01 00:00+08'";
		Map<String, String> passes = new java.util.LinkedHashMap<>();
		passes.put("figures by region", "select substr(o.region_code, 1, 6), count(*), count(*) filter (where o.implemented)" + where + " group by 1");
		passes.put("KPIs total", "select count(*), count(*) filter (where o.grade is not null), count(*) filter (where o.status = 'CLOSED')" + where);
		passes.put("KPIs by unit", "select o.lead_unit_id, count(*)" + where + " and o.lead_unit_id is not null group by 1");
		passes.put("KPIs by category", "select o.category, count(*)" + where + " group by 1");
		passes.put("disputes", "select count(*)" + where + " and o.category = 'DISPUTE' and o.status = 'CLOSED'");
		passes.put("KPIs total, last year", "select count(*)" + lastYear);
		passes.forEach((name, sql) -> {
			List<String> plan = jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list();
			plans.add(name + ": " + plan.get(plan.size() - 1).strip() + "  [" + plan.stream()
				.filter(l -> l.contains("Scan")).map(String::strip).findFirst().orElse("") + "]");
		});

		data.delete();
		System.out.printf("%n=== ReportBenchmark ===%n%,d opinions and %,d activities (with their deputies, stations and units) inserted in %.1f s%n"
				+ "GET /api/v1/reports/annual?region=451000&year=2025: first %.0f ms, then %.0f / %.0f / %.0f ms%n"
				+ "records page 10 of opinionsCollected: %.0f ms%n%n", opinions, activities, insertSeconds, millis.get(0),
				millis.get(1), millis.get(2), millis.get(3), pageMillis);
		System.out.println("dashboards (warm): " + String.join(", ", dashboards));
		plans.forEach(System.out::println);
		System.out.println();
	}
}
