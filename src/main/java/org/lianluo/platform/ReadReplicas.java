package org.lianluo.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The hot standbys of {@code lianluo.replica.url} (issue 25): a pool each, a check every
 * {@code lianluo.replica.check-interval} that takes a standby out of rotation while it is unreachable or more than
 * {@code lianluo.replica.max-lag} behind and puts it back when it is not, and the choice of a standby for a read.
 * {@link ReadRouting} is the one place that decides where a connection comes from.
 */
final class ReadReplicas implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReadReplicas.class);

	private final List<Replica> replicas = new ArrayList<>();

	private final AtomicInteger next = new AtomicInteger();

	/** The primary's write position at each check, oldest first: {nanoTime, position}. */
	private final Deque<long[]> samples = new ConcurrentLinkedDeque<>();

	private final long maxLagMillis;

	private final long checkMillis;

	private final long catchUpNanos;

	private volatile DataSource primary;

	private ScheduledExecutorService checker;

	private volatile long walPage = 8192;

	private volatile long walSegment = 16L << 20;

	ReadReplicas(Environment env) {
		String user = env.getProperty("lianluo.replica.username", env.getProperty("spring.datasource.username", ""));
		String password = env.getProperty("lianluo.replica.password", env.getProperty("spring.datasource.password", ""));
		int poolSize = env.getProperty("lianluo.replica.pool-size", Integer.class, 10);
		this.maxLagMillis = env.getProperty("lianluo.replica.max-lag", Duration.class, Duration.ofSeconds(5)).toMillis();
		this.checkMillis = env.getProperty("lianluo.replica.check-interval", Duration.class, Duration.ofSeconds(1)).toMillis();
		this.catchUpNanos = env.getProperty("lianluo.replica.read-your-writes-wait", Duration.class, Duration.ofMillis(200))
			.toNanos();
		List<String> urls = Arrays.stream(env.getRequiredProperty("lianluo.replica.url").split(","))
			.map(String::trim)
			.filter(u -> !u.isEmpty())
			.toList();
		for (int i = 0; i < urls.size(); i++) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(urls.get(i));
			config.setUsername(user);
			config.setPassword(password);
			config.setPoolName("lianluo-replica-" + (i + 1));
			config.setMaximumPoolSize(poolSize);
			config.setReadOnly(true);
			// A standby that is down must cost a read at most this long before it goes to the primary.
			config.setConnectionTimeout(1000);
			config.setValidationTimeout(500);
			// Start, and come back, whether or not the standby is up at that moment.
			config.setInitializationFailTimeout(-1);
			config.addDataSourceProperty("connectTimeout", "2");
			replicas.add(new Replica("replica-" + (i + 1), new HikariDataSource(config)));
		}
	}

	/** The routing data source in front of {@code primary}; from now on the standbys are checked. */
	synchronized DataSource routing(DataSource primary) {
		if (this.primary == null) {
			this.primary = primary;
			checker = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "replica-check");
				t.setDaemon(true);
				return t;
			});
			checker.scheduleWithFixedDelay(this::check, 0, checkMillis, TimeUnit.MILLISECONDS);
		}
		return new ReadRouting(primary, this);
	}

	/** The next standby in rotation, round robin, or null when none is. */
	Replica pick() {
		int n = replicas.size();
		int start = Math.floorMod(next.getAndIncrement(), n);
		for (int i = 0; i < n; i++) {
			Replica r = replicas.get((start + i) % n);
			if (r.inRotation()) {
				return r;
			}
		}
		return null;
	}

	long catchUpNanos() {
		return catchUpNanos;
	}

	List<Replica> all() {
		return replicas;
	}

	/** Takes a standby out of rotation now: a read on it failed. */
	void down(Replica replica, String why) {
		if (replica.inRotation()) {
			log.warn("Read replica {} out of rotation: {}", replica.name(), why);
		}
		replica.down(why);
	}

	/**
	 * The end of what the primary has written so far, asked after a commit: a standby that has replayed this far has
	 * replayed that commit. PostgreSQL reports the insert position past the header of a new WAL page when the last
	 * record ended exactly at a page's end, where the standby's replay position stays: that header is taken off.
	 */
	long primaryPosition() throws SQLException {
		try (Connection c = primary.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select (pg_current_wal_insert_lsn() - '0/0')::bigint")) {
			rs.next();
			return recordEnd(rs.getLong(1));
		}
	}

	long recordEnd(long insert) {
		if (insert % walSegment == 40) {
			return insert - 40; // a long page header opens each segment
		}
		if (insert % walPage == 24) {
			return insert - 24;
		}
		return insert;
	}

	void check() {
		try {
			long now = System.nanoTime();
			long position = -1;
			try {
				if (samples.isEmpty()) {
					walSizes();
				}
				position = primaryPosition();
				samples.addLast(new long[] { now, position });
			}
			catch (SQLException ex) {
				// The primary is down: the standbys still answer what they have; their lag is unknown until it is back.
			}
			long keep = TimeUnit.MILLISECONDS.toNanos(maxLagMillis * 2 + checkMillis * 2);
			while (samples.size() > 1 && now - samples.peekFirst()[0] > keep) {
				samples.pollFirst();
			}
			for (Replica r : replicas) {
				Replica.State before = r.state();
				r.check(position, replayed -> lagMillis(replayed, now), maxLagMillis);
				if (before != r.state()) {
					log.info("Read replica {} is {}", r.name(), r.details());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Read replica check failed: {}", ex.toString());
		}
	}

	/** How long ago the primary had written the oldest position the standby has not replayed; 0 if none. */
	private long lagMillis(long replayed, long now) {
		for (long[] sample : samples) {
			if (sample[1] > replayed) {
				return TimeUnit.NANOSECONDS.toMillis(now - sample[0]);
			}
		}
		return 0;
	}

	private void walSizes() throws SQLException {
		try (Connection c = primary.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select pg_size_bytes(current_setting('wal_segment_size')), "
						+ "current_setting('wal_block_size')::bigint")) {
			rs.next();
			walSegment = rs.getLong(1);
			walPage = rs.getLong(2);
		}
	}

	Map<String, Object> details() {
		Map<String, Object> d = new LinkedHashMap<>();
		replicas.forEach(r -> d.put(r.name(), r.details()));
		return d;
	}

	@Override
	public synchronized void close() {
		if (checker != null) {
			checker.shutdownNow();
		}
		replicas.forEach(r -> r.pool().close());
	}
}
