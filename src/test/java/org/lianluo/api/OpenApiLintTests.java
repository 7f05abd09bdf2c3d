package org.lianluo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 23: Redocly's linter (its recommended rules) finds no error in the document the application serves. */
@LianluoTest
class OpenApiLintTests {

	@LocalServerPort
	int port;

	@Test
	void redoclyFindsNoErrorInTheServedDocument() throws Exception {
		Path redocly = NodeTools.require("redocly");
		Path document = Path.of("target/openapi-lint.json").toAbsolutePath();
		OpenApiDocument.write(document, OpenApiDocument.live(port));
		NodeTools.Run run = NodeTools.run(180, redocly.toString(), "lint", document.toString(), "--format=json",
				"--max-problems=10000");
		String output = run.output();
		if (output.indexOf('{') < 0) {
			throw new AssertionError("redocly wrote no report: " + run.errors());
		}
		JsonNode report = JsonMapper.builder().build().readTree(output.substring(output.indexOf('{'), output.lastIndexOf('}') + 1));
		List<String> errors = new ArrayList<>();
		report.get("problems").forEach(p -> {
			if (p.get("severity").asText().equals("error")) {
				errors.add(p.get("ruleId").asText() + ": " + p.get("message").asText() + " at "
						+ p.at("/location/0/pointer").asText());
			}
		});
		System.out.println("Redocly lint: " + errors.size() + " errors, " + (report.get("problems").size() - errors.size())
				+ " warnings");
		assertThat(errors).isEmpty();
		assertThat(run.exit()).as(run.errors()).isZero();
	}
}
