package org.lianluo.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;
import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MultipartException;

/**
 * Failures that are not bugs, and the status they deserve. An upload that cannot be read (no multipart
 * boundary, a NUL in the file name) is the request's fault: 400. So is PostgreSQL's class 22 (data
 * exception: a NUL character, a number or date out of range), and its transaction has rolled back; and a date
 * so far out that counting days from it overflows {@code java.time} (the year 999999999). A lost
 * or refused database connection (class 08, an administrator or crash shutdown, 57P01–57P03, or no
 * connection from the pool in time) means the database is down for a while: 503, try again; so does a
 * rollback that failed because the statement before it had lost the connection.
 */
public final class RequestFaults {

	private RequestFaults() {
	}

	/** A status and the message key that explains it. */
	public record Fault(HttpStatus status, String messageKey) {
	}

	public static Optional<Fault> of(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			// A connection lost mid-transaction fails the statement, and then the rollback on the same (now
			// closed) connection: Spring throws the rollback's failure and keeps the statement's as the
			// application exception. Judge by that one.
			if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
					&& tx.getApplicationException() != ex) {
				Optional<Fault> original = of(tx.getApplicationException());
				if (original.isPresent()) {
					return original;
				}
			}
			// The rollback itself failed on a connection the pool had already closed (HikariCP's "Connection is
			// closed" carries no SQL state): the database went away in the middle of the transaction.
			if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException sql
					&& (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))) {
				return Optional.of(new Fault(HttpStatus.SERVICE_UNAVAILABLE, "problem.database-unavailable"));
			}
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException) {
				return Optional.of(new Fault(HttpStatus.SERVICE_UNAVAILABLE, "problem.database-unavailable"));
			}
			if (t instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
				HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
				return Optional.of(new Fault(status, "problem.status." + status.value()));
			}
			if (t instanceof DateTimeException) {
				return Optional.of(new Fault(HttpStatus.BAD_REQUEST, "problem.date.out-of-range"));
			}
			if (t instanceof MultipartException || t.getClass().getName().endsWith(".InvalidFileNameException")) {
				return Optional.of(new Fault(HttpStatus.BAD_REQUEST, "problem.upload.unreadable"));
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (state.startsWith("22")) {
					return Optional.of(new Fault(HttpStatus.BAD_REQUEST, "problem.body.unstorable"));
				}
				if (state.equals("42501")) {
					// A row outside the caller's region (row-level security): as if it did not exist.
					return Optional.of(new Fault(HttpStatus.NOT_FOUND, "problem.not-found"));
				}
				if (state.startsWith("08") || state.startsWith("57P")) {
					return Optional.of(new Fault(HttpStatus.SERVICE_UNAVAILABLE, "problem.database-unavailable"));
				}
			}
		}
		return Optional.empty();
	}
}
