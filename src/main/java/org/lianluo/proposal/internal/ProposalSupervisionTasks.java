package org.lianluo.proposal.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
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
		return Tasks.recurring("proposal-supervision-sweep", FixedDelay.of(interval))
			.execute((instance, context) -> supervision.getObject().sweep());
	}

	@Bean
	OneTimeTask<String> proposalDeadlineTimer(ObjectProvider<ProposalSupervision> supervision, Clock clock) {
		return Tasks.oneTime(DEADLINE_TASK, String.class)
			.execute((instance, context) -> supervision.getObject()
				.advance(UUID.fromString(instance.getId()), clock.instant()));
	}
}
