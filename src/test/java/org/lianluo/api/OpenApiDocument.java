package org.lianluo.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lianluo.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as the running application serves it at {@code /v3/api-docs}, and its committed copy
 * {@code api/openapi.json}, from which the build generates the test client (pom.xml, openapi-generator).
 */
final class OpenApiDocument {

	/** The committed copy: what the generated client is made from. */
	static final Path COMMITTED = Path.of("api/openapi.json");

	/** Where the tests write what the application serves, for the tools and for a diff. */
	static final Path LIVE = Path.of("target/openapi.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private OpenApiDocument() {
	}

	/** Fetches the document from the application, writes it to {@link #LIVE} and answers it. */
	static JsonNode live(int port) {
		Api.Response r = new Api(port).get("/v3/api-docs");
		if (r.status() != 200) {
			throw new AssertionError("GET /v3/api-docs: " + r);
		}
		JsonNode document = r.json();
		write(LIVE, document);
		return document;
	}

	static String text(JsonNode document) {
		return JSON.writeValueAsString(document) + "\n";
	}

	static void write(Path path, JsonNode document) {
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			Files.writeString(path, text(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String committed() {
		try {
			return Files.readString(COMMITTED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
