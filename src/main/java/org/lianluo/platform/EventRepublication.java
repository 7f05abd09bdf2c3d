package org.lianluo.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Listeners that run after commit ({@code @ApplicationModuleListener}) get their events through Spring Modulith's
 * publication registry, which keeps a publication incomplete until its listener's transaction commits. This
 * db-scheduler task, run by one node at a time, hands publications that stayed incomplete for
 * {@code lianluo.events.republish-after} (node killed, listener failed) to their listeners again, every
 * {@code lianluo.events.republish-interval}. Two nodes may still deliver one publication twice, so every such
 * listener must be idempotent, as DESIGN.md asks of all of them.
 */
@Configuration(proxyBeanMethods = false)
class EventRepublication {

	@Bean
	RecurringTask<Void> eventRepublish(IncompleteEventPublications incomplete, Clock clock,
			@Value("${lianluo.events.republish-after:PT10M}") Duration after,
			@Value("${lianluo.events.republish-interval:PT5M}") Duration interval) {
		return Tasks.recurring("event-republish", FixedDelay.of(interval))
			.execute((instance, context) -> {
				Instant before = clock.instant().minus(after);
				incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(before));
			});
	}
}
