package org.lianluo.platform;

import java.util.List;

/**
 * A table that holds personal data sealed by {@link PersonalData}: its id column (the row id each value is sealed to)
 * and its sealed columns, each with the column of its search hash if it has one. Each module declares its own as a
 * bean; the key rotation re-seals every column declared so, and recomputes the search hashes from the values.
 */
public record SealedTable(String table, String idColumn, List<Column> columns) {

	public SealedTable {
		columns = List.copyOf(columns);
	}

	/** A sealed column, and the column of the search hash of its value, or null. */
	public record Column(String name, String hashColumn) {
	}

	public static SealedTable of(String table, String idColumn, Column... columns) {
		return new SealedTable(table, idColumn, List.of(columns));
	}

	public static Column sealed(String name) {
		return new Column(name, null);
	}

	public static Column sealed(String name, String hashColumn) {
		return new Column(name, hashColumn);
	}
}
