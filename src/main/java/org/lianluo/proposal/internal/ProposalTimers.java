package org.lianluo.proposal.internal;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.lianluo.platform.casework.CaseTimers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One persistent timer per proposal ({@code <id>}), on the loops' shared {@link CaseTimers}: set for its next
 * supervision time (the assignment warning or the next deadline step of a part), moved when that time moves,
 * cancelled when there is none.
 */
@Component
public class ProposalTimers {

	private final CaseTimers timers;

	ProposalTimers(ObjectProvider<SchedulerClient> scheduler) {
		this.timers = new CaseTimers(ProposalSupervisionTasks.DEADLINE_TASK, scheduler);
	}

	public void set(UUID proposalId, Instant at) {
		timers.set(proposalId, at);
	}

	public void cancel(UUID proposalId) {
		timers.cancel(proposalId);
	}
}
