package org.lianluo.platform.casework;

import java.time.Instant;

/**
 * A case (or one unit's part of it) that climbs the {@link SupervisionLadder}: it knows its deadline, the step it
 * reached and when the next one falls due, and takes a step itself (recording it on its timeline, publishing its
 * event). Steps only go up, each once.
 */
public interface Supervised {

	/** Whether a unit is still to act on it; only then does it climb. */
	boolean underSupervision();

	Instant supervisionDeadline();

	int supervisionLevel();

	/** When the next step falls due; null when none will. */
	Instant nextSupervisionAt();

	/** Takes step {@code level}, the one after it falling due at {@code next}; false when it was taken already. */
	boolean supervise(int level, Instant next, Instant now);
}
