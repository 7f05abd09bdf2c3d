package org.lianluo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Signed-in API clients for tests: the administrator, or a new user of a role and region. */
public final class Staff {

	private Staff() {
	}

	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6);
	}

	public static Api admin(int port) {
		return new Api(port).as("admin", "admin-test-password");
	}

	public static Api user(int port, String region, String role) {
		return user(port, unique("u"), region, role);
	}

	/** A new user called {@code name}, whose password is {@code password-123}. */
	public static Api user(int port, String name, String region, String role) {
		Api.Response r = admin(port).post("/api/v1/users", Map.of("username", name, "displayName", "测试", "password",
				"password-123", "roles", List.of(role), "regionCode", region));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	/** The HTML of a screen as {@code username} sees it, signed in through the login form. */
	public static String screen(int port, String username, String password, String path) {
		return new String(ScreenSession.signedIn(port, username, password).bytes(path), StandardCharsets.UTF_8);
	}

	/** Posts {@code content} as the multipart field {@code file}. */
	public static Api.Response upload(Api api, String path, String filename, byte[] content) {
		String boundary = "----lianluo" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + api.token())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
		return new Api.Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
	}

	/** Downloads a spreadsheet, checking that it is one. */
	public static byte[] download(Api api, String path) {
		HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + api.token()), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		return r.body();
	}

	/** The first row of a spreadsheet's first sheet. */
	public static List<String> headers(byte[] xlsx) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> cells = new ArrayList<>();
			book.getSheetAt(0).getRow(0).forEach(c -> cells.add(c.getStringCellValue()));
			return cells;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return HttpClient.newHttpClient().send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static UUID id(Api.Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return UUID.fromString(r.json().get("id").asText());
	}
}
