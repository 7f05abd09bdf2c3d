package org.lianluo.platform;

import java.time.Clock;
import java.time.Instant;

/**
 * When a command takes effect: now, or an instant of the past that is being replayed (the demo year enters its
 * records through the same handlers, with the dates they describe). Handlers take it as an argument and pass
 * {@link #replayed()} on in the events they publish, so a listener that must not act on the past (the outbox's
 * deliveries, the search index built once at the end) reads it from the event, never from the thread.
 */
public record Moment(Instant now, boolean replayed) {

	public Moment {
		java.util.Objects.requireNonNull(now, "now");
	}

	/** The present, read from the application's clock. */
	public static Moment live(Clock clock) {
		return new Moment(clock.instant(), false);
	}

	/** An instant of the past being replayed. */
	public static Moment replay(Instant past) {
		return new Moment(past, true);
	}
}
