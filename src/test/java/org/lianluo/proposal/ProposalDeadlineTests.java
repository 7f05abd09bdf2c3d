package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.platform.LianluoException;
import org.lianluo.region.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The proposal loop's deadlines on the 2026 calendar: Spring Festival holidays 02-15..02-23 with the
 * working Saturdays 02-14 and 02-28, National Day 10-01..10-07 with the working Saturday 10-10.
 */
@LianluoTest
class ProposalDeadlineTests {

	@Autowired
	ProposalDeadlines deadlines;

	@ParameterizedTest(name = "registered {0} → assign by {1}")
	@CsvSource({
			"2026-02-12T10:00, 2026-02-26", // Fri 13, Sat 14 (worked), then 24, 25, 26 after the holiday
			"2026-02-13T16:00, 2026-02-27",
			"2026-09-29T09:00, 2026-10-12", // Wed 30, then 8, 9, Sat 10 (worked), Mon 12
			"2026-10-03T09:00, 2026-10-14" }) // registered on a holiday: counting starts from Thu 8
	void assignmentWithinFiveWorkingDaysOfRegistration(String registeredAt, LocalDate due) {
		assertEndOf(deadlines.assignmentDue(at(registeredAt)), due);
	}

	@ParameterizedTest(name = "assigned {0} → return by {1}")
	@CsvSource({
			"2026-02-11T10:00, 2026-02-27", // 12, 13, 14, 24, 25, 26, 27
			"2026-09-30T10:00, 2026-10-15" }) // 8, 9, 10, 12, 13, 14, 15
	void returnWithinSevenWorkingDaysOfAssignment(String assignedAt, LocalDate until) {
		assertEndOf(deadlines.returnWindowEnd(at(assignedAt)), until);
	}

	@ParameterizedTest(name = "assigned {0} → reply by {1}")
	@CsvSource({
			"2025-11-20T10:00, 2026-02-24", // 02-20 falls in the Spring Festival
			"2025-11-14T10:00, 2026-02-14", // a Saturday, but worked before the festival
			"2026-07-03T10:00, 2026-10-08", // 10-03 falls in National Day
			"2026-06-10T10:00, 2026-09-10" })
	void replyWithinThreeMonthsOfAssignment(String assignedAt, LocalDate by) {
		assertEndOf(deadlines.reply(at(assignedAt)), by);
	}

	@ParameterizedTest(name = "rated {0} → re-handled by {1}")
	@CsvSource({
			"2026-01-17T10:00, 2026-02-24", // 02-17 is New Year's Day of the Spring Festival
			"2026-09-05T10:00, 2026-10-08", // 10-05 in National Day
			"2026-03-10T10:00, 2026-04-10" })
	void rehandlingWithinOneMonth(String ratedAt, LocalDate by) {
		assertEndOf(deadlines.rehandling(at(ratedAt)), by);
	}

	@ParameterizedTest(name = "assigned {0} → assisting views by {1}")
	@CsvSource({
			"2026-01-20T10:00, 2026-02-24", // 02-20 falls in the Spring Festival
			"2026-09-03T10:00, 2026-10-08", // 10-03 falls in National Day
			"2026-03-10T10:00, 2026-04-10" })
	void assistingViewsWithinOneMonthOfAssignment(String assignedAt, LocalDate by) {
		assertEndOf(deadlines.assistingView(at(assignedAt)), by);
	}

	@Test
	void anAssistingViewIsLateOnlyAfterTheFestivalAndOnlyForTheUnitThatDidNotSendIt() {
		Instant assignedAt = at("2026-01-20T10:00");
		UUID lead = UUID.randomUUID();
		UUID sent = UUID.randomUUID();
		UUID silent = UUID.randomUUID();
		Proposal p = Proposal.draft(UUID.randomUUID(), "451022", UUID.randomUUID(), "标题", "内容内容内容内容内容内容", List.of(),
				"deputy", assignedAt.minusSeconds(3600));
		p.submit(true, "deputy", assignedAt.minusSeconds(3000));
		p.register(1, assignedAt, "assessor", assignedAt.minusSeconds(2000));
		p.assign(AssignmentMode.LEAD, lead, List.of(sent, silent), deadlines.reply(assignedAt), null,
				deadlines.assistingView(assignedAt), "assessor", assignedAt);
		p.recordAssistingView(sent, "同意主办单位意见。", "water", at("2026-02-10T10:00"));
		assertThat(p.warnAssistingViewsLate(at("2026-02-20T10:00"), UUID::toString)).as("during the festival").isZero();
		assertThat(p.warnAssistingViewsLate(at("2026-02-24T17:00"), UUID::toString)).as("the last day").isZero();
		assertThat(p.assistingViewsMissing()).containsExactly(silent);
		assertThat(p.warnAssistingViewsLate(at("2026-02-25T09:00"), UUID::toString)).isEqualTo(1);
		assertThat(p.warnAssistingViewsLate(at("2026-02-26T09:00"), UUID::toString)).as("once").isZero();
		assertThat(p.takeNewEntries().stream().filter(e -> e.kind() == ProposalTimelineEntry.Kind.ASSISTING_VIEW_LATE)
			.map(ProposalTimelineEntry::note)).containsExactly(silent.toString());
	}

	@Test
	void anExtensionAddsMonthsToTheDeadlineAndTheReminderFallsOnTheLastWorkingDayBefore() {
		Instant deadline = WorkingCalendar.endOf(LocalDate.of(2026, 7, 1));
		assertEndOf(deadlines.extend(deadline, 3), LocalDate.of(2026, 10, 8));
		Instant afterFestival = WorkingCalendar.endOf(LocalDate.of(2026, 2, 24));
		assertThat(deadlines.stepAt(afterFestival, 1)).isEqualTo(WorkingCalendar.startOf(LocalDate.of(2026, 2, 14)));
		assertThat(deadlines.stepAt(afterFestival, 2)).isAfter(afterFestival);
		// five working days overdue: 25, 26, 27, Sat 28 (worked), Mon 03-02
		assertThat(deadlines.stepAt(afterFestival, 3)).isEqualTo(WorkingCalendar.startOf(LocalDate.of(2026, 3, 2)));
	}

	@Test
	void aUnitMayReturnOnTheSeventhWorkingDayAcrossTheFestivalButNotAfter() {
		Instant assignedAt = at("2026-02-11T10:00");
		Instant window = deadlines.returnWindowEnd(assignedAt);
		Proposal inTime = assignedProposal(assignedAt);
		inTime.returnForReassignment(inTime.getLeadUnitId(), "不属本单位职责", window, "handler", at("2026-02-27T17:00"));
		Proposal late = assignedProposal(assignedAt);
		assertThatThrownBy(() -> late.returnForReassignment(late.getLeadUnitId(), "不属本单位职责", window, "handler",
				at("2026-02-28T09:00")))
			.isInstanceOfSatisfying(LianluoException.class, e -> assertThat(e.messageKey()).isEqualTo("proposal.return.too-late"));
	}

	private static Proposal assignedProposal(Instant assignedAt) {
		Proposal p = Proposal.draft(UUID.randomUUID(), "451022", UUID.randomUUID(), "标题", "内容内容内容内容内容内容", List.of(),
				"deputy", assignedAt.minusSeconds(3600));
		p.submit(true, "deputy", assignedAt.minusSeconds(3000));
		p.register(1, assignedAt, "assessor", assignedAt.minusSeconds(2000));
		p.assign(AssignmentMode.SEPARATE, UUID.randomUUID(), List.of(), assignedAt.plusSeconds(86400 * 90), null,
				"assessor", assignedAt);
		return p;
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
	}

	private static void assertEndOf(Instant actual, LocalDate day) {
		assertThat(actual).isEqualTo(WorkingCalendar.endOf(day));
	}
}
