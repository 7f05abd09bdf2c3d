package org.lianluo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 23: Stoplight Prism's validating proxy, which knows nothing of Lianluo but the document the application
 * serves, stands between the generated client and the application while the client runs the opinion loop and reads
 * the registries and the report; it checks every request and answer (status, headers, body) against the document and
 * must report no violation.
 */
@LianluoTest
class PrismProxyTests {

	@LocalServerPort
	int port;

	@Test
	void theJourneysThroughPrismsValidatingProxyMeetNoViolation() throws Exception {
		Path prism = NodeTools.require("prism");
		Path document = Path.of("target/openapi-prism.json").toAbsolutePath();
		OpenApiDocument.write(document, OpenApiDocument.live(port));
		// -Dprism.document=FILE checks the same journeys against another document (e.g. an older one, to compare).
		if (System.getProperty("prism.document") != null) {
			document = Path.of(System.getProperty("prism.document")).toAbsolutePath();
		}
		int proxyPort = freePort();
		Path log = Path.of("target/prism.log").toAbsolutePath();
		Process proxy = new ProcessBuilder(prism.toString(), "proxy", document.toString(), "http://127.0.0.1:" + port,
				"--host", "127.0.0.1", "--port", String.valueOf(proxyPort), "--errors", "false")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			awaitListening(proxy, proxyPort, log);
			ClientJourney journey = new ClientJourney("http://127.0.0.1:" + proxyPort);
			journey.opinionLoop();
			journey.registriesAndReport();
		}
		finally {
			proxy.destroy();
			if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
				proxy.destroyForcibly();
			}
		}
		String output = Files.readString(log);
		List<String> violations = NodeTools.lines(output, "Violation");
		System.out.println("Prism: " + NodeTools.lines(output, "Request received").size() + " requests, " + violations.size()
				+ " violations");
		violations.forEach(System.out::println);
		assertThat(NodeTools.lines(output, "Request received")).as(output).hasSizeGreaterThan(15);
		assertThat(violations).as("see target/prism.log").isEmpty();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitListening(Process proxy, int port, Path log) throws Exception {
		long until = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < until) {
			if (!proxy.isAlive()) {
				throw new AssertionError("prism ended: " + Files.readString(log));
			}
			try (Socket s = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(250);
			}
		}
		throw new AssertionError("prism did not listen within 60 s: " + Files.readString(log));
	}
}
