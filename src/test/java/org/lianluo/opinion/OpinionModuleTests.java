package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.OpinionEvents.OpinionAssigned;
import org.lianluo.platform.Moment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The opinion module booted with the modules it depends on (no notification, search or report), driven through its
 * handlers with an explicit actor and moment: the events it publishes for the others, and a replayed moment that
 * the handlers take as the time of the step, whatever the clock says.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class OpinionModuleTests {

	@Autowired
	OpinionLoop loop;

	@Autowired
	Deadlines deadlines;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final Actor assessor = new Actor(UUID.randomUUID(), "module-assessor", "韦主任", EnumSet.of(Role.ASSESSOR), "451022",
			null, null);

	@Test
	void anAssignmentPublishesTheEventTheUnitIsToldBy(Scenario scenario) {
		UUID unit = unit();
		Opinion o = received(Moment.live(clock));
		Moment at = Moment.live(clock);

		scenario.stimulate(() -> loop.triage()
			.triage(new OpinionTriage.Triage(o.getId(), new TriageDecision.Assign(unit, List.of()), OpinionKind.INQUIRY, null,
					"请三日内答复"), assessor, at))
			.andWaitForEventOfType(OpinionAssigned.class)
			.matching(e -> e.opinionId().equals(o.getId()))
			.toArriveAndVerify(e -> {
				assertThat(e.leadUnitId()).isEqualTo(unit);
				assertThat(e.kind()).isEqualTo(OpinionKind.INQUIRY);
				assertThat(e.deadline()).isEqualTo(deadlines.forKind(OpinionKind.INQUIRY, at.now()));
			});

		assertThat(jdbc.sql("select note_key || '|' || actor_name || '|' || note from opinion_event where opinion_id = ? and to_status = 'ASSIGNED'")
			.param(o.getId()).query(String.class).single()).isEqualTo("opinion.note.assigned|韦主任|请三日内答复");
	}

	@Test
	void aReplayedStepHappensAtItsMomentNotAtTheClocks() {
		Instant past = Instant.parse("2025-03-03T02:00:00Z");
		Opinion o = received(Moment.replay(past));
		Opinion answered = loop.triage()
			.triage(new OpinionTriage.Triage(o.getId(), new TriageDecision.Answer("已当场答复：下周一起恢复供水。"), null, null, null),
					assessor, Moment.replay(past.plusSeconds(3600)));

		assertThat(o.getReceivedAt()).isEqualTo(past);
		assertThat(answered.getClosedAt()).isEqualTo(past.plusSeconds(3600));
		assertThat(jdbc.sql("select max(at) from opinion_event where opinion_id = ?").param(o.getId()).query(java.time.OffsetDateTime.class).single().toInstant())
			.isEqualTo(past.plusSeconds(3600));
	}

	private Opinion received(Moment at) {
		return loop.intake()
			.fromCitizen(new OpinionIntake.Submit(new Submission("那板村水渠堵塞，雨天积水严重。", "451022108", null, null, null, null,
					null, true, Channel.PORTAL, null, null), null), at);
	}

	private UUID unit() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into handling_unit (id, name, region_code, kind, created_at, updated_at)
				values (?, ?, '451022', 'GOVERNMENT_DEPARTMENT', now(), now())""")
			.params(id, "田东县水利局" + id.toString().substring(0, 8))
			.update();
		return id;
	}
}
