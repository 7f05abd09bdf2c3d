package org.lianluo.proposal.internal;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.lianluo.platform.casework.CaseTimers;
import org.lianluo.proposal.ProposalSupervision;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Proposal supervision on db-scheduler: a timer per proposal and a recurring sweep as the safety net. */
@Configuration(proxyBeanMethods = false)
class ProposalSupervisionTasks {

	static final String DEADLINE_TASK = "proposal-deadline";

	@Bean
	RecurringTask<Void> proposalSupervisionSweep(ObjectProvider<ProposalSupervision> supervision,
			@Value("${lianluo.proposal.sweep-interval:PT1M}") Duration interval) {
		return CaseTimers.sweepTask("proposal-supervision-sweep", interval, () -> supervision.getObject().sweep());
	}

	@Bean
	OneTimeTask<Void> proposalDeadlineTimer(ObjectProvider<ProposalSupervision> supervision, Clock clock) {
		return CaseTimers.timerTask(DEADLINE_TASK, clock, (id, now) -> supervision.getObject().advance(id, now));
	}
}
