package org.lianluo.opinion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supervision (督办) and the rating window. Every due step is applied to the opinion in order, each in
 * its own transaction under the aggregate's version, so that with several nodes sweeping at once each
 * reminder, overdue notice and escalation happens exactly once: the loser of a race rolls back.
 */
@Service
public class Supervision {

	private static final Logger log = LoggerFactory.getLogger(Supervision.class);

	private static final int BATCH = 500;

	private final OpinionStore opinions;

	private final OpinionManagement management;

	private final Deadlines deadlines;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	Supervision(OpinionStore opinions, OpinionManagement management, Deadlines deadlines, JdbcClient jdbc,
			TransactionTemplate tx, Clock clock) {
		this.opinions = opinions;
		this.management = management;
		this.deadlines = deadlines;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	/** Everything due by now. */
	public Result sweep() {
		return sweep(clock.instant());
	}

	public Result sweep(Instant now) {
		int steps = 0;
		int closed = 0;
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		for (List<UUID> due = dueForSupervision(at, null); !due.isEmpty(); due = dueForSupervision(at, due.get(due.size() - 1))) {
			for (UUID id : due) {
				steps += advance(id, now);
			}
		}
		OffsetDateTime ratingCutoff = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(deadlines.ratingDays())), ZoneOffset.UTC);
		for (UUID id : jdbc.sql("select id from opinion where status = 'FED_BACK' and fed_back_at <= ? order by id")
			.param(ratingCutoff)
			.query(UUID.class)
			.list()) {
			closed += closeUnrated(id, now);
		}
		return new Result(steps, closed);
	}

	private List<UUID> dueForSupervision(OffsetDateTime at, UUID after) {
		return jdbc.sql("""
				select id from opinion where next_supervision_at <= ? and status in ('ASSIGNED', 'ACCEPTED', 'REOPENED')
				and (cast(? as uuid) is null or id > ?) order by id limit ?""")
			.params(at, after, after, BATCH)
			.query(UUID.class)
			.list();
	}

	/** Applies the steps of one opinion that are due by {@code now}; 0 when another node was first. */
	public int advance(UUID id, Instant now) {
		try {
			Integer done = tx.execute(status -> {
				Opinion o = opinions.findById(id).orElse(null);
				int steps = 0;
				while (o != null && o.getStatus().isHandling() && o.getNextSupervisionAt() != null
						&& !o.getNextSupervisionAt().isAfter(now) && o.getSupervisionLevel() < Deadlines.MAX_LEVEL) {
					int level = o.getSupervisionLevel() + 1;
					if (o.supervise(level, deadlines.nextStepAt(o.getDeadline(), level), now)) {
						steps++;
					}
				}
				if (steps > 0) {
					management.save(o);
				}
				return steps;
			});
			return done == null ? 0 : done;
		}
		catch (OptimisticLockingFailureException ex) {
			log.debug("Opinion {} was changed by someone else while supervising; the other change stands", id);
			return 0;
		}
	}

	private int closeUnrated(UUID id, Instant now) {
		try {
			return tx.execute(status -> {
				Opinion o = opinions.findById(id).orElseThrow();
				if (o.getStatus() != OpinionStatus.FED_BACK) {
					return 0;
				}
				o.closeUnrated("system", now);
				management.save(o);
				return 1;
			});
		}
		catch (OptimisticLockingFailureException ex) {
			return 0;
		}
	}

	/** What a sweep did. */
	public record Result(int supervisionSteps, int closedUnrated) {
	}
}
