package org.lianluo.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The npm tools of {@code tools/} (Redocly CLI, Stoplight Prism), installed by {@code .ci/run} with {@code npm ci}.
 * Without them a test is skipped with a message saying how to install them, and fails under {@code CI=true}.
 */
final class NodeTools {

	static final Path DIR = Path.of("tools");

	private NodeTools() {
	}

	/** The tool's launcher in {@code tools/node_modules/.bin}, or a skip (a failure on CI) when it is missing. */
	static Path require(String tool) {
		Path bin = DIR.resolve("node_modules/.bin/" + tool).toAbsolutePath();
		if (!Files.isExecutable(bin)) {
			String message = tool + " is not installed: run `npm ci --prefix tools` (.ci/run does) to check the OpenAPI document";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError(message);
			}
			System.err.println("SKIPPED: " + message);
			Assumptions.abort(message);
		}
		return bin;
	}

	record Run(int exit, String output, String errors) {
	}

	/** Runs a command to its end (at most {@code seconds}). */
	static Run run(int seconds, String... command) throws IOException, InterruptedException {
		Path out = Files.createTempFile("node-tool", ".out");
		Path err = Files.createTempFile("node-tool", ".err");
		Process p = new ProcessBuilder(List.of(command)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not end in " + seconds + " s: " + Files.readString(err));
		}
		Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
		Files.delete(out);
		Files.delete(err);
		return run;
	}

	static List<String> lines(String text, String containing) {
		List<String> found = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.contains(containing)) {
				found.add(line);
			}
		}
		return found;
	}
}
