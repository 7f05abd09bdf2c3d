package org.lianluo.opinion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.lianluo.platform.casework.Sweep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supervision (督办) and the rating window, on the loops' shared {@link Sweep} and supervision ladder: every due
 * step is applied to the opinion in order, each opinion in its own transaction under the aggregate's version, so
 * that with several nodes sweeping at once each reminder, overdue notice and escalation happens exactly once.
 */
@Service
public class Supervision {

	private final Opinions opinions;

	private final Deadlines deadlines;

	private final JdbcClient jdbc;

	private final Sweep sweep;

	private final Clock clock;

	Supervision(Opinions opinions, Deadlines deadlines, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.opinions = opinions;
		this.deadlines = deadlines;
		this.jdbc = jdbc;
		this.sweep = new Sweep("opinion", tx);
		this.clock = clock;
	}

	/** Everything due by now. */
	public Result sweep() {
		return sweep(clock.instant());
	}

	public Result sweep(Instant now) {
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		int steps = sweep.over((after, limit) -> jdbc.sql("""
				select id from opinion where next_supervision_at <= ? and status in ('ASSIGNED', 'ACCEPTED', 'REOPENED')
				and (cast(? as uuid) is null or id > ?) order by id limit ?""")
			.params(at, after, after, limit)
			.query(UUID.class)
			.list(), id -> climb(id, now));
		OffsetDateTime ratingCutoff = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(deadlines.ratingDays())), ZoneOffset.UTC);
		int closed = sweep.over((after, limit) -> jdbc.sql("""
				select id from opinion where status = 'FED_BACK' and fed_back_at <= ?
				and (cast(? as uuid) is null or id > ?) order by id limit ?""")
			.params(ratingCutoff, after, after, limit)
			.query(UUID.class)
			.list(), id -> closeUnrated(id, now));
		return new Result(steps, closed);
	}

	/** Applies the steps of one opinion that are due by {@code now}; 0 when another node was first. */
	public int advance(UUID id, Instant now) {
		return sweep.once(id, opinion -> climb(opinion, now));
	}

	private int climb(UUID id, Instant now) {
		Opinion o = opinions.byId(id).orElse(null);
		int steps = o == null ? 0 : deadlines.ladder().climb(o, now);
		if (steps > 0) {
			opinions.save(o, null);
		}
		return steps;
	}

	private int closeUnrated(UUID id, Instant now) {
		Opinion o = opinions.byId(id).orElseThrow();
		if (o.getStatus() != OpinionStatus.FED_BACK) {
			return 0;
		}
		o.closeUnrated("system", now);
		opinions.save(o, null);
		return 1;
	}

	/** What a sweep did. */
	public record Result(int supervisionSteps, int closedUnrated) {
	}
}
