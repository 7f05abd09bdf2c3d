package org.lianluo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL 17 primary and a hot standby streaming from it, on free ports under a directory of the test's own,
 * made with the embedded server's binaries alone (issue 25). The zonky bundle has no {@code pg_basebackup}, so the
 * standby starts as a copy of the primary's files taken while the primary is stopped, with {@code standby.signal}
 * and a {@code primary_conninfo}: PostgreSQL's own way of making a standby from a cold copy. Both servers keep
 * PostgreSQL 17's defaults that replication needs ({@code wal_level=replica}, {@code max_wal_senders=10},
 * {@code hot_standby=on}; initdb's {@code pg_hba.conf} lets a local replication connection in).
 */
public final class PrimaryAndStandby implements AutoCloseable {

	private final Path dir;

	public final int primaryPort;

	public final int standbyPort;

	private EmbeddedPostgres primary;

	private EmbeddedPostgres standby;

	private PrimaryAndStandby(Path dir) throws IOException {
		this.dir = dir;
		this.primaryPort = ChildApplication.freePort();
		int p;
		do {
			p = ChildApplication.freePort();
		}
		while (p == primaryPort);
		this.standbyPort = p;
	}

	/** Makes both, with the application's role ({@code lianluo_app}) on the primary, and starts them. */
	public static PrimaryAndStandby start(Path dir) throws Exception {
		PrimaryAndStandby pair = new PrimaryAndStandby(dir);
		pair.primary = server(dir.resolve("primary"), pair.primaryPort);
		try (Connection c = pair.primary("postgres"); Statement s = c.createStatement()) {
			s.execute("create role lianluo_app login nosuperuser nobypassrls");
		}
		pair.primary.close(); // a clean shutdown: its files are now a consistent copy
		copy(dir.resolve("primary"), dir.resolve("standby"));
		Files.writeString(dir.resolve("standby/standby.signal"), "");
		Files.writeString(dir.resolve("standby/postgresql.auto.conf"),
				"\nprimary_conninfo = 'host=localhost port=" + pair.primaryPort + " user=postgres application_name=standby'\n",
				StandardOpenOption.APPEND);
		pair.primary = server(dir.resolve("primary"), pair.primaryPort);
		pair.startStandby();
		return pair;
	}

	public String primaryUrl() {
		return "jdbc:postgresql://localhost:" + primaryPort + "/postgres";
	}

	public String standbyUrl() {
		return "jdbc:postgresql://localhost:" + standbyPort + "/postgres";
	}

	public Connection primary(String user) throws SQLException {
		return DriverManager.getConnection(primaryUrl(), user, "");
	}

	public Connection standby(String user) throws SQLException {
		return DriverManager.getConnection(standbyUrl(), user, "");
	}

	/** {@code pg_ctl stop -m fast}: its sessions are cut, queries in flight fail. */
	public void stopStandby() throws IOException {
		standby.close();
		standby = null;
	}

	/** Again on the same files and port: it catches up from the primary by itself. */
	public void startStandby() throws IOException {
		standby = server(dir.resolve("standby"), standbyPort);
	}

	private static EmbeddedPostgres server(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("max_connections", "100")
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("wal_level", "replica")
			.setServerConfig("hot_standby", "on")
			.start();
	}

	private static void copy(Path from, Path to) throws IOException {
		Set<String> skip = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
		try (Stream<Path> files = Files.walk(from)) {
			for (Path f : files.toList()) {
				if (skip.contains(f.getFileName().toString())) {
					continue;
				}
				Path target = to.resolve(from.relativize(f).toString());
				if (Files.isDirectory(f)) {
					Files.createDirectories(target);
					// PostgreSQL starts only on a data directory that no one else may read
					Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(f));
				}
				else {
					Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	@Override
	public void close() throws IOException {
		try {
			if (standby != null) {
				standby.close();
			}
		}
		finally {
			if (primary != null) {
				primary.close();
			}
			try (Stream<Path> paths = Files.walk(dir)) {
				for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(p);
				}
			}
		}
	}
}
