package org.lianluo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generates {@code bench.opinions} opinions (default 1,000,000) with their deputies, stations, units and
 * activities ({@link BenchData}) in the townships of {@code bench.counties} (default all 12), prints what each
 * table took and its size on disk, and then times the staff opinion list of the first county as its assessor
 * sees it ({@code GET /api/v1/opinions}: the first page, a status filter, page 500) next to the trivial endpoint
 * of the same server. Not a test (its name keeps surefire away); run it with
 * {@code ./mvnw -B -o test -Dtest=DataGeneratorBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.opinions=N}.
 * {@code -Dbench.keep=true} leaves the rows in the test database (which the next test run wipes anyway).
 */
@LianluoTest
class DataGeneratorBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void generateAndListACounty() {
		int opinions = Integer.getInteger("bench.opinions", 1_000_000);
		List<String> counties = Arrays.asList(System.getProperty("bench.counties", String.join(",", BenchData.COUNTIES)).split(","));
		BenchData data = new BenchData(jdbc, 'G');
		try {
			BenchData.Generated generated = data.generate(BenchData.Spec.of(opinions).inCounties(counties));
			System.out.printf("%n=== DataGeneratorBenchmark: %,d opinions over %d counties ===%n%s", opinions, counties.size(), generated);
			for (String table : List.of("opinion", "opinion_deputy", "duty_opinion", "duty_activity", "duty_activity_deputy",
					"deputy", "station")) {
				System.out.printf("%-22s %s on disk (table and indexes)%n", table, jdbc
					.sql("select pg_size_pretty(pg_total_relation_size(cast(? as regclass)))").param(table).query(String.class).single());
			}

			String county = counties.get(0);
			long inCounty = jdbc.sql("select count(*) from opinion where region_code like ?").param(county + "%").query(Long.class).single();
			Api assessor = Staff.user(port, county, "ASSESSOR");
			Api anonymous = new Api(port);
			System.out.printf("%nstaff opinion list of county %s (%,d opinions), 30 calls each after 5 to warm up:%n", county, inCounty);
			time("GET /actuator/health/liveness (the trivial endpoint)", () -> anonymous.get("/actuator/health/liveness"));
			time("GET /api/v1/opinions (first page of 20)", () -> assessor.get("/api/v1/opinions"));
			time("GET /api/v1/opinions?status=ACCEPTED", () -> assessor.get("/api/v1/opinions?status=ACCEPTED"));
			time("GET /api/v1/opinions?light=RED (overdue board)", () -> assessor.get("/api/v1/opinions?light=RED"));
			time("GET /api/v1/opinions?page=500", () -> assessor.get("/api/v1/opinions?page=500"));
			System.out.println();
		}
		finally {
			if (!Boolean.getBoolean("bench.keep")) {
				data.delete();
			}
		}
	}

	private static void time(String what, java.util.function.Supplier<Api.Response> call) {
		for (int i = 0; i < 5; i++) {
			assertThat(call.get().status()).isEqualTo(200);
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long t = System.nanoTime();
			Api.Response r = call.get();
			millis.add((System.nanoTime() - t) / 1e6);
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
		}
		millis.sort(null);
		System.out.printf("  %-56s p50 %8.1f ms   p95 %8.1f ms%n", what, millis.get(14), millis.get(28));
	}
}
