package org.lianluo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.opinion.OpinionQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
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

	/** The tables' owner: generated rows are deleted with the triggers off, which the application's role may not do. */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void generateAndListACounty() {
		int opinions = Integer.getInteger("bench.opinions", 1_000_000);
		List<String> counties = Arrays.asList(System.getProperty("bench.counties", String.join(",", BenchData.COUNTIES)).split(","));
		BenchData data = new BenchData(JdbcClient.create(owner), 'G');
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
			System.out.printf("%nstaff opinion list of county %s (%,d opinions), 30 calls each after 5 to warm up (load average %s):%n",
					county, inCounty, load());
			time("GET /actuator/health/liveness (the trivial endpoint)", () -> anonymous.get("/actuator/health/liveness"));
			time("GET /api/v1/opinions (first page of 20)", () -> assessor.get("/api/v1/opinions"));
			time("GET /api/v1/opinions?status=ACCEPTED", () -> assessor.get("/api/v1/opinions?status=ACCEPTED"));
			time("GET /api/v1/opinions?light=RED (overdue board)", () -> assessor.get("/api/v1/opinions?light=RED"));
			time("GET /api/v1/opinions?page=500", () -> assessor.get("/api/v1/opinions?page=500"));
			// What the list costs in the database: its page of 20 and its total, as OpinionQueries.list asks them of a county.
			String page = "select o.id from opinion o where left(o.region_code, 6) = ? order by o.received_at desc, o.id desc limit 20";
			String total = "select count(*) from (select 1 from opinion o where left(o.region_code, 6) = ? limit "
					+ (OpinionQueries.TOTAL_CAP + 1) + ") matching";
			sql("  SQL: the page (20 newest of the county)", () -> jdbc.sql(page).param(county).query(String.class).list());
			sql("  SQL: its total (counted up to the cap)", () -> jdbc.sql(total).param(county).query(Long.class).single());
			plan(page, county);
			plan(total, county);
			System.out.printf("  load average afterwards: %s%n", load());
			System.out.println();
		}
		finally {
			if (!Boolean.getBoolean("bench.keep")) {
				data.delete();
			}
		}
	}

	/** The machine's load average over 1, 5 and 15 minutes, as /proc/loadavg gives it. */
	private static String load() {
		try {
			return String.join(" ", java.util.Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (java.io.IOException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	private void plan(String sql, String county) {
		System.out.printf("  plan of %s%n", sql);
		jdbc.sql("explain (analyze, costs off, timing off) " + sql).param(county).query(String.class).list()
			.forEach(line -> System.out.printf("    %s%n", line));
	}

	private static void sql(String what, Runnable query) {
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			long t = System.nanoTime();
			query.run();
			millis.add((System.nanoTime() - t) / 1e6);
		}
		millis.sort(null);
		System.out.printf("  %-56s p50 %8.1f ms   max %8.1f ms%n", what, millis.get(7), millis.get(14));
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
