package org.lianluo.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Where a connection comes from, decided in this one place (issue 25): a transaction marked
 * {@code @Transactional(readOnly = true)} that begins outside any writing transaction reads from a standby in
 * rotation; everything else — writes, whatever runs inside a write's transaction, work outside a transaction — from
 * the primary. A standby that has not yet replayed the caller's last write (see {@link ReadYourWrites}) within
 * {@code lianluo.replica.read-your-writes-wait}, or that cannot give a connection, hands the read to the primary
 * instead. {@link ScopedDataSource} stands in front, so a standby's connections carry the caller's region as the
 * primary's do.
 */
final class ReadRouting extends DelegatingDataSource {

	private final ReadReplicas replicas;

	ReadRouting(DataSource primary, ReadReplicas replicas) {
		super(primary);
		this.replicas = replicas;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (!ReplicaTransactions.beginningReadOnly()) {
			return super.getConnection();
		}
		Replica replica = replicas.pick();
		if (replica == null) {
			return super.getConnection();
		}
		Connection connection;
		try {
			connection = replica.pool().getConnection();
		}
		catch (SQLException ex) {
			replicas.down(replica, "no connection");
			return super.getConnection();
		}
		try {
			long written = ReadYourWrites.required();
			if (written > 0 && !replica.replayedUpTo(written, connection, replicas.catchUpNanos())) {
				connection.close();
				return super.getConnection();
			}
		}
		catch (SQLException ex) {
			connection.close();
			replicas.down(replica, "failed while catching up");
			return super.getConnection();
		}
		ReplicaTransactions.servedBy(replica);
		return connection;
	}
}
