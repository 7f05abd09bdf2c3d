package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.platform.DatabaseScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Supervision of proposals: concurrent sweeps take each step once; one persistent timer per proposal follows it. */
@LianluoTest
class ProposalSupervisionTests {

	@LocalServerPort
	int port;

	@Autowired
	ProposalSupervision supervision;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentSweepsTakeEveryStepExactlyOnce() throws Exception {
		ProposalFixture f = new ProposalFixture(port);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String id = f.draft("督办测试第" + i + "件");
			f.step(f.deputy, id, "submit", Map.of());
			f.step(f.assessor, id, "register", Map.of());
			if (i % 2 == 0) {
				f.step(f.assessor, id, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));
			}
			ids.add(id);
		}
		Instant later = Instant.now().plus(Duration.ofDays(150));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		// Each as the sweep task runs it, under its system scope (the pool's threads have none of their own).
		Callable<Integer> sweep = () -> DatabaseScope.asSystem("proposal-supervision-sweep", () -> supervision.sweep(later));
		List<Callable<Integer>> sweeps = List.of(sweep, sweep, sweep, sweep);
		for (Future<Integer> r : pool.invokeAll(sweeps)) {
			r.get();
		}
		pool.shutdown();
		for (int i = 0; i < ids.size(); i++) {
			UUID id = UUID.fromString(ids.get(i));
			if (i % 2 == 0) {
				assertThat(notes(id, "SUPERVISION")).as("steps of %s", id).containsExactlyInAnyOrder("1", "2", "3", "4");
				assertThat(notes(id, "ASSIGNMENT_LATE")).isEmpty();
			}
			else {
				assertThat(notes(id, "ASSIGNMENT_LATE")).as("warning for %s", id).hasSize(1);
			}
		}
		for (String id : ids) {
			assertThat(supervision.advance(UUID.fromString(id), later)).isZero();
		}
		assertThat(f.assessor.get("/api/v1/proposals/" + ids.get(0)).json().get("supervisionLevel").asInt()).isEqualTo(4);
	}

	@Test
	void aPersistentTimerFollowsTheNextSupervisionTimeAndStopsWithTheReply() {
		ProposalFixture f = new ProposalFixture(port);
		String id = f.draft("定时器测试");
		f.step(f.deputy, id, "submit", Map.of());
		f.step(f.assessor, id, "register", Map.of());
		assertThat(timer(id)).as("the assignment warning of a proposal made between sessions").isNotNull();
		JsonNode assigned = f.step(f.assessor, id, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));
		Instant deadline = Instant.parse(assigned.get("deadline").asText());
		Instant reminder = timer(id);
		assertThat(reminder).isBefore(deadline).isAfter(deadline.minus(Duration.ofDays(10)));
		f.step(f.handler, id, "accept", Map.of());
		f.step(f.handler, id, "contact", Map.of("method", "PHONE"));
		f.step(f.handler, id, "reply", Map.of("replyClass", "C", "text", "受财力所限，暂不能解决，已作说明。"));
		assertThat(timer(id)).isNull();
		f.step(f.deputy, id, "evaluate", Map.of("grade", "UNSATISFIED"));
		assertThat(timer(id)).as("re-handling has its own deadline").isNotNull().isBefore(deadline);
	}

	private Instant timer(String id) {
		return jdbc.sql("select execution_time from scheduled_tasks where task_name = 'proposal-deadline' and task_instance = ?")
			.param(id).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
	}

	private List<String> notes(UUID id, String kind) {
		return jdbc.sql("select coalesce(note, '') from proposal_event where proposal_id = ? and kind = ?")
			.params(id, kind).query(String.class).list();
	}
}
