package org.lianluo.platform.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Persistent db-scheduler timers, one per case (instance {@code <id>}) or per case and step ({@code <id>:<step>}),
 * set for when the next step falls due, moved when the deadline moves, cancelled when there is none. A lost or late
 * timer is harmless: the recurring {@link Sweep} catches what is due, and a timer that fires early or twice finds
 * nothing to do. The tasks themselves are made by {@link #timerTask} and {@link #sweepTask} and declared as beans.
 */
public final class CaseTimers {

	private static final Logger log = LoggerFactory.getLogger(CaseTimers.class);

	private final String taskName;

	private final ObjectProvider<SchedulerClient> scheduler;

	public CaseTimers(String taskName, ObjectProvider<SchedulerClient> scheduler) {
		this.taskName = taskName;
		this.scheduler = scheduler;
	}

	public void set(UUID caseId, int step, Instant at) {
		set(caseId + ":" + step, at);
	}

	public void set(UUID caseId, Instant at) {
		set(caseId.toString(), at);
	}

	public void cancel(UUID caseId, int step) {
		cancel(caseId + ":" + step);
	}

	public void cancel(UUID caseId) {
		cancel(caseId.toString());
	}

	private void set(String instance, Instant at) {
		try {
			scheduler.getObject().schedule(new TaskInstance<Void>(taskName, instance), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		}
		catch (TaskInstanceCurrentlyExecutingException ex) {
			// That very timer is running right now and will find the new state itself; the sweep backs it up.
			log.debug("Timer {} of {} is executing; not moved", instance, taskName);
		}
	}

	private void cancel(String instance) {
		try {
			scheduler.getObject().cancel(TaskInstanceId.of(taskName, instance));
		}
		catch (RuntimeException ex) {
			log.debug("No timer {} of {} to cancel", instance, taskName);
		}
	}

	/** The case a timer instance ({@code <id>} or {@code <id>:<step>}) is for. */
	public static UUID caseOf(String instance) {
		int colon = instance.indexOf(':');
		return UUID.fromString(colon < 0 ? instance : instance.substring(0, colon));
	}

	/** The one-time task behind the timers: advances the timer's case to the clock's now. */
	public static OneTimeTask<Void> timerTask(String taskName, Clock clock, BiConsumer<UUID, Instant> advance) {
		return Tasks.oneTime(taskName).execute((instance, context) -> advance.accept(caseOf(instance.getId()), clock.instant()));
	}

	/** The recurring sweep: persistent, one node at a time, taken over by another node when one dies. */
	public static RecurringTask<Void> sweepTask(String name, Duration interval, Runnable sweep) {
		return Tasks.recurring(name, FixedDelay.of(interval)).execute((instance, context) -> sweep.run());
	}
}
