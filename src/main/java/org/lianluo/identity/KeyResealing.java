package org.lianluo.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lianluo.platform.PersonalData;
import org.lianluo.platform.SealedTable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One batch of the key rotation on one table: the next rows after the cursor, in id order, with a value not sealed
 * with the current key and suite; each opened, sealed again, its search hash computed again from the value, and
 * written back only if nobody changed it meanwhile (compare-and-set on every sealed column: no row lock is held
 * across the batch, and a concurrent write is never overwritten; a row written meanwhile with an old key is
 * found by the next round).
 */
final class KeyResealing {

	/** How a batch went: rows found not current, rows re-sealed, the last id seen (the cursor), or null if none. */
	record Batch(int found, int resealed, UUID lastId) {
	}

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	KeyResealing(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	Batch reseal(SealedTable t, UUID after, int size) {
		String header = personalData.currentHeader();
		List<String> cols = t.columns().stream().map(SealedTable.Column::name).toList();
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select ").append(t.idColumn());
		cols.forEach(c -> sql.append(", ").append(c));
		sql.append(" from ").append(t.table()).append(" where (").append(stale(cols, header, params)).append(")");
		if (after != null) {
			sql.append(" and ").append(t.idColumn()).append(" > ?");
			params.add(after);
		}
		sql.append(" order by ").append(t.idColumn()).append(" limit ?");
		params.add(size);
		List<String[]> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, cols.size())).list();
		int resealed = 0;
		for (String[] row : rows) {
			resealed += update(t, header, row);
		}
		return new Batch(rows.size(), resealed, rows.isEmpty() ? null : UUID.fromString(rows.get(rows.size() - 1)[0]));
	}

	/** Rows of the table with a value not sealed with the current key and suite. */
	long remaining(SealedTable t) {
		List<Object> params = new ArrayList<>();
		String where = stale(t.columns().stream().map(SealedTable.Column::name).toList(), personalData.currentHeader(), params);
		return jdbc.sql("select count(*) from " + t.table() + " where " + where).params(params).query(Long.class).single();
	}

	private static String stale(List<String> cols, String header, List<Object> params) {
		List<String> any = new ArrayList<>();
		for (String c : cols) {
			any.add("(" + c + " is not null and not starts_with(" + c + ", ?))");
			params.add(header);
		}
		return String.join(" or ", any);
	}

	private static String[] row(ResultSet rs, int columns) throws SQLException {
		String[] row = new String[columns + 1];
		for (int i = 0; i <= columns; i++) {
			row[i] = rs.getString(i + 1);
		}
		return row;
	}

	private int update(SealedTable t, String header, String[] row) {
		UUID id = UUID.fromString(row[0]);
		List<String> sets = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		List<Object> was = new ArrayList<>();
		for (int i = 0; i < t.columns().size(); i++) {
			SealedTable.Column c = t.columns().get(i);
			String stored = row[i + 1];
			String plain;
			try {
				plain = personalData.decrypt(stored, t.table(), c.name(), id);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(t.table() + "." + c.name() + " of row " + id + " does not open: " + ex.getMessage(), ex);
			}
			sets.add(c.name() + " = cast(? as text)");
			values.add(stored == null || stored.startsWith(header) ? stored : personalData.encrypt(plain, t.table(), c.name(), id));
			if (c.hashColumn() != null) {
				sets.add(c.hashColumn() + " = cast(? as text)");
				values.add(personalData.searchHash(plain));
			}
			expected.add(c.name() + " is not distinct from cast(? as text)");
			was.add(stored);
		}
		values.add(id);
		values.addAll(was);
		return jdbc.sql("update " + t.table() + " set " + String.join(", ", sets) + " where " + t.idColumn() + " = ? and "
				+ String.join(" and ", expected)).params(values).update();
	}
}
