package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianluo.ChildApplication;

/**
 * The packaged application's main class in a JVM of its own, on its own data directory with the durable
 * embedded PostgreSQL, takes submissions from four clients at once and is killed with SIGKILL mid-load,
 * together with its PostgreSQL server. Started again on the same files, it has every submission it
 * answered 201, each exactly once, and a retry with the same Idempotency-Key answers the same record. And
 * PostgreSQL restarted under the running application: 503 problems while it is down, recovery by itself,
 * nothing acknowledged lost or doubled.
 */
class CrashTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process app;

	private Path dataDir;


	@AfterEach
	void stop() throws Exception {
		if (app != null && app.isAlive()) {
			app.destroy();
			app.waitFor(60, TimeUnit.SECONDS);
		}
		killPostgres();
	}

	@Test
	void everyAcknowledgedSubmissionSurvivesASigkillExactlyOnce() throws Exception {
		dataDir = Path.of("target", "crash-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
		int port = freePort();
		app = start(port);

		Map<String, String> acknowledged = new ConcurrentHashMap<>(); // Idempotency-Key -> tracking code
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		for (int c = 0; c < 4; c++) {
			clients.submit(() -> {
				while (running.get()) {
					String key = UUID.randomUUID().toString();
					try {
						HttpResponse<String> r = submit(port, key);
						if (r.statusCode() == 201) {
							acknowledged.put(key, trackingCode(r.body()));
						}
					}
					catch (IOException ex) {
						// The server went away under this request: it was never acknowledged.
					}
				}
				return null;
			});
		}
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (acknowledged.size() < 60 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		// SIGKILL: no shutdown hook, no flush, no goodbye; then the database server too, as a power cut would.
		app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		killPostgres();
		running.set(false);
		clients.shutdown();
		clients.awaitTermination(30, TimeUnit.SECONDS);
		assertThat(acknowledged).as("submissions acknowledged before the kill").hasSizeGreaterThan(10);

		app = start(port);
		try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort() + "/postgres", "postgres", "")) {
			for (var e : acknowledged.entrySet()) {
				assertThat(count(db, e.getValue())).as("rows for the acknowledged " + e.getValue()).isEqualTo(1);
				HttpResponse<String> again = submit(port, e.getKey());
				assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
				assertThat(trackingCode(again.body())).isEqualTo(e.getValue());
				assertThat(count(db, e.getValue())).as("rows after the retry of " + e.getValue()).isEqualTo(1);
			}
		}
		System.out.printf("=== CrashTests: %d acknowledged submissions survived SIGKILL, each once ===%n", acknowledged.size());
	}

	/**
	 * PostgreSQL is stopped under the running application and started again on the same files and port, while
	 * three clients keep submitting. While it is down every submission is refused with a 503 problem in Chinese
	 * with Retry-After, quickly (the pool waits 3 s for a connection here, 5 s by default), never a 500; once
	 * it is back the application serves again by itself (the pool opens new connections), and every submission
	 * it answered 201, before, during or after, is there exactly once. The server belongs to the test (as an
	 * external database would), so that it can be stopped and started without the application.
	 */
	@Test
	void aPostgresRestartUnderTheApplicationIsA503AndNothingAcknowledgedIsLost() throws Exception {
		dataDir = Path.of("target", "pgrestart-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
		int pgPort = freePort();
		EmbeddedPostgres postgres = startPostgres(pgPort);
		try {
			int port = freePort();
			app = start(port, "--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
					"--spring.datasource.username=postgres", "--spring.datasource.hikari.connection-timeout=3000");

			Map<String, String> acknowledged = new ConcurrentHashMap<>(); // Idempotency-Key -> tracking code
			Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
			List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService clients = Executors.newFixedThreadPool(3);
			for (int c = 0; c < 3; c++) {
				clients.submit(() -> {
					while (running.get()) {
						String key = UUID.randomUUID().toString();
						HttpResponse<String> r;
						try {
							r = submit(port, key);
						}
						catch (IOException ex) {
							unexpected.add("no answer: " + ex);
							continue;
						}
						statuses.merge(r.statusCode(), 1, Integer::sum);
						if (r.statusCode() == 201) {
							acknowledged.put(key, trackingCode(r.body()));
						}
						else if (r.statusCode() != 503) {
							unexpected.add(r.statusCode() + " " + r.body());
						}
						else {
							Thread.sleep(100);
						}
					}
					return null;
				});
			}
			long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (acknowledged.size() < 30 && System.nanoTime() < until) {
				Thread.sleep(50);
			}
			assertThat(acknowledged).as("submissions acknowledged before the stop").hasSizeGreaterThanOrEqualTo(30);

			postgres.close(); // pg_ctl stop -m fast: open transactions are rolled back, connections cut
			for (int i = 0; i < 3; i++) {
				long started = System.nanoTime();
				HttpResponse<String> down = submit(port, UUID.randomUUID().toString());
				assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
				assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
				assertThat(down.headers().firstValue("Retry-After")).isPresent();
				assertThat(down.body()).contains("数据库暂时无法连接");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
			}
			int acknowledgedWhileDown = acknowledged.size();

			postgres = startPostgres(pgPort);
			long restarted = System.nanoTime();
			HttpResponse<String> back = null;
			while (System.nanoTime() - restarted < Duration.ofSeconds(60).toNanos()) {
				String key = UUID.randomUUID().toString();
				back = submit(port, key);
				if (back.statusCode() == 201) {
					acknowledged.put(key, trackingCode(back.body()));
					break;
				}
				Thread.sleep(200);
			}
			assertThat(back.statusCode()).as("served again after the restart: " + back.body()).isEqualTo(201);
			Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
			int beforeMore = acknowledged.size();
			until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (acknowledged.size() < beforeMore + 20 && System.nanoTime() < until) {
				Thread.sleep(50);
			}
			running.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

			assertThat(unexpected).as("answers other than 201 and 503").isEmpty();
			assertThat(statuses).containsKey(503);
			assertThat(acknowledged.size()).as("the clients were served again").isGreaterThanOrEqualTo(beforeMore + 20);
			try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
				for (var e : acknowledged.entrySet()) {
					assertThat(count(db, e.getValue())).as("rows for the acknowledged " + e.getValue()).isEqualTo(1);
				}
				for (var e : acknowledged.entrySet().stream().limit(20).toList()) {
					HttpResponse<String> again = submit(port, e.getKey());
					assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
					assertThat(trackingCode(again.body())).isEqualTo(e.getValue());
					assertThat(count(db, e.getValue())).as("rows after the retry of " + e.getValue()).isEqualTo(1);
				}
			}
			System.out.printf("=== CrashTests: PostgreSQL restarted under the app: answers %s; %d acknowledged before the "
					+ "stop, first 201 %d ms after the restart, %d acknowledged in all, each once ===%n", statuses,
					acknowledgedWhileDown, recovery.toMillis(), acknowledged.size());
		}
		finally {
			postgres.close();
		}
	}

	/** PostgreSQL 17 on the test's own files and port, durable as the application's own server is. */
	private EmbeddedPostgres startPostgres(int pgPort) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setPort(pgPort)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
	}

	private HttpResponse<String> submit(int port, String key) throws IOException, InterruptedException {
		String body = "{\"content\":\"崩溃测试：路灯不亮 " + key + "\",\"regionCode\":\"451022108\",\"phone\":\"13812345678\"}";
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/opinions"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String trackingCode(String json) {
		var m = java.util.regex.Pattern.compile("\"trackingCode\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return m.group(1);
	}

	private static long count(Connection db, String trackingCode) throws Exception {
		try (PreparedStatement s = db.prepareStatement("select count(*) from opinion where tracking_code = ?")) {
			s.setString(1, trackingCode);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private Process start(int port, String... arguments) throws Exception {
		return ChildApplication.start(dataDir, port, List.of(arguments));
	}

	private int postgresPort() throws IOException {
		return ChildApplication.postgresPort(dataDir);
	}

	private void killPostgres() throws Exception {
		ChildApplication.killPostgres(dataDir);
	}

	private static int freePort() throws IOException {
		return ChildApplication.freePort();
	}
}
