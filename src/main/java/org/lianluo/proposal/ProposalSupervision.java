package org.lianluo.proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.lianluo.platform.casework.Sweep;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supervision (督) of proposals: the warning that a proposal made between sessions waits for assignment
 * past 5 working days, the warning to assisting units whose view (协办意见) is late, and the reminder,
 * overdue and escalation steps of the reply deadline (each part's of its own), on the ladder and through the
 * {@link Sweep} both loops share: each proposal is advanced in its own transaction under the aggregate's version,
 * so that with several nodes sweeping at once every step happens exactly once.
 */
@Service
public class ProposalSupervision {

	private final Proposals proposals;

	private final ProposalAccess access;

	private final ProposalDeadlines deadlines;

	private final JdbcClient jdbc;

	private final Sweep sweep;

	private final Clock clock;

	private final Units units;

	ProposalSupervision(Proposals proposals, ProposalAccess access, ProposalDeadlines deadlines,
			JdbcClient jdbc, TransactionTemplate tx, Clock clock, Units units) {
		this.units = units;
		this.proposals = proposals;
		this.access = access;
		this.deadlines = deadlines;
		this.jdbc = jdbc;
		this.sweep = new Sweep("proposal", tx);
		this.clock = clock;
	}

	public int sweep() {
		return sweep(clock.instant());
	}

	/** Everything due by {@code now}; answers the number of steps taken. */
	public int sweep(Instant now) {
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		return sweep.over((after, limit) -> due(at, after, limit), id -> advanceOne(id, now));
	}

	private List<UUID> due(OffsetDateTime at, UUID after, int limit) {
		return jdbc.sql("""
				select id from proposal where ((next_supervision_at <= ?
				and status in ('REGISTERED', 'RETURNED', 'ASSIGNED', 'HANDLING', 'RE_HANDLING'))
				or (assisting_views_due < ? and not assisting_views_warned and status in ('ASSIGNED', 'HANDLING'))
				or exists (select 1 from proposal_separate_unit s where s.proposal_id = proposal.id
				  and s.next_supervision_at <= ? and s.status in ('ASSIGNED', 'HANDLING', 'RE_HANDLING')))
				and (cast(? as uuid) is null or id > ?) order by id limit ?""")
			.params(at, at, at, after, after, limit)
			.query(UUID.class)
			.list();
	}

	private String unitName(UUID unitId) {
		return units.find(unitId).map(HandlingUnit::name).orElse(unitId.toString());
	}

	/** Applies what is due for one proposal by {@code now}, in its own transaction; 0 when another node was first. */
	public int advance(UUID id, Instant now) {
		return sweep.once(id, p -> advanceOne(p, now));
	}

	private int advanceOne(UUID id, Instant now) {
		Proposal p = proposals.findById(id).orElse(null);
		if (p == null) {
			return 0;
		}
		int steps = p.warnAssignmentLate(now) ? 1 : 0;
		boolean viewsChecked = p.getAssistingViewsDue() != null && !p.isAssistingViewsWarned();
		steps += p.warnAssistingViewsLate(now, this::unitName);
		viewsChecked = viewsChecked && p.isAssistingViewsWarned();
		steps += p.superviseDue(now, deadlines.ladder());
		if (steps > 0 || viewsChecked) {
			access.save(p);
		}
		return steps;
	}
}
