package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lianluo.platform.LianluoException;

import static org.lianluo.opinion.OpinionStatus.*;

/** Random sequences of actions never take an opinion along an edge that DESIGN.md's diagram lacks. */
class OpinionStateMachineProperties {

	private static final Map<OpinionStatus, Set<OpinionStatus>> EDGES = Map.ofEntries(
			Map.entry(RECEIVED, EnumSet.of(ANSWERED, MERGED, REJECTED, ASSIGNED, TO_PROPOSAL, TO_CONSULTATION)),
			Map.entry(MERGED, EnumSet.of(RECEIVED)),
			Map.entry(ASSIGNED, EnumSet.of(ACCEPTED, RECEIVED)),
			Map.entry(ACCEPTED, EnumSet.of(REPLIED)),
			Map.entry(REPLIED, EnumSet.of(FED_BACK, ACCEPTED)),
			Map.entry(FED_BACK, EnumSet.of(CLOSED, REOPENED)),
			Map.entry(REOPENED, EnumSet.of(ACCEPTED)),
			Map.entry(ANSWERED, EnumSet.noneOf(OpinionStatus.class)),
			Map.entry(REJECTED, EnumSet.noneOf(OpinionStatus.class)),
			Map.entry(CLOSED, EnumSet.noneOf(OpinionStatus.class)));

	enum Action {
		ANSWER, MERGE, UNMERGE, REJECT, ASSIGN, ACCEPT, RETURN, RETURN_LATE, EXTEND, APPROVE, DENY, REPLY, APPROVE_REPLY,
		SEND_BACK, SATISFIED, UNSATISFIED, UNRATED, IMPLEMENT, SUPERVISE
	}

	@Provide
	Arbitrary<List<Action>> actions() {
		return Arbitraries.of(Action.class).list().ofMinSize(1).ofMaxSize(40);
	}

	@Property(tries = 1000)
	void noSequenceLeavesTheDiagram(@ForAll("actions") List<Action> actions) {
		Instant now = Instant.parse("2025-03-03T02:00:00Z");
		Opinion o = Opinion.receive(new Opinion.Intake("路灯坏了请维修", "451022", null, OpinionKind.SUGGESTION,
				Category.OTHER, Channel.PORTAL, null, null, null, true, null, Set.of()), "ABCDEFGHJKMNP", "t", now);
		Opinion primary = Opinion.receive(new Opinion.Intake("主件内容足够长", "451022", null, OpinionKind.SUGGESTION,
				Category.OTHER, Channel.PORTAL, null, null, null, true, null, Set.of()), "BCDEFGHJKMNPQ", "t", now);
		o.takeNewEntries();
		for (Action a : actions) {
			now = now.plusSeconds(3600);
			OpinionStatus before = o.getStatus();
			int reopenings = o.getReopenCount();
			try {
				apply(o, primary, a, now);
			}
			catch (LianluoException refused) {
				assertThat(refused.status().value()).isIn(403, 409);
				assertThat(o.getStatus()).isEqualTo(before);
				continue;
			}
			if (o.getStatus() != before) {
				assertThat(EDGES.get(before)).as("%s -> %s by %s", before, o.getStatus(), a).contains(o.getStatus());
			}
			assertThat(o.getReopenCount()).isLessThanOrEqualTo(Opinion.MAX_REOPENINGS).isGreaterThanOrEqualTo(reopenings);
			if (o.getStatus().isHandling()) {
				assertThat(o.getDeadline()).isNotNull();
				assertThat(o.getLeadUnitId()).isNotNull();
			}
		}
		o.takeNewEntries().forEach(e -> {
			if (e.kind() == TimelineEntry.Kind.TRANSITION && e.fromStatus() != null) {
				assertThat(EDGES.get(e.fromStatus())).contains(e.toStatus());
			}
		});
	}

	private static void apply(Opinion o, Opinion primary, Action a, Instant now) {
		Instant deadline = now.plusSeconds(86_400 * 5);
		switch (a) {
			case ANSWER -> o.answer("当场答复", "t", now);
			case MERGE -> o.mergeInto(primary, "t", now);
			case UNMERGE -> o.unmerge("t", now);
			case REJECT -> o.reject("不属于人大职责", "信访", "t", now);
			case ASSIGN -> o.assign(UUID.randomUUID(), List.of(), deadline, now, "t", now);
			case ACCEPT -> o.accept("t", now);
			case RETURN -> o.returnToTriage("不是本单位", now.plusSeconds(60), "t", now);
			case RETURN_LATE -> o.returnToTriage("不是本单位", now.minusSeconds(60), "t", now);
			case EXTEND -> o.requestExtension(3, "协调", 1, "t", now);
			case APPROVE -> o.decideExtension(true, deadline.plusSeconds(86_400 * 3), deadline, null, "t", now);
			case DENY -> o.decideExtension(false, null, null, null, "t", now);
			case REPLY -> o.reply(ReplyResult.RESOLVED, "已办", "t", now);
			case APPROVE_REPLY -> o.review(true, null, "t", now);
			case SEND_BACK -> o.review(false, "重办", "t", now);
			case SATISFIED -> o.evaluate(Grade.SATISFIED, null, Rater.CITIZEN, deadline, deadline, "t", now);
			case UNSATISFIED -> o.evaluate(Grade.UNSATISFIED, null, Rater.CITIZEN, deadline, deadline, "t", now);
			case UNRATED -> o.closeUnrated("t", now);
			case IMPLEMENT -> o.markImplemented("落地", "t", now);
			case SUPERVISE -> o.supervise(o.getSupervisionLevel() + 1, deadline, now);
		}
	}
}
