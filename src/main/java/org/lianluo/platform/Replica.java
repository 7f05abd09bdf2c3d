package org.lianluo.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One hot standby (issue 25): its own small pool, and what the last check found — whether it takes reads, how far
 * it is behind the primary, and the last write-ahead log position it replayed.
 */
final class Replica {

	/** In rotation; down (unreachable, or not a standby); or reachable but further behind than the bound. */
	enum State {
		UP, DOWN, LAGGING
	}

	private static final String REPLAYED = "select (pg_last_wal_replay_lsn() - '0/0')::bigint";

	private final String name;

	private final HikariDataSource pool;

	private final AtomicLong replayed = new AtomicLong(-1);

	private volatile State state = State.DOWN;

	private volatile String reason = "not checked yet";

	private volatile long lagMillis = -1;

	private volatile long lagBytes = -1;

	private volatile Instant checkedAt;

	Replica(String name, HikariDataSource pool) {
		this.name = name;
		this.pool = pool;
	}

	String name() {
		return name;
	}

	HikariDataSource pool() {
		return pool;
	}

	boolean inRotation() {
		return state == State.UP;
	}

	State state() {
		return state;
	}

	/**
	 * Asks the standby how far it has replayed; {@code lag} turns that position into how long ago the primary wrote
	 * what the standby has not replayed yet.
	 */
	void check(long primaryPosition, java.util.function.LongUnaryOperator lag, long maxLagMillis) {
		try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
			s.setQueryTimeout(2);
			try (ResultSet rs = s.executeQuery("select pg_is_in_recovery(), " + REPLAYED.substring(7))) {
				rs.next();
				boolean standby = rs.getBoolean(1);
				long position = rs.getLong(2);
				if (!standby || rs.wasNull()) {
					down(standby ? "replays nothing" : "not a standby");
					return;
				}
				noteReplayed(position);
				lagBytes = primaryPosition < 0 ? -1 : Math.max(0, primaryPosition - position);
				lagMillis = lag.applyAsLong(position);
				checkedAt = Instant.now();
				if (lagMillis > maxLagMillis) {
					state = State.LAGGING;
					reason = "behind the primary by more than " + maxLagMillis + " ms";
				}
				else {
					state = State.UP;
					reason = null;
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			down("unreachable");
		}
	}

	/** Out of rotation at once (a read failed on it, or a check did); the next good check brings it back. */
	void down(String why) {
		boolean was = state != State.DOWN;
		state = State.DOWN;
		reason = why;
		lagMillis = -1;
		lagBytes = -1;
		checkedAt = Instant.now();
		if (was) {
			// Connections to a server that went away would fail one by one in front of users: drop them all.
			var mx = pool.getHikariPoolMXBean();
			if (mx != null) {
				mx.softEvictConnections();
			}
		}
	}

	/**
	 * Whether this standby has replayed {@code position}, waiting for it at most {@code waitNanos} on
	 * {@code connection} (one of its own).
	 */
	boolean replayedUpTo(long position, Connection connection, long waitNanos) throws SQLException {
		if (replayed.get() >= position) {
			return true;
		}
		long deadline = System.nanoTime() + waitNanos;
		try (PreparedStatement s = connection.prepareStatement(REPLAYED)) {
			while (true) {
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					if (noteReplayed(rs.getLong(1)) >= position) {
						return true;
					}
				}
				if (System.nanoTime() >= deadline) {
					return false;
				}
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
	}

	private long noteReplayed(long position) {
		return replayed.accumulateAndGet(position, Math::max);
	}

	/** For the health endpoint: no address and no credentials, only the position in {@code lianluo.replica.url}. */
	Map<String, Object> details() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("state", state.name());
		d.put("lagMillis", lagMillis);
		d.put("lagBytes", lagBytes);
		if (reason != null) {
			d.put("reason", reason);
		}
		if (checkedAt != null) {
			d.put("checkedAt", checkedAt.toString());
		}
		return d;
	}
}
