package org.lianluo.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's clock: the system's, except on a thread that replays history, where it reads the instant the
 * replay has set. Records entered while replaying carry the dates of the past they describe, through the same
 * services and checks as records entered today: the demo year is loaded this way. No other thread sees the set
 * instant, so a replay never moves the clock of requests or schedulers running beside it.
 */
public final class HistoryClock extends Clock {

	private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

	private final Clock system;

	HistoryClock(Clock system) {
		this.system = system;
	}

	/** Runs {@code work} with this thread's clock at {@code instant}, and the thread's earlier time back afterwards. */
	public static <T> T at(Instant instant, Supplier<T> work) {
		Instant before = REPLAYED.get();
		REPLAYED.set(instant);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				REPLAYED.remove();
			}
			else {
				REPLAYED.set(before);
			}
		}
	}

	public static void at(Instant instant, Runnable work) {
		at(instant, () -> {
			work.run();
			return null;
		});
	}

	/** Whether this thread is replaying history. */
	public static boolean replaying() {
		return REPLAYED.get() != null;
	}

	@Override
	public Instant instant() {
		Instant replayed = REPLAYED.get();
		return replayed != null ? replayed : system.instant();
	}

	@Override
	public long millis() {
		return instant().toEpochMilli();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(system.getZone()) ? this : new HistoryClock(system.withZone(zone));
	}
}
