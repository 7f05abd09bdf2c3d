package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.ProposalCommands.Accept;
import org.lianluo.proposal.ProposalCommands.Assign;
import org.lianluo.proposal.ProposalCommands.Draft;
import org.lianluo.proposal.ProposalCommands.Evaluate;
import org.lianluo.proposal.ProposalCommands.RecordContact;
import org.lianluo.proposal.ProposalCommands.Register;
import org.lianluo.proposal.ProposalCommands.Reply;
import org.lianluo.proposal.ProposalCommands.Submit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How long whole proposal loops take through the handlers and the store (draft to rating, eight commands each),
 * one unit with an assisting unit and three units separately. Printed, not asserted: it compares ways to persist.
 */
@LianluoTest
class ProposalLoopTiming {

	static final int LOOPS = 60;

	@LocalServerPort
	int port;

	@Autowired
	ProposalSteps steps;

	@Autowired
	Clock clock;

	@Test
	void wholeLoops() {
		ProposalFixture f = new ProposalFixture(port);
		UUID session = UUID.fromString(f.sessionId);
		UUID unit = UUID.fromString(f.unitId);
		UUID other = UUID.fromString(f.otherUnitId);
		Actor deputy = actor(Role.DEPUTY, null, UUID.fromString(f.deputyId));
		Actor office = actor(Role.ASSESSOR, null, null);
		Actor handler = actor(Role.UNIT_HANDLER, unit, null);
		Actor otherHandler = actor(Role.UNIT_HANDLER, other, null);
		loops(5, session, deputy, office, List.of(handler), null);
		long one = loops(LOOPS, session, deputy, office, List.of(handler), other);
		long separate = loops(LOOPS, session, deputy, office, List.of(handler, otherHandler), null);
		System.out.printf("proposal loop timing: one unit with an assisting unit %.1f ms, two units separately %.1f ms "
				+ "per loop (%d loops each)%n", one / 1e6 / LOOPS, separate / 1e6 / LOOPS, LOOPS);
	}

	private long loops(int n, UUID session, Actor deputy, Actor office, List<Actor> handlers, UUID assisting) {
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			Proposal p = steps.draft(new Draft(session, "关于计时的建议" + i, "建议把乡村道路修好，方便群众出行。", List.of()), deputy, now());
			UUID id = p.getId();
			steps.take(new Submit(id), deputy, now());
			steps.take(new Register(id), office, now());
			Assign assign = handlers.size() == 1
					? new Assign(id, AssignmentMode.LEAD, handlers.get(0).unitId(), assisting == null ? List.of() : List.of(assisting), null)
					: new Assign(id, AssignmentMode.SEPARATE, null, null, handlers.stream().map(Actor::unitId).toList());
			steps.take(assign, office, now());
			for (Actor h : handlers) {
				steps.take(new Accept(id), h, now());
				steps.take(new RecordContact(id, ContactMethod.PHONE, null), h, now());
				steps.take(new Reply(id, ReplyClass.A, "已办结", false, false), h, now());
			}
			for (Actor h : handlers) {
				p = steps.take(new Evaluate(id, handlers.size() == 1 ? null : h.unitId(), Verdict.SATISFIED, null), deputy, now());
			}
			assertThat(p.getStatus()).isEqualTo(ProposalStatus.CLOSED);
		}
		return System.nanoTime() - start;
	}

	private Moment now() {
		return Moment.live(clock);
	}

	private static Actor actor(Role role, UUID unit, UUID deputy) {
		return new Actor(UUID.randomUUID(), "timing-" + role, "timing", EnumSet.of(role), "451022", unit, deputy);
	}
}
