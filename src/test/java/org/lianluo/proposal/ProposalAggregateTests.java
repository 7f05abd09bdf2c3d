package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.platform.LianluoException;
import org.lianluo.proposal.ProposalTimelineEntry.Kind;

/** The proposal aggregate on its own, without Spring or a database: its transitions and what follows from its parts. */
class ProposalAggregateTests {

	static final Instant T0 = Instant.parse("2025-03-03T02:00:00Z");

	final UUID roads = UUID.randomUUID();

	final UUID water = UUID.randomUUID();

	final UUID schools = UUID.randomUUID();

	final UUID finance = UUID.randomUUID();

	static Instant day(int n) {
		return T0.plus(n, ChronoUnit.DAYS);
	}

	static Proposal registered() {
		Proposal p = Proposal.draft(UUID.randomUUID(), "451022", UUID.randomUUID(), "关于修缮乡村道路的建议",
				"建议尽快修缮乡村道路，方便群众出行。", List.of(), "deputy", T0);
		p.submit(true, "deputy", day(1));
		p.register(7, day(8), "office", day(2));
		return p;
	}

	@Test
	void aLeadUnitWithAnAssistingUnitRepliesAfterContactAndTheRatingClosesIt() {
		Proposal p = registered();
		p.assign(AssignmentMode.LEAD, roads, List.of(finance), day(92), day(91), day(33), "office", day(3));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThat(p.getHandlingUnitIds()).containsExactly(roads);
		assertThat(p.assistingViewsMissing()).containsExactly(finance);

		p.recordAssistingView(finance, "资金可以安排", "finance", day(4));
		p.accept(roads, "roads", day(4));
		assertThatThrownBy(() -> p.reply(roads, ReplyClass.B, "正在办理", false, false, "roads", day(5)))
			.isInstanceOf(LianluoException.class).hasMessageContaining("proposal.reply.contact-first");
		p.recordContact(roads, ContactMethod.FACE_TO_FACE, "面商", "roads", day(5));
		p.reply(roads, ReplyClass.B, "正在办理", false, false, "roads", day(6));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.REPLIED);
		assertThat(p.getReplyClass()).isEqualTo(ReplyClass.B);
		assertThat(p.getRepliedOnTime()).isTrue();

		p.evaluate(null, Verdict.BASICALLY_SATISFIED, null, day(36), day(35), "deputy", day(7));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.CLOSED);
		assertThat(p.getGrade()).isEqualTo(Verdict.BASICALLY_SATISFIED);
		assertThat(p.assistingViewsMissing()).isEmpty();
	}

	@Test
	void separatePartsMakeTheProposalRepliedOnlyOnceEveryUnitHasWithTheWeakestClass() {
		Proposal p = registered();
		p.assignSeparately(List.of(roads, water, schools), day(92), day(91), "office", day(3));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThat(p.getHandlingUnitIds()).containsExactlyInAnyOrder(roads, water, schools);

		reply(p, roads, ReplyClass.A, day(4));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.HANDLING);
		assertThat(p.getReplyClass()).isNull();
		reply(p, water, ReplyClass.C, day(5));
		reply(p, schools, ReplyClass.B, day(6));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.REPLIED);
		assertThat(p.getReplyClass()).isEqualTo(ReplyClass.C);
		assertThat(p.getRepliedAt()).isEqualTo(day(6));

		p.evaluate(roads, Verdict.SATISFIED, null, day(37), day(36), "deputy", day(7));
		p.evaluate(water, Verdict.UNSATISFIED, "没有解决", day(37), day(36), "deputy", day(7));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.RE_HANDLING);
		p.evaluate(schools, Verdict.BASICALLY_SATISFIED, null, day(37), day(36), "deputy", day(8));
		assertThat(p.getGrade()).as("each part's last verdict stands while it re-handles").isEqualTo(Verdict.UNSATISFIED);
		assertThat(p.getReplyClass()).as("and its last reply").isEqualTo(ReplyClass.C);

		reply(p, water, ReplyClass.B, day(9));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.REPLIED);
		assertThat(p.getReplyClass()).isEqualTo(ReplyClass.B);
		p.evaluate(water, Verdict.UNSATISFIED, null, day(40), day(39), "deputy", day(10));
		assertThat(p.getStatus()).as("one re-handling only: the second verdict closes it").isEqualTo(ProposalStatus.CLOSED);
		assertThat(p.getGrade()).isEqualTo(Verdict.UNSATISFIED);
	}

	@Test
	void aReturnedPartLeavesTheOthersGoingAndTheLastReturnedMakesItAssignableAgain() {
		Proposal p = registered();
		p.assignSeparately(List.of(roads, water), day(92), day(91), "office", day(3));
		p.returnForReassignment(roads, "不属本单位", day(10), "roads", day(4));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThat(p.getHandlingUnitIds()).containsExactly(water);

		assertThatThrownBy(() -> p.returnForReassignment(water, "不属本单位", day(4), "water", day(5)))
			.isInstanceOf(LianluoException.class).hasMessageContaining("proposal.return.too-late");
		p.returnForReassignment(water, "不属本单位", day(10), "water", day(5));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.RETURNED);
		assertThat(p.getHandlingUnitIds()).isEmpty();

		p.assign(AssignmentMode.SEPARATE, schools, List.of(), day(95), day(94), null, "office", day(6));
		assertThat(p.getStatus()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThat(p.getHandlingUnitIds()).containsExactly(schools);
	}

	@Test
	void aUnitThatHoldsNoPartIsRefusedAndAnExtensionIsGrantedOnce() {
		Proposal p = registered();
		p.assign(AssignmentMode.SEPARATE, roads, List.of(), day(92), day(91), null, "office", day(3));
		assertThatThrownBy(() -> p.accept(water, "water", day(4)))
			.isInstanceOfSatisfying(LianluoException.class, e -> assertThat(e.status().value()).isEqualTo(403));

		p.requestExtension(roads, 3, "需要协调资金", "roads", day(4));
		assertThat(p.getStatus()).as("asking for time signs for it").isEqualTo(ProposalStatus.HANDLING);
		assertThat(p.pendingExtensionMonths(null)).isEqualTo(3);
		p.decideExtension(null, true, day(182), day(181), null, "office", day(5));
		assertThat(p.getDeadline()).isEqualTo(day(182));
		assertThat(p.extensionNoticeMissing(roads)).isTrue();
		assertThatThrownBy(() -> p.requestExtension(roads, 1, "还要时间", "roads", day(6)))
			.isInstanceOfSatisfying(LianluoException.class, e -> assertThat(e.status().value()).isEqualTo(409));
		p.recordExtensionNotice(roads, "已书面告知", "roads", day(6));
		assertThat(p.extensionNoticeMissing(roads)).isFalse();
	}

	@Test
	void everyTransitionIsOnTheTimelineAndDraftsAreWithdrawnOnlyBeforeRegistration() {
		Proposal p = registered();
		assertThat(p.takeNewEntries()).filteredOn(e -> e.kind() == Kind.TRANSITION)
			.extracting(ProposalTimelineEntry::toStatus)
			.containsExactly(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.REGISTERED);
		assertThatThrownBy(() -> p.withdraw("deputy", day(3)))
			.isInstanceOfSatisfying(LianluoException.class, e -> assertThat(e.status().value()).isEqualTo(409));
		assertThat(p.getNumber()).isEqualTo(7);
	}

	private static void reply(Proposal p, UUID unit, ReplyClass c, Instant at) {
		p.recordContact(unit, ContactMethod.PHONE, null, "unit", at);
		p.reply(unit, c, "答复", false, false, "unit", at);
	}
}
