package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionSystemException;

/**
 * How a failure of the database under a request is judged, with the exceptions the restart test
 * ({@code proof.CrashTests}) met: a lost connection is a 503, a broken statement is not.
 */
class RequestFaultsTests {

	@Test
	void aRollbackOnAConnectionThePoolClosedIsTheDatabaseGoingAway() {
		var closed = new SQLException("Connection is closed");
		closed.initCause(new SocketException("Broken pipe"));
		assertThat(RequestFaults.of(new TransactionSystemException("JDBC rollback failed", closed)))
			.map(RequestFaults.Fault::status)
			.contains(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(RequestFaults.of(new TransactionSystemException("JDBC rollback failed",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
			.map(RequestFaults.Fault::status)
			.contains(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void aCommitRefusedByAConstraintIsNoOutage() {
		assertThat(RequestFaults.of(new TransactionSystemException("Could not commit JDBC transaction",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isEmpty();
	}
}
