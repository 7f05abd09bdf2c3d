package org.lianluo.proposal.internal;

import java.util.List;
import java.util.UUID;

import org.lianluo.platform.casework.CaseTimeline;
import org.lianluo.proposal.ProposalStatus;
import org.lianluo.proposal.ProposalTimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only timeline of each proposal, written and read by the loops' shared {@link CaseTimeline}. */
@Repository
public class ProposalTimeline {

	private final JdbcClient jdbc;

	private final CaseTimeline timeline;

	ProposalTimeline(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.timeline = new CaseTimeline(template, "proposal_event", "proposal_id", "unit_id");
	}

	public void append(List<ProposalTimelineEntry> entries) {
		timeline.append(entries.stream()
			.map(e -> new CaseTimeline.Row(e.id(), e.proposalId(), e.at(), e.actor(), e.kind().name(), name(e.fromStatus()),
					name(e.toStatus()), e.note(), null, java.util.Collections.singletonList(e.unitId())))
			.toList());
	}

	public List<ProposalTimelineEntry> of(UUID proposalId) {
		return timeline.of(proposalId).stream()
			.map(r -> new ProposalTimelineEntry(r.id(), r.caseId(), r.at(), r.actor(), ProposalTimelineEntry.Kind.valueOf(r.kind()),
					status(r.fromStatus()), status(r.toStatus()), r.note(), (UUID) r.extras().get(0)))
			.toList();
	}

	/** The next number of a session (第N号): the counter row stays locked until the transaction ends. */
	public int nextNumber(UUID sessionId) {
		return jdbc.sql("""
				insert into proposal_counter (session_id, last_number) values (?, 1)
				on conflict (session_id) do update set last_number = proposal_counter.last_number + 1
				returning last_number""")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

	private static String name(ProposalStatus s) {
		return s == null ? null : s.name();
	}

	private static ProposalStatus status(String s) {
		return s == null ? null : ProposalStatus.valueOf(s);
	}
}
