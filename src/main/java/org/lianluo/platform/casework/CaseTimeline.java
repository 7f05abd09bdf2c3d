package org.lianluo.platform.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The append-only timeline of a loop's cases (DESIGN.md: every transition is an event — who, when, from, to,
 * note), in one table per loop with the columns {@code id, <case>, at, actor, kind, from_status, to_status, note,
 * note_key, note_args} and the loop's own extra columns after them. Entries are written in one batch with the
 * change that made them.
 */
public final class CaseTimeline {

	private final JdbcTemplate jdbc;

	private final String insert;

	private final String select;

	private final int extras;

	/** {@code table} and its column naming the case, and the loop's {@code extraColumns} in {@link Row#extras()} order. */
	public CaseTimeline(JdbcTemplate jdbc, String table, String caseColumn, String... extraColumns) {
		this.jdbc = jdbc;
		this.extras = extraColumns.length;
		String columns = "id, " + caseColumn + ", at, actor, kind, from_status, to_status, note, note_key, note_args"
				+ (extras == 0 ? "" : ", " + String.join(", ", extraColumns));
		this.insert = "insert into " + table + " (" + columns + ") values (" + "?, ".repeat(9 + extras) + "?)";
		this.select = "select " + columns + " from " + table + " where " + caseColumn + " = ? order by at, id";
	}

	public void append(List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(insert, rows, rows.size(), (ps, r) -> {
			ps.setObject(1, r.id());
			ps.setObject(2, r.caseId());
			ps.setTimestamp(3, Timestamp.from(r.at()));
			ps.setString(4, r.actor());
			ps.setString(5, r.kind());
			ps.setString(6, r.fromStatus());
			ps.setString(7, r.toStatus());
			ps.setString(8, r.note());
			ps.setString(9, r.message().key());
			ps.setArray(10, r.message().key() == null ? null : ps.getConnection().createArrayOf("text", r.message().args().toArray()));
			for (int i = 0; i < extras; i++) {
				ps.setObject(11 + i, r.extras().get(i));
			}
		});
	}

	public List<Row> of(UUID caseId) {
		return jdbc.query(select, (rs, n) -> row(rs), caseId);
	}

	private Row row(ResultSet rs) throws SQLException {
		List<Object> more = new ArrayList<>(extras);
		for (int i = 0; i < extras; i++) {
			more.add(rs.getObject(11 + i));
		}
		Array args = rs.getArray(10);
		List<String> noteArgs = args == null ? List.of()
				: java.util.Arrays.stream((Object[]) args.getArray()).map(String::valueOf).toList();
		return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, OffsetDateTime.class).toInstant(),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
				rs.getString(8), new Note(rs.getString(9), noteArgs), more);
	}

	/**
	 * One entry as stored: {@code note} the words a person wrote on it (or a loop's own short token), {@code message}
	 * what it says as a message key; {@code extras}: the loop's own columns, in the order given to the constructor.
	 */
	public record Row(UUID id, UUID caseId, Instant at, String actor, String kind, String fromStatus, String toStatus,
			String note, Note message, List<Object> extras) {

		public Row {
			message = message == null ? new Note(null, List.of()) : message;
			extras = extras == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(extras));
		}
	}
}
