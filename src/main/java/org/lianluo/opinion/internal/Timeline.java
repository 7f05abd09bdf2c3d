package org.lianluo.opinion.internal;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.TimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only timeline of each opinion. */
@Repository
public class Timeline {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Timeline(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public void append(List<TimelineEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		template.batchUpdate("""
				insert into opinion_event (id, opinion_id, at, actor, kind, from_status, to_status, note, public_note)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, entries.size(), (ps, e) -> {
			ps.setObject(1, e.id());
			ps.setObject(2, e.opinionId());
			ps.setTimestamp(3, Timestamp.from(e.at()));
			ps.setString(4, e.actor());
			ps.setString(5, e.kind().name());
			ps.setString(6, e.fromStatus() == null ? null : e.fromStatus().name());
			ps.setString(7, e.toStatus() == null ? null : e.toStatus().name());
			ps.setString(8, e.note());
			ps.setString(9, e.publicNote());
		});
	}

	public List<TimelineEntry> of(UUID opinionId) {
		return jdbc.sql("""
				select id, opinion_id, at, actor, kind, from_status, to_status, note, public_note
				from opinion_event where opinion_id = ? order by at, id""")
			.param(opinionId)
			.query((rs, n) -> new TimelineEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), TimelineEntry.Kind.valueOf(rs.getString(5)),
					status(rs.getString(6)), status(rs.getString(7)), rs.getString(8), rs.getString(9)))
			.list();
	}

	private static OpinionStatus status(String s) {
		return s == null ? null : OpinionStatus.valueOf(s);
	}
}
