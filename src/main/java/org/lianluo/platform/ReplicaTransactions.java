package org.lianluo.platform;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * What {@link ReadRouting} needs to know about the transaction asking for a connection (issue 25). Spring asks the
 * data source for a transaction's connection while beginning it, before the transaction's read-only flag is published
 * ({@code TransactionSynchronizationManager}), so this listener says it for that moment. It counts the writing
 * transactions open on the thread (a read-only one that begins inside one reads on the primary, with it), and after a
 * write commits in a request it keeps the primary's position for the caller's next reads ({@link ReadYourWrites}).
 */
final class ReplicaTransactions implements TransactionExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ReplicaTransactions.class);

	private static final ThreadLocal<Boolean> BEGINNING_READ_ONLY = new ThreadLocal<>();

	private static final ThreadLocal<int[]> WRITES_OPEN = ThreadLocal.withInitial(() -> new int[1]);

	/** Set by {@link ReplicaRetry} around a read-only call: the standby that served it, or primary-only on a retry. */
	private static final ThreadLocal<Attempt> ATTEMPT = new ThreadLocal<>();

	private final ReadReplicas replicas;

	ReplicaTransactions(ReadReplicas replicas) {
		this.replicas = replicas;
	}

	static final class Attempt {

		Replica servedBy;

		boolean primaryOnly;
	}

	static boolean beginningReadOnly() {
		Attempt attempt = ATTEMPT.get();
		return BEGINNING_READ_ONLY.get() != null && (attempt == null || !attempt.primaryOnly);
	}

	static void servedBy(Replica replica) {
		Attempt attempt = ATTEMPT.get();
		if (attempt != null) {
			attempt.servedBy = replica;
		}
	}

	static Attempt attempt() {
		return ATTEMPT.get();
	}

	static Attempt startAttempt() {
		Attempt attempt = new Attempt();
		ATTEMPT.set(attempt);
		return attempt;
	}

	static void endAttempt() {
		ATTEMPT.remove();
	}

	@Override
	public void beforeBegin(TransactionExecution tx) {
		if (tx.isReadOnly() && WRITES_OPEN.get()[0] == 0) {
			BEGINNING_READ_ONLY.set(Boolean.TRUE);
		}
	}

	@Override
	public void afterBegin(TransactionExecution tx, Throwable failure) {
		BEGINNING_READ_ONLY.remove();
		if (failure == null && writing(tx)) {
			WRITES_OPEN.get()[0]++;
		}
	}

	@Override
	public void afterCommit(TransactionExecution tx, Throwable failure) {
		if (!writing(tx)) {
			return;
		}
		closed();
		if (failure == null && ReadYourWrites.inRequest()) {
			try {
				ReadYourWrites.remember(replicas.primaryPosition());
			}
			catch (SQLException ex) {
				// The write is committed; without its position this caller's next read goes to a standby unchecked.
				log.warn("No write position after a commit: {}", ex.getMessage());
			}
		}
	}

	@Override
	public void afterRollback(TransactionExecution tx, Throwable failure) {
		if (writing(tx)) {
			closed();
		}
	}

	private static boolean writing(TransactionExecution tx) {
		return !tx.isReadOnly() && tx.isNewTransaction() && !tx.isNested();
	}

	private static void closed() {
		int[] open = WRITES_OPEN.get();
		open[0] = Math.max(0, open[0] - 1);
		if (open[0] == 0) {
			WRITES_OPEN.remove();
		}
	}
}
