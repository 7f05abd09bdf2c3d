package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.opinion.OpinionEvents.OpinionAssigned;
import org.lianluo.opinion.OpinionEvents.OpinionSupervised;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.casework.Note;
import org.lianluo.platform.casework.SupervisionLadder;
import org.lianluo.platform.casework.WorkingDays;

/**
 * The {@link Opinion} aggregate alone, without Spring or a database: what each transition records on the timeline
 * (message keys naming units by reference, the person's words apart), the events it registers, and the supervision
 * ladder it climbs (DESIGN.md: reminder, overdue, escalated after 5 and key supervision after 10 working days).
 */
class OpinionTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 3 March 2025, 10:00 in Baise. */
	static final Instant MONDAY = LocalDate.of(2025, 3, 3).atTime(10, 0).atZone(ZONE).toInstant();

	/** Weekends off, no holidays. */
	static final WorkingDays WEEKDAYS = WorkingDays.of(day -> {
		LocalDate d = day.minusDays(1);
		while (d.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
			d = d.minusDays(1);
		}
		return d;
	}, (start, n) -> {
		LocalDate d = start;
		while (d.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
			d = d.plusDays(1);
		}
		for (int left = n; left > 0;) {
			d = d.plusDays(1);
			if (d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
				left--;
			}
		}
		return d;
	}, ZONE);

	final SupervisionLadder ladder = new SupervisionLadder(WEEKDAYS, 5, 10);

	final UUID unit = UUID.randomUUID();

	@Test
	void anAssignmentNamesItsUnitByReferenceAndKeepsTheAssessorsWordsApart() {
		Opinion o = received();
		Instant deadline = WEEKDAYS.endOf(LocalDate.of(2025, 3, 6));
		o.assign(unit, List.of(), deadline, ladder.firstStep(deadline), "assessor", MONDAY);
		o.noteOnTriage("请三日内答复");

		TimelineEntry assigned = o.takeNewEntries().get(0);
		assertThat(assigned.toStatus()).isEqualTo(OpinionStatus.ASSIGNED);
		assertThat(assigned.message()).isEqualTo(Note.of("opinion.note.assigned", "unit:" + unit, Note.WORDS));
		assertThat(assigned.note()).isEqualTo("请三日内答复");
		assertThat(o.takeEvents()).filteredOn(OpinionAssigned.class::isInstance)
			.singleElement()
			.isEqualTo(new OpinionAssigned(o.getId(), "ABCDEFGHJKMNP", OpinionKind.SUGGESTION, "451022", unit, deadline));
	}

	@Test
	void aReplyIsRecordedAsAMessageOfItsResultNotAnEnglishWord() {
		Opinion o = accepted();
		o.reply(ReplyResult.RESOLVED, "已修复", "handler", MONDAY.plusSeconds(7200));

		TimelineEntry replied = o.takeNewEntries().get(0);
		assertThat(replied.note()).isNull();
		assertThat(replied.message()).isEqualTo(Note.of("opinion.note.replied", "unit:" + unit, "msg:opinion.result.RESOLVED"));
	}

	@Test
	void theLadderClimbsEachStepOnceInOrderOnWorkingDays() {
		Opinion o = received();
		// Due Thursday 6 March: reminder Wednesday morning, overdue after Thursday, 督办 Thursday 13, 重点督办 Thursday 20.
		Instant deadline = WEEKDAYS.endOf(LocalDate.of(2025, 3, 6));
		o.assign(unit, List.of(), deadline, ladder.firstStep(deadline), "assessor", MONDAY);
		o.takeEvents();
		o.takeNewEntries();

		assertThat(ladder.stepAt(deadline, 1)).isEqualTo(WEEKDAYS.startOf(LocalDate.of(2025, 3, 5)));
		assertThat(ladder.stepAt(deadline, 3)).isEqualTo(WEEKDAYS.startOf(LocalDate.of(2025, 3, 13)));
		assertThat(ladder.stepAt(deadline, 4)).isEqualTo(WEEKDAYS.startOf(LocalDate.of(2025, 3, 20)));
		assertThat(ladder.climb(o, WEEKDAYS.startOf(LocalDate.of(2025, 3, 4)))).isZero();
		assertThat(ladder.climb(o, WEEKDAYS.startOf(LocalDate.of(2025, 3, 7)).plusSeconds(3600))).isEqualTo(2);
		assertThat(ladder.climb(o, WEEKDAYS.startOf(LocalDate.of(2025, 3, 31)))).isEqualTo(2);
		assertThat(ladder.climb(o, WEEKDAYS.startOf(LocalDate.of(2025, 4, 30)))).isZero();

		assertThat(o.takeEvents()).filteredOn(OpinionSupervised.class::isInstance)
			.extracting(e -> ((OpinionSupervised) e).level())
			.containsExactly(1, 2, 3, 4);
		assertThat(o.takeNewEntries()).extracting(TimelineEntry::note).containsExactly("1", "2", "3", "4");
		assertThat(o.getNextSupervisionAt()).isNull();
	}

	@Test
	void aReturnAfterItsWindowIsRefusedAndChangesNothing() {
		Opinion o = received();
		Instant deadline = WEEKDAYS.endOf(LocalDate.of(2025, 3, 20));
		o.assign(unit, List.of(), deadline, ladder.firstStep(deadline), "assessor", MONDAY);
		o.takeNewEntries();

		assertThatThrownBy(() -> o.returnToTriage("不是本单位职责", MONDAY.minusSeconds(1), "handler", MONDAY))
			.isInstanceOfSatisfying(LianluoException.class, e -> assertThat(e.status().value()).isEqualTo(409));
		assertThat(o.getStatus()).isEqualTo(OpinionStatus.ASSIGNED);
		assertThat(o.takeNewEntries()).isEmpty();
	}

	@Test
	void anUnsatisfiedGradeReopensTwiceAtMostThenCloses() {
		Opinion o = accepted();
		for (int round = 1; round <= 3; round++) {
			o.reply(ReplyResult.PLANNED, "已列入计划", "handler", MONDAY);
			o.review(true, null, "assessor", MONDAY);
			o.evaluate(Grade.UNSATISFIED, null, Rater.CITIZEN, MONDAY, MONDAY, "citizen", MONDAY);
			if (round <= Opinion.MAX_REOPENINGS) {
				assertThat(o.getStatus()).isEqualTo(OpinionStatus.REOPENED);
				o.accept("handler", MONDAY);
			}
		}
		assertThat(o.getStatus()).isEqualTo(OpinionStatus.CLOSED);
		assertThat(o.getReopenCount()).isEqualTo(2);
		assertThat(o.takeNewEntries()).last()
			.extracting(TimelineEntry::message)
			.isEqualTo(Note.of("opinion.note.closed", "msg:opinion.grade.UNSATISFIED"));
	}

	@Test
	void eachTriageDecisionChecksItsOwnFieldsWithTheMessagesCallersKnow() {
		assertThat(field(() -> new TriageDecision.Answer("  ").checked())).isEqualTo("answer");
		assertThat(field(() -> new TriageDecision.Merge(null).checked())).isEqualTo("primaryId");
		assertThat(field(() -> new TriageDecision.Reject(null, "信访").checked())).isEqualTo("reason");
		assertThat(field(() -> new TriageDecision.Assign(null, null).checked())).isEqualTo("leadUnitId");
		assertThat(field(() -> new TriageDecision.ToConsultation(null, 3).checked())).isEqualTo("consultationId");
		assertThat(new TriageDecision.Assign(unit, null).checked().assistingUnitIds()).isEmpty();
		assertThat(new TriageDecision.Reject(" 不属于人大职责 ", " ").checked())
			.isEqualTo(new TriageDecision.Reject("不属于人大职责", null));
	}

	private static String field(Runnable making) {
		try {
			making.run();
		}
		catch (LianluoException ex) {
			assertThat(ex.status().value()).isEqualTo(400);
			return ex.fieldProblems().get(0).field();
		}
		throw new AssertionError("accepted");
	}

	private Opinion received() {
		Opinion o = Opinion.receive(new Opinion.Intake("那板村路灯坏了三个月", "451022", null, OpinionKind.SUGGESTION,
				Category.INFRASTRUCTURE, Channel.PORTAL, null, null, null, true, null, Set.of()), "ABCDEFGHJKMNP", "citizen",
				MONDAY.minusSeconds(3600));
		assertThat(o.takeNewEntries()).singleElement()
			.extracting(TimelineEntry::message)
			.isEqualTo(Note.of("opinion.note.received", "msg:opinion.channel.PORTAL"));
		return o;
	}

	private Opinion accepted() {
		Opinion o = received();
		Instant deadline = WEEKDAYS.endOf(LocalDate.of(2025, 3, 20));
		o.assign(unit, List.of(), deadline, ladder.firstStep(deadline), "assessor", MONDAY);
		o.accept("handler", MONDAY.plusSeconds(3600));
		o.takeNewEntries();
		o.takeEvents();
		return o;
	}
}
