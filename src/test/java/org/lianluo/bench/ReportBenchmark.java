package org.lianluo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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

		data.delete();
		System.out.printf("%n=== ReportBenchmark ===%n%,d opinions and %,d activities (with their deputies, stations and units) inserted in %.1f s%n"
				+ "GET /api/v1/reports/annual?region=451000&year=2025: first %.0f ms, then %.0f / %.0f / %.0f ms%n"
				+ "records page 10 of opinionsCollected: %.0f ms%n%n", opinions, activities, insertSeconds, millis.get(0),
				millis.get(1), millis.get(2), millis.get(3), pageMillis);
	}
}
