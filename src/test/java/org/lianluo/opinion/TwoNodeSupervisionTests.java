package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.SecondNode;
import org.lianluo.platform.DatabaseScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two application nodes on one database, a clock moved past many deadlines: each step happens once. */
@LianluoTest
class TwoNodeSupervisionTests {

	@LocalServerPort
	int port;

	@Autowired
	Supervision nodeOne;

	@Autowired
	JdbcClient jdbc;

	ConfigurableApplicationContext second;

	@AfterEach
	void stopSecondNode() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void everyReminderAndEscalationHappensExactlyOnce() throws Exception {
		LoopFixture f = new LoopFixture(port);
		Api citizen = new Api(port);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String id = f.idOf(f.submitPublic(citizen, "第" + i + "件：村里路灯不亮，请维修。"));
			f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId,
					"kind", i % 2 == 0 ? "INQUIRY" : "URGENT"));
			if (i % 3 == 0) {
				f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
			}
			ids.add(id);
		}
		second = SecondNode.start();
		assertThat(SecondNode.port(second)).isNotEqualTo(port).isNotEqualTo(8080);
		Supervision nodeTwo = second.getBean(Supervision.class);

		Instant later = Instant.now().plus(Duration.ofDays(60));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		// Each as the sweep task runs it, under its system scope (the pool's threads have none of their own).
		List<Callable<Supervision.Result>> sweeps = List.of(() -> swept(nodeOne, later), () -> swept(nodeTwo, later),
				() -> swept(nodeOne, later), () -> swept(nodeTwo, later));
		for (Future<Supervision.Result> r : pool.invokeAll(sweeps)) {
			r.get();
		}
		pool.shutdown();

		for (String id : ids) {
			List<String> levels = jdbc.sql("select note from opinion_event where opinion_id = ? and kind = 'SUPERVISION' order by note")
				.param(UUID.fromString(id))
				.query(String.class)
				.list();
			assertThat(levels).as("supervision steps of %s", id).containsExactly("1", "2", "3", "4");
		}
		assertThat(nodeOne.sweep(later).supervisionSteps() + nodeTwo.sweep(later).supervisionSteps()).isZero();
		assertThat(f.assessor.get("/api/v1/opinions/" + ids.get(0)).json().get("supervisionLevel").asInt()).isEqualTo(4);
	}

	private static Supervision.Result swept(Supervision node, Instant at) {
		return DatabaseScope.asSystem("opinion-supervision-sweep", () -> node.sweep(at));
	}
}
