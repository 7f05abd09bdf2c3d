package org.lianluo.bench;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.Supervision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The overdue sweep over 1,000,000 opinions made by {@link BenchData}, of which {@code bench.due} (default 1 %) are
 * open and due. Not a
 * test (its name keeps surefire away); run it with
 * {@code ./mvnw -B -o test -Dtest=SweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It prints the
 * time to find the due ones, the sweep's time, and the raw insert rate of the same server as the ceiling.
 */
@LianluoTest
class SweepBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The tables' owner: generated rows are deleted with the triggers off, which the application's role may not do. */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	Supervision supervision;

	@Test
	void sweepOverAMillionOpenOpinions() {
		int total = Integer.getInteger("bench.opinions", 1_000_000);
		double dueShare = Double.parseDouble(System.getProperty("bench.due", "0.01"));
		new Api(port).as("admin", "admin-test-password");
		BenchData data = new BenchData(JdbcClient.create(owner), 'B');
		BenchData.Generated generated = data.generate(BenchData.Spec.of(total).due(dueShare));
		double insertSeconds = generated.seconds().get("opinion");
		JdbcClient.create(owner).sql("analyze opinion").update();

		long t1 = System.nanoTime();
		long due = jdbc.sql("select count(*) from opinion where next_supervision_at <= now() and status in ('ASSIGNED','ACCEPTED','REOPENED')")
			.query(Long.class).single();
		double findMillis = (System.nanoTime() - t1) / 1e6;

		Instant start = Instant.now();
		Supervision.Result result = supervision.sweep(Instant.now());
		Duration sweep = Duration.between(start, Instant.now());

		Instant again = Instant.now();
		Supervision.Result idle = supervision.sweep(Instant.now());
		Duration idleSweep = Duration.between(again, Instant.now());

		System.out.printf("%n=== SweepBenchmark ===%nopinions: %,d (bulk insert %.1f s = %,.0f rows/s, the ceiling)%n"
				+ "(BenchData: 30 %% of them open with a unit, the rest received, replied or closed; every %d-th overdue)%n"
				+ "due: %,d, found in %.1f ms%nsweep: %d steps in %d ms (%.0f steps/s)%nsweep again with nothing due: %d steps in %d ms%n%n",
				total, insertSeconds, total / insertSeconds, (int) Math.round(1 / dueShare), due, findMillis, result.supervisionSteps(), sweep.toMillis(),
				result.supervisionSteps() * 1000.0 / Math.max(1, sweep.toMillis()), idle.supervisionSteps(), idleSweep.toMillis());
		data.delete();
	}
}
