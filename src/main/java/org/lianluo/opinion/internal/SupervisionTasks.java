package org.lianluo.opinion.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.lianluo.opinion.Supervision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervision sweep as a db-scheduler recurring task: persistent, run by one node at a time, and
 * picked up again by another node when one dies.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionTasks {

	@Bean
	RecurringTask<Void> opinionSupervisionSweep(Supervision supervision,
			@Value("${lianluo.opinion.sweep-interval:PT1M}") Duration interval) {
		return Tasks.recurring("opinion-supervision-sweep", FixedDelay.of(interval))
			.execute((instance, context) -> supervision.sweep());
	}
}
