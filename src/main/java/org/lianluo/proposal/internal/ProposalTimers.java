package org.lianluo.proposal.internal;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One persistent db-scheduler timer per proposal, set for its next supervision time (the assignment
 * warning or the next deadline step), moved when that time moves, cancelled when there is none. The
 * recurring sweep catches whatever a lost timer misses; a timer that fires early finds nothing to do.
 */
@Component
// Typed String (no data is stored) so that it is told apart from the opinion loop's timer task.
public class ProposalTimers {

	private static final Logger log = LoggerFactory.getLogger(ProposalTimers.class);

	private final ObjectProvider<SchedulerClient> scheduler;

	private final ObjectProvider<OneTimeTask<String>> task;

	ProposalTimers(ObjectProvider<SchedulerClient> scheduler,
			ObjectProvider<OneTimeTask<String>> task) {
		this.scheduler = scheduler;
		this.task = task;
	}

	public void set(UUID proposalId, Instant at) {
		scheduler.getObject()
			.schedule(task.getObject().instance(proposalId.toString()), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
	}

	public void cancel(UUID proposalId) {
		try {
			scheduler.getObject().cancel(TaskInstanceId.of(ProposalSupervisionTasks.DEADLINE_TASK, proposalId.toString()));
		}
		catch (RuntimeException ex) {
			log.debug("No timer to cancel for proposal {}", proposalId);
		}
	}
}
