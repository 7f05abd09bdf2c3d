package org.lianluo.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause built condition by condition, with its parameters in order, for the lists whose filters are
 * optional. Conditions are the caller's own SQL with {@code ?} for every value; no value is ever written into it.
 */
public final class Where {

	private final StringBuilder sql;

	private final List<Object> params = new ArrayList<>();

	private Where(String first, Object... args) {
		this.sql = new StringBuilder(first);
		params.addAll(List.of(args));
	}

	/** A clause starting with {@code condition}. */
	public static Where of(String condition, Object... args) {
		return new Where(condition, args);
	}

	/** A clause that matches everything until conditions are added. */
	public static Where any() {
		return new Where("true");
	}

	public Where and(String condition, Object... args) {
		sql.append(" and ").append(condition);
		params.addAll(List.of(args));
		return this;
	}

	public String sql() {
		return sql.toString();
	}

	public List<Object> params() {
		return List.copyOf(params);
	}

	/** The parameters followed by {@code more} (a limit and an offset, say). */
	public List<Object> with(Object... more) {
		List<Object> all = new ArrayList<>(params);
		all.addAll(List.of(more));
		return all;
	}
}
