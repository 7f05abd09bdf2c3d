package org.lianluo.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.lianluo.platform.DatabaseScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many records each term occurs in, so that a shared rare word ("校车", "蚕") counts for more than a shared
 * common one ("学校", "老人"). Read from the index with {@code ts_stat} (on a sample when it is large), kept in
 * memory, and read again in the background when older than {@link #MAX_AGE}; every node computes its own.
 */
@Component
public class TermStatistics {

	static final Duration MAX_AGE = Duration.ofMinutes(10);

	static final long SAMPLE_ABOVE = 200_000;

	private static final Logger log = LoggerFactory.getLogger(TermStatistics.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private volatile Snapshot snapshot = new Snapshot(Map.of(), 0, Instant.EPOCH);

	TermStatistics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The inverse document frequency, 1 for a term in every record, more the rarer it is. */
	public double idf(String term) {
		Snapshot s = current();
		int df = s.documentFrequency().getOrDefault(term, 0);
		return 1 + Math.log((s.documents() + 1.0) / (df + 1.0));
	}

	/** In how many records the term occurs (estimated from a sample when the index is large), 0 if unknown. */
	public int documentFrequency(String term) {
		return current().documentFrequency().getOrDefault(term, 0);
	}

	public void refresh() {
		long documents = jdbc.sql("select count(*) from search_document").query(Long.class).single();
		String from = "search_document";
		double scale = 1;
		if (documents > SAMPLE_ABOVE) {
			double percent = 100.0 * SAMPLE_ABOVE / documents;
			from = "search_document tablesample system (" + String.format(java.util.Locale.ROOT, "%.3f", percent) + ")";
			scale = 100 / percent;
		}
		Map<String, Integer> df = new HashMap<>();
		double factor = scale;
		jdbc.sql("select word, ndoc from ts_stat('select array_to_tsvector(string_to_array(tokens, '' '')) from " + from + "')")
			.query(rs -> {
				df.put(rs.getString(1), (int) Math.round(rs.getInt(2) * factor));
			});
		snapshot = new Snapshot(df, documents, clock.instant());
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		if (s.takenAt().plus(MAX_AGE).isBefore(clock.instant()) && refreshing.compareAndSet(false, true)) {
			Thread refresher = new Thread(() -> {
				try {
					DatabaseScope.asSystem("search-term-statistics", this::refresh);
				}
				catch (RuntimeException ex) {
					log.warn("search term statistics not refreshed: {}", ex.toString());
				}
				finally {
					refreshing.set(false);
				}
			}, "search-term-statistics");
			refresher.setDaemon(true);
			refresher.start();
		}
		return s;
	}

	private record Snapshot(Map<String, Integer> documentFrequency, long documents, Instant takenAt) {
	}
}
