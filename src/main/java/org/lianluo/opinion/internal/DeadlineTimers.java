package org.lianluo.opinion.internal;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One persistent db-scheduler timer per opinion and supervision step ({@code <id>:<level>}), set for
 * when the next step falls due, moved when an extension moves the deadline, cancelled when the opinion
 * leaves handling. A lost or late timer is harmless: the recurring sweep catches what is due, and a
 * timer that fires early or twice finds nothing to do.
 */
@Component
public class DeadlineTimers {

	private static final Logger log = LoggerFactory.getLogger(DeadlineTimers.class);

	private final ObjectProvider<SchedulerClient> scheduler;

	private final ObjectProvider<OneTimeTask<Void>> task;

	DeadlineTimers(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<OneTimeTask<Void>> task) {
		this.scheduler = scheduler;
		this.task = task;
	}

	public void set(UUID opinionId, int nextLevel, Instant at) {
		try {
			scheduler.getObject()
				.schedule(task.getObject().instance(instanceId(opinionId, nextLevel)), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		}
		catch (TaskInstanceCurrentlyExecutingException ex) {
			// That very timer is running right now and will find the new state itself; the sweep backs it up.
			log.debug("Timer {} of opinion {} is executing; not moved", nextLevel, opinionId);
		}
	}

	public void cancel(UUID opinionId, int nextLevel) {
		try {
			scheduler.getObject().cancel(TaskInstanceId.of(SupervisionTasks.DEADLINE_TASK, instanceId(opinionId, nextLevel)));
		}
		catch (RuntimeException ex) {
			log.debug("No timer {} to cancel for opinion {}", nextLevel, opinionId);
		}
	}

	static String instanceId(UUID opinionId, int level) {
		return opinionId + ":" + level;
	}

	static UUID opinionOf(String instanceId) {
		return UUID.fromString(instanceId.substring(0, instanceId.indexOf(':')));
	}
}
