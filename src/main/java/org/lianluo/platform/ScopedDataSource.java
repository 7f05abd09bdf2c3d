package org.lianluo.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The application's data source: every connection it hands out carries {@code lianluo.region} for whoever asks
 * (see {@link DatabaseScope}), set again on each checkout so that nothing of the previous borrower stays. The
 * policies of V27_0 read it; the value is set outside any transaction (the pool's connections are in auto-commit
 * when borrowed), so no rollback can take it back.
 */
final class ScopedDataSource extends DelegatingDataSource {

	private static final String SET = "select set_config('lianluo.region', ?, false), set_config('lianluo.scope', ?, false)";

	private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

	private final ObjectProvider<DatabaseScope.Caller> callers;

	ScopedDataSource(DataSource target, ObjectProvider<DatabaseScope.Caller> callers) {
		super(target);
		this.callers = callers;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return scoped(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(super.getConnection(username, password));
	}

	private Connection scoped(Connection connection) throws SQLException {
		String[] scope = current();
		try (PreparedStatement set = connection.prepareStatement(SET)) {
			set.setString(1, scope[0]);
			set.setString(2, scope[1]);
			set.execute();
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/** The region setting and a name for it (seen in pg_settings while debugging). */
	private String[] current() {
		if (RESOLVING.get() != null) {
			// A look-up made while working out the caller's region (a deputy's congresses): it reads no region's rows.
			return new String[] { "", "resolving" };
		}
		String system = DatabaseScope.systemName();
		if (system != null) {
			// Work the code names as the system's, also when a user's request started it (a rebuild of the search index).
			return new String[] { DatabaseScope.ALL, "system:" + system };
		}
		DatabaseScope.Caller caller = callers.getIfAvailable();
		String prefix;
		RESOLVING.set(Boolean.TRUE);
		try {
			prefix = caller == null ? null : caller.regionPrefix();
		}
		finally {
			RESOLVING.remove();
		}
		if (prefix != null) {
			return new String[] { prefix, "user" };
		}
		if (RequestContextHolder.getRequestAttributes() != null) {
			// Nobody signed in on a request: the public pages, sign-in and token checks; staff endpoints refuse it earlier.
			return new String[] { DatabaseScope.ALL, "public" };
		}
		return new String[] { "", "none" };
	}
}
