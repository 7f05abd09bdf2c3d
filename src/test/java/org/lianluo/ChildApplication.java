package org.lianluo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, started from the test class path as the packaged jar would run it, on a data
 * directory of its own (its embedded PostgreSQL under {@code postgres/}, its output appended to {@code app.log}):
 * what the crash tests kill with SIGKILL and start again. Their load comes from this machine like a kiosk's, so
 * this machine's addresses are exempt from the public submission limits, as in the other tests and the benchmark.
 */
public final class ChildApplication {

	public static final String ADMIN_PASSWORD = "admin-test-password";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ChildApplication() {
	}

	/** Starts the application with these extra arguments and waits, at most 3 minutes, until it reports healthy. */
	public static Process start(Path dataDir, int port, List<String> arguments) throws Exception {
		Files.createDirectories(dataDir);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.lianluo.LianluoApplication",
				"--server.port=" + port, "--lianluo.data-dir=" + dataDir, "--lianluo.demo-data=off",
				"--lianluo.admin-password=" + ADMIN_PASSWORD, "--lianluo.pii-key=DfKOofZOZ2a1Ge/UjnICBGqyADTcD7InaKf6B8yLT8c=",
				"--spring.main.banner-mode=off", "--logging.level.root=warn",
				"--lianluo.submission-guard.exempt-addresses=127.0.0.1,::1"));
		command.addAll(arguments);
		Path log = dataDir.resolve("app.log");
		Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < until) {
			assertThat(p.isAlive()).as("the application runs (see " + log + ")").isTrue();
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
						+ "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return p;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the application did not start within 3 minutes: " + log);
	}

	/** The port of the embedded PostgreSQL the application started under {@code dataDir}. */
	public static int postgresPort(Path dataDir) throws IOException {
		return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
	}

	/** The embedded PostgreSQL outlives a SIGKILLed JVM (it is its own process): kill it as well, as a power cut would. */
	public static void killPostgres(Path dataDir) throws Exception {
		if (dataDir == null) {
			return;
		}
		Path pid = dataDir.resolve("postgres/postmaster.pid");
		if (Files.exists(pid)) {
			var handle = ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
			if (handle.isPresent()) {
				handle.get().destroyForcibly();
				handle.get().onExit().get(30, TimeUnit.SECONDS);
			}
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}
}
