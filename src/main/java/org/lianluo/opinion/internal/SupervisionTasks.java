package org.lianluo.opinion.internal;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.lianluo.opinion.Supervision;
import org.lianluo.platform.casework.CaseTimers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Supervision on db-scheduler: a timer per deadline step, and a recurring sweep as the safety net. Both
 * are persistent, run on one node at a time, and are picked up by another node when one dies.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionTasks {

	static final String DEADLINE_TASK = "opinion-deadline";

	@Bean
	RecurringTask<Void> opinionSupervisionSweep(ObjectProvider<Supervision> supervision,
			@Value("${lianluo.opinion.sweep-interval:PT1M}") Duration interval) {
		return CaseTimers.sweepTask("opinion-supervision-sweep", interval, () -> supervision.getObject().sweep());
	}

	@Bean
	OneTimeTask<Void> opinionDeadlineTimer(ObjectProvider<Supervision> supervision, Clock clock) {
		return CaseTimers.timerTask(DEADLINE_TASK, clock, (id, now) -> supervision.getObject().advance(id, now));
	}
}
