package org.lianluo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for tests: JSON in, status and JSON out, with an optional bearer token. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String token;

	public Api(int port) {
		this("http://localhost:" + port, null);
	}

	private Api(String base, String token) {
		this.base = base;
		this.token = token;
	}

	public String base() {
		return base;
	}

	/** Signs in and keeps the token for the following requests. */
	public Api as(String username, String password) {
		Response r = post("/api/v1/auth/token", Map.of("username", username, "password", password));
		if (r.status() != 200) {
			throw new AssertionError("sign-in of " + username + " failed: " + r);
		}
		return new Api(base, r.json().get("token").asText());
	}

	public String token() {
		return token;
	}

	public Response get(String path) {
		return send(request(path).GET(), Map.of());
	}

	public Response post(String path, Object body) {
		return post(path, body, Map.of());
	}

	public Response post(String path, Object body, Map<String, String> headers) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))), headers);
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), Map.of());
	}

	public Response delete(String path) {
		return send(request(path).DELETE(), Map.of());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b;
	}

	private Response send(HttpRequest.Builder builder, Map<String, String> headers) {
		headers.forEach(builder::header);
		try {
			HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}
}
