package org.lianluo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.opinion.internal.RollupFolding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The annual report of the city over {@code bench.opinions} opinions (default 1,000,000; 10,000,000 is the province
 * of issue 8), a fifth as many activities with two deputies each, a fiftieth as many deputies and a five-hundredth as
 * many stations, made by {@link BenchData} over the year 2025 and the 12 counties. Beside it, in the same run: the
 * same figures by naive aggregation over the records (the queries the report made before the monthly sums, for the
 * year and the year before, as the report asks both), and the trivial endpoint of the same server. The naive figures
 * must equal the report's, so this also checks the sums at scale. Not a test (its name keeps surefire away):
 * {@code ./mvnw -B -o test -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.opinions=10000000}
 * (with {@code -Dbench.keep=true} it leaves the rows instead of deleting them; a next run with {@code -Dbench.reuse=true
 * -Dbench.keep=true -Dlianluo.embedded-db.clean=false} and the same count measures them again without generating).
 */
@LianluoTest
class ReportBenchmark {

	private static final int ROUNDS = 7;

	/** Rounds of the naive queries (at ten million, a minute or more each). */
	private static final int NAIVE_ROUNDS = Integer.getInteger("bench.naiveRounds", 3);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The tables' owner: generated rows are deleted with the triggers off, which the application's role may not do. */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	RollupFolding folding;

	/** The naive queries: every figure the sums now give, counted from the records of a year. */
	private static final Map<String, String> NAIVE = new LinkedHashMap<>();

	static {
		String opinions = " from opinion o where o.region_code like '4510%' and o.received_at >= :from and o.received_at < :to";
		NAIVE.put("opinions", """
				select grouping(substr(o.region_code, 1, 6), o.category, o.lead_unit_id), count(*),
				  count(*) filter (where o.status in ('ASSIGNED','ACCEPTED','REPLIED','FED_BACK','REOPENED','CLOSED')),
				  count(*) filter (where o.status in ('FED_BACK','CLOSED') and o.reply_result is not null),
				  count(*) filter (where o.status in ('FED_BACK','CLOSED') and o.reply_result is not null and o.replied_at <= o.deadline),
				  count(*) filter (where o.grade is not null), count(*) filter (where o.grade in ('SATISFIED','BASICALLY_SATISFIED')),
				  count(*) filter (where o.reply_result is not null), count(*) filter (where o.reply_result = 'RESOLVED'),
				  count(*) filter (where o.implemented),
				  avg(extract(epoch from (o.closed_at - o.received_at)) / 86400.0) filter (where o.status = 'CLOSED'),
				  count(*) filter (where o.category = 'DISPUTE' and o.status = 'CLOSED' and o.reply_result = 'RESOLVED')
				""" + opinions + " group by grouping sets ((substr(o.region_code, 1, 6)), (o.category), (o.lead_unit_id), ())");
		NAIVE.put("activities", """
				select substr(a.region_code, 1, 6), count(*),
				  count(*) filter (where a.type in ('VISIT', 'INSPECTION', 'BRIEFING', 'PUBLIC_MEETING') and coalesce(a.theme, '') <> ''),
				  coalesce(sum(a.voters_received) filter (where a.voters_received > 0), 0),
				  count(*) filter (where a.type = 'PUBLIC_MEETING'), count(*) filter (where a.type = 'JOINT_SUPERVISION')
				from duty_activity a where a.region_code like '4510%' and a.start_at >= :from and a.start_at < :to group by 1""");
		NAIVE.put("attendance", """
				select substr(a.region_code, 1, 6), count(*) filter (where a.type = 'COMMITTEE_ATTENDANCE' and p.attendance = 'SIGNED_IN')
				from duty_activity a join duty_activity_deputy p on p.activity_id = a.id
				where a.region_code like '4510%' and a.start_at >= :from and a.start_at < :to group by 1""");
		NAIVE.put("participation", """
				select count(distinct r.deputy_id), count(distinct r.deputy_id) filter (where exists (
				  select 1 from duty_activity a join duty_activity_deputy d on d.activity_id = a.id
				  where a.station_id = r.station_id and d.deputy_id = r.deputy_id and a.type = 'RECEPTION'
				  and d.attendance = 'SIGNED_IN' and a.start_at >= :from and a.start_at < :to))
				from station_deputy r join station s on s.id = r.station_id where s.status = 'ACTIVE' and s.region_code like '4510%'""");
	}

	@Test
	void annualReportOfTheCity() {
		int opinions = Integer.getInteger("bench.opinions", 1_000_000);
		Api admin = Staff.admin(port);
		Api anonymous = new Api(port);
		BenchData data = new BenchData(JdbcClient.create(owner), 'R');
		long activities;
		if (Boolean.getBoolean("bench.reuse") && jdbc.sql("select count(*) from opinion where tracking_code like 'R%'")
			.query(Long.class).single() == opinions) {
			// The rows of a run with -Dbench.keep=true, on its database (started with -Dlianluo.embedded-db.clean=false).
			activities = jdbc.sql("select count(*) from duty_activity where title like '基准R活动%'").query(Long.class).single();
			System.out.printf("%n=== ReportBenchmark: reusing %,d opinions and %,d activities ===%n", opinions, activities);
		}
		else {
			BenchData.Generated generated = data.generate(BenchData.Spec.of(opinions).inYear(2025));
			System.out.printf("%n=== ReportBenchmark: generated ===%n%s", generated);
			activities = generated.rows().get("duty_activity");
		}
		// As the application stands between its folds: the differences of the last statements folded in.
		int folded = folding.fold();
		System.out.printf("folded %,d differences of the last statements%n", folded);
		Map<String, Long> sizes = new LinkedHashMap<>();
		for (String table : List.of("opinion", "opinion_rollup", "opinion_rollup_delta", "duty_activity", "duty_activity_deputy",
				"duty_rollup", "station_reception", "deputy", "station", "station_deputy")) {
			sizes.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}

		String url = "/api/v1/reports/annual?region=451000&year=2025";
		long t = System.nanoTime();
		Api.Response first = admin.get(url);
		double cold = (System.nanoTime() - t) / 1e6;
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("opinionsCollected").asLong()).isEqualTo(opinions);
		assertThat(first.json().get("activities").asLong()).isEqualTo(activities);

		List<Double> report = new ArrayList<>();
		List<Double> naive = new ArrayList<>();
		List<Double> liveness = new ArrayList<>();
		Map<String, List<Double>> naiveParts = new LinkedHashMap<>();
		Map<String, Object> year = Map.of("from", java.time.OffsetDateTime.parse("2025-01-01T00:00+08:00"),
				"to", java.time.OffsetDateTime.parse("2026-01-01T00:00+08:00"));
		Map<String, Object> before = Map.of("from", java.time.OffsetDateTime.parse("2024-01-01T00:00+08:00"),
				"to", java.time.OffsetDateTime.parse("2025-01-01T00:00+08:00"));
		Map<String, List<String>> naiveAnswers = new LinkedHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			report.add(millis(() -> admin.get(url)));
			liveness.add(millis(() -> anonymous.get("/actuator/health/liveness")));
			if (round >= NAIVE_ROUNDS) {
				continue;
			}
			double all = 0;
			for (Map.Entry<String, String> q : NAIVE.entrySet()) {
				double ms = millis(() -> naiveAnswers.put(q.getKey(), rows(q.getValue(), year)))
						+ millis(() -> rows(q.getValue(), before));
				naiveParts.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(ms);
				all += ms;
			}
			naive.add(all);
		}

		Map<String, Double> dashboards = new LinkedHashMap<>();
		for (String chart : List.of("trend", "map", "overdue", "categories")) {
			String chartUrl = "/api/v1/reports/dashboard/" + chart + "?region=451000&year=2025";
			assertThat(admin.get(chartUrl).status()).isEqualTo(200);
			List<Double> times = new ArrayList<>();
			for (int round = 0; round < 5; round++) {
				times.add(millis(() -> admin.get(chartUrl)));
			}
			dashboards.put(chart, median(times));
		}

		// The report's figures are those of the naive queries.
		var json = first.json();
		List<String> activityRows = naiveAnswers.get("activities");
		assertThat(sum(activityRows, 1)).isEqualTo(json.get("activities").asLong());
		assertThat(sum(activityRows, 2)).isEqualTo(json.get("thematicActivities").asLong());
		assertThat(sum(activityRows, 3)).isEqualTo(json.get("votersReceived").asLong());
		assertThat(sum(activityRows, 4)).isEqualTo(json.get("publicMeetings").asLong());
		assertThat(sum(naiveAnswers.get("attendance"), 1)).isEqualTo(json.get("committeeAttendance").asLong());
		String[] total = naiveAnswers.get("opinions").stream().filter(r -> r.startsWith("7|")).findFirst().orElseThrow().split("\\|");
		assertThat(Long.parseLong(total[1])).isEqualTo(json.get("opinionsCollected").asLong());
		assertThat(Long.parseLong(total[9])).isEqualTo(json.get("opinionsImplemented").asLong());
		assertThat(Long.parseLong(total[11])).isEqualTo(json.get("disputesResolved").asLong());
		String[] participation = naiveAnswers.get("participation").get(0).split("\\|");
		assertThat(json.get("stationParticipationRate").asDouble())
			.isCloseTo(Double.parseDouble(participation[1]) / Double.parseDouble(participation[0]), org.assertj.core.data.Offset.offset(1e-9));

		if (!Boolean.getBoolean("bench.keep")) {
			data.delete();
		}
		System.out.printf("%n=== ReportBenchmark: %,d opinions, %,d activities ===%n", opinions, activities);
		sizes.forEach((table, n) -> System.out.printf("%-22s %,12d rows%n", table, n));
		System.out.printf("GET %s: first %.0f ms; then median %.0f ms over %d rounds %s%n", url, cold, median(report), ROUNDS, report);
		System.out.printf("(each round: the report, the trivial endpoint, then in the first %d rounds the naive queries)%n",
				NAIVE_ROUNDS);
		System.out.printf("naive aggregation of the same figures (this year and last): median %.0f ms %s%n", median(naive), naive);
		naiveParts.forEach((k, v) -> System.out.printf("  %-14s median %.0f ms%n", k, median(v)));
		System.out.printf("GET /actuator/health/liveness: median %.1f ms%n", median(liveness));
		dashboards.forEach((chart, ms) -> System.out.printf("dashboard %s (city, 2025, warm, median of 5): %.0f ms%n", chart, ms));
		System.out.printf("ratio naive / report: %.1f; report / liveness: %.1f%n%n", median(naive) / median(report),
				median(report) / median(liveness));
	}

	private List<String> rows(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query((rs, n) -> {
			StringBuilder b = new StringBuilder();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				b.append(i > 1 ? "|" : "").append(rs.getString(i));
			}
			return b.toString();
		}).list();
	}

	private static long sum(List<String> rows, int column) {
		return rows.stream().mapToLong(r -> Long.parseLong(r.split("\\|")[column])).sum();
	}

	private static double millis(Supplier<?> call) {
		long t = System.nanoTime();
		call.get();
		return (System.nanoTime() - t) / 1e6;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}
}
