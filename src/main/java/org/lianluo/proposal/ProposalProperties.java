package org.lianluo.proposal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The loop's rules, configurable under {@code lianluo.proposal.*}: assignment within 5 working days of
 * registration (between sessions), return within 7 working days, reply within 3 months, re-handling
 * within 1 month, and when supervision escalates; assisting units send
 * the lead unit their views within 1 month of assignment.
 */
@ConfigurationProperties("lianluo.proposal")
public record ProposalProperties(Integer assignmentWorkingDays, Integer returnWorkingDays, Integer replyMonths,
		Integer rehandlingMonths, Integer escalateAfterWorkingDays, Integer keySupervisionAfterWorkingDays, Integer assistingViewMonths) {

	public ProposalProperties {
		assignmentWorkingDays = assignmentWorkingDays == null ? 5 : assignmentWorkingDays;
		returnWorkingDays = returnWorkingDays == null ? 7 : returnWorkingDays;
		replyMonths = replyMonths == null ? 3 : replyMonths;
		rehandlingMonths = rehandlingMonths == null ? 1 : rehandlingMonths;
		escalateAfterWorkingDays = escalateAfterWorkingDays == null ? 5 : escalateAfterWorkingDays;
		keySupervisionAfterWorkingDays = keySupervisionAfterWorkingDays == null ? 10 : keySupervisionAfterWorkingDays;
		assistingViewMonths = assistingViewMonths == null ? 1 : assistingViewMonths;
	}
}
