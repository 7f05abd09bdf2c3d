package org.lianluo.opinion.internal;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.lianluo.platform.casework.CaseTimers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One persistent timer per opinion and supervision step ({@code <id>:<level>}), on the loops' shared
 * {@link CaseTimers}: set for when the next step falls due, moved when an extension moves the deadline, cancelled
 * when the opinion leaves handling.
 */
@Component
public class DeadlineTimers {

	private final CaseTimers timers;

	DeadlineTimers(ObjectProvider<SchedulerClient> scheduler) {
		this.timers = new CaseTimers(SupervisionTasks.DEADLINE_TASK, scheduler);
	}

	public void set(UUID opinionId, int nextLevel, Instant at) {
		timers.set(opinionId, nextLevel, at);
	}

	public void cancel(UUID opinionId, int nextLevel) {
		timers.cancel(opinionId, nextLevel);
	}
}
