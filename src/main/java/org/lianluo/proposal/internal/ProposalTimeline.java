package org.lianluo.proposal.internal;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lianluo.proposal.ProposalStatus;
import org.lianluo.proposal.ProposalTimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only timeline of each proposal. */
@Repository
public class ProposalTimeline {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ProposalTimeline(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public void append(List<ProposalTimelineEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		template.batchUpdate("""
				insert into proposal_event (id, proposal_id, at, actor, kind, from_status, to_status, note, unit_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, entries.size(), (ps, e) -> {
			ps.setObject(1, e.id());
			ps.setObject(2, e.proposalId());
			ps.setTimestamp(3, Timestamp.from(e.at()));
			ps.setString(4, e.actor());
			ps.setString(5, e.kind().name());
			ps.setString(6, e.fromStatus() == null ? null : e.fromStatus().name());
			ps.setString(7, e.toStatus() == null ? null : e.toStatus().name());
			ps.setString(8, e.note());
			ps.setObject(9, e.unitId());
		});
	}

	public List<ProposalTimelineEntry> of(UUID proposalId) {
		return jdbc.sql("""
				select id, proposal_id, at, actor, kind, from_status, to_status, note, unit_id
				from proposal_event where proposal_id = ? order by at, id""")
			.param(proposalId)
			.query((rs, n) -> new ProposalTimelineEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
					ProposalTimelineEntry.Kind.valueOf(rs.getString(5)), status(rs.getString(6)), status(rs.getString(7)),
					rs.getString(8), rs.getObject(9, UUID.class)))
			.list();
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

	private static ProposalStatus status(String s) {
		return s == null ? null : ProposalStatus.valueOf(s);
	}
}
