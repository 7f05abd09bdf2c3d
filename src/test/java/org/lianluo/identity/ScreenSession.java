package org.lianluo.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session on the screens, by hand: cookies, the sign-in form, CSRF; redirects are answers, not followed. */
final class ScreenSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final String forwardedFor;

	ScreenSession(int port) {
		this(port, null);
	}

	/** A session whose requests come, through the loopback proxy, from {@code forwardedFor}. */
	ScreenSession(int port, String forwardedFor) {
		this.base = "http://localhost:" + port;
		this.forwardedFor = forwardedFor;
	}

	/** Posts the sign-in form; the answer is the redirect (to the dashboard, or back to the form with an error). */
	HttpResponse<String> signIn(String username, String password) {
		return post("/login", Map.of("username", username, "password", password));
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf());
		String form = all.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** The session's CSRF token, read from the sign-in page (the same token serves every form of the session). */
	private String csrf() {
		Matcher m = CSRF.matcher(get("/login").body());
		if (!m.find()) {
			throw new AssertionError("no CSRF token on the sign-in page");
		}
		return m.group(1);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
		return forwardedFor == null ? b : b.header("X-Forwarded-For", forwardedFor);
	}

	private HttpResponse<String> send(HttpRequest.Builder b) {
		try {
			return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
