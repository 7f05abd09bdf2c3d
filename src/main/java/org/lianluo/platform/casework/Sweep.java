package org.lianluo.platform.casework;

import java.util.List;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The safety net under the timers: pages through the cases due (by id, {@link #BATCH} at a time) and advances each
 * in its own transaction under the aggregate's version, so that with several nodes sweeping at once every step
 * happens exactly once: the loser of a race rolls back and counts nothing.
 */
public final class Sweep {

	private static final Logger log = LoggerFactory.getLogger(Sweep.class);

	public static final int BATCH = 500;

	private final String what;

	private final TransactionTemplate tx;

	/** {@code what}: the kind of case, for the log ("opinion", "proposal"). */
	public Sweep(String what, TransactionTemplate tx) {
		this.what = what;
		this.tx = tx;
	}

	/** Advances every case {@code due} names, page by page; answers the sum of what {@code advance} answered. */
	public int over(Due due, ToIntFunction<UUID> advance) {
		int done = 0;
		for (List<UUID> page = due.after(null, BATCH); !page.isEmpty(); page = due.after(page.get(page.size() - 1), BATCH)) {
			for (UUID id : page) {
				done += once(id, advance);
			}
		}
		return done;
	}

	/** Advances one case in its own transaction; 0 when another node changed it first. */
	public int once(UUID id, ToIntFunction<UUID> advance) {
		try {
			Integer done = tx.execute(status -> advance.applyAsInt(id));
			return done == null ? 0 : done;
		}
		catch (OptimisticLockingFailureException ex) {
			log.debug("The {} {} was changed by someone else while supervising; the other change stands", what, id);
			return 0;
		}
	}

	/** The ids of the cases due, in id order, after {@code after} (null: from the first), at most {@code limit}. */
	@FunctionalInterface
	public interface Due {

		List<UUID> after(UUID after, int limit);
	}
}
