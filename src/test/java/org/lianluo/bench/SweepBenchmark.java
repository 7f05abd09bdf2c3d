package org.lianluo.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.Supervision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The overdue sweep over 1,000,000 open opinions, of which {@code bench.due} (default 1 %) are due. Not a
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

	@Autowired
	Supervision supervision;

	@Test
	void sweepOverAMillionOpenOpinions() {
		int total = Integer.getInteger("bench.opinions", 1_000_000);
		double dueShare = Double.parseDouble(System.getProperty("bench.due", "0.01"));
		new Api(port).as("admin", "admin-test-password");
		String unit = UUID.randomUUID().toString();
		long t0 = System.nanoTime();
		jdbc.sql("""
				insert into opinion (id, tracking_code, status, kind, category, channel, content, region_code, anonymous,
				  received_at, lead_unit_id, assigned_at, deadline, supervision_level, next_supervision_at, version, created_at, updated_at)
				select gen_random_uuid(), 'B' || lpad(to_hex(g), 12, '0'), 'ACCEPTED', 'SUGGESTION', 'OTHER', 'PORTAL',
				  '基准测试意见 ' || g, '451022108', true, now() - interval '20 days', cast(? as uuid), now() - interval '20 days',
				  case when g % ? = 0 then now() - interval '1 day' else now() + interval '30 days' end, 1,
				  case when g % ? = 0 then now() - interval '1 hour' else now() + interval '29 days' end, 0, now(), now()
				from generate_series(1, ?) g""")
			.params(unit, (int) Math.round(1 / dueShare), (int) Math.round(1 / dueShare), total)
			.update();
		double insertSeconds = (System.nanoTime() - t0) / 1e9;
		jdbc.sql("analyze opinion").update();

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

		System.out.printf("%n=== SweepBenchmark ===%nopen opinions: %,d (bulk insert %.1f s = %,.0f rows/s, the ceiling)%n"
				+ "due: %,d, found in %.1f ms%nsweep: %d steps in %d ms (%.0f steps/s)%nsweep again with nothing due: %d steps in %d ms%n%n",
				total, insertSeconds, total / insertSeconds, due, findMillis, result.supervisionSteps(), sweep.toMillis(),
				result.supervisionSteps() * 1000.0 / Math.max(1, sweep.toMillis()), idle.supervisionSteps(), idleSweep.toMillis());
		jdbc.sql("delete from opinion_event where opinion_id in (select id from opinion where tracking_code like 'B%' and content like '基准测试意见%')")
			.update();
		jdbc.sql("delete from opinion where content like '基准测试意见%'").update();
	}
}
