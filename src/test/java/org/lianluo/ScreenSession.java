package org.lianluo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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

/**
 * A browser's session on the screens, by hand (the screens take no bearer token): cookies, the sign-in form, CSRF;
 * redirects are answers, not followed.
 */
public final class ScreenSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final String forwardedFor;

	public ScreenSession(int port) {
		this(port, null);
	}

	/** A session whose requests come, through the loopback proxy, from {@code forwardedFor}. */
	public ScreenSession(int port, String forwardedFor) {
		this.base = "http://localhost:" + port;
		this.forwardedFor = forwardedFor;
	}

	/** A session signed in as {@code username}. */
	public static ScreenSession signedIn(int port, String username, String password) {
		ScreenSession session = new ScreenSession(port);
		session.signIn(username, password);
		return session;
	}

	/** Posts the sign-in form; the answer is the redirect (to the dashboard, or back to the form with an error). */
	public HttpResponse<String> signIn(String username, String password) {
		return post("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET(), HttpResponse.BodyHandlers.ofString());
	}

	/** The body of a 200 answer to a GET of {@code path}. */
	public byte[] bytes(String path) {
		HttpResponse<byte[]> r = send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r.body();
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf());
		String form = all.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.ofString());
	}

	/** {@code JSESSIONID=…}, for a request made by other means. */
	public String cookie() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
			.map(HttpCookie::toString).findFirst().orElseThrow();
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

	private <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(b.build(), handler);
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
