package org.lianluo.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One caller of the authorization matrix: a bearer token for {@code /api/**} and a signed-in browser
 * session (cookie and CSRF token) for the screens. The anonymous caller has a session but nobody in it,
 * so that its form posts pass the CSRF check and meet the authorization rules themselves.
 */
final class Caller {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:content|value)=\"([^\"]+)\"");

	final String name;

	private final String base;

	private final String token;

	private final HttpClient http;

	private String csrf;

	private String username;

	private String password;

	private Caller(String name, String base, String token) {
		this.name = name;
		this.base = base;
		this.token = token;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	static Caller anonymous(int port) {
		Caller c = new Caller("anonymous", "http://localhost:" + port, null);
		c.csrf = c.csrfOf(c.send(c.request("/login").GET()).body());
		return c;
	}

	/** Signs in on both doors: a token from the API and a session from the sign-in form. */
	static Caller signIn(int port, String name, String username, String password) {
		String base = "http://localhost:" + port;
		HttpResponse<String> t = plain(base).send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
		if (t.statusCode() != 200) {
			throw new AssertionError("sign-in of " + username + " failed: " + t.statusCode() + " " + t.body());
		}
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(t.body());
		m.find();
		Caller c = new Caller(name, base, m.group(1));
		String loginCsrf = c.csrfOf(c.send(c.request("/login").GET()).body());
		HttpResponse<String> login = c.send(c.request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", loginCsrf)))));
		if (login.statusCode() != 302 || !login.headers().firstValue("Location").orElse("").endsWith("/dashboard")) {
			throw new AssertionError("form sign-in of " + username + " failed: " + login.statusCode());
		}
		// Signing in replaces the session's CSRF token: read the new one from a page.
		c.csrf = c.csrfOf(c.send(c.request("/dashboard").GET()).body());
		c.username = username;
		c.password = password;
		return c;
	}

	/** The same person signed in once more, with a token and a session of their own; nobody stays nobody. */
	Caller again() {
		return token == null ? this : signIn(URI.create(base).getPort(), name, username, password);
	}

	private static Caller plain(String base) {
		return new Caller("-", base, null);
	}

	/**
	 * One call: the API with the bearer token and a JSON (or multipart) body, a screen with the session and
	 * CSRF. One at a time, like a person at one browser.
	 */
	synchronized HttpResponse<String> call(String method, String path, boolean multipart, Map<String, String> formFields) {
		boolean api = path.startsWith("/api/");
		HttpRequest.Builder b = request(path);
		if (api && token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		if (!api) {
			b.header("Accept", "text/html,application/xhtml+xml");
		}
		if (method.equals("GET") || method.equals("HEAD")) {
			return send(b.method(method, HttpRequest.BodyPublishers.noBody()));
		}
		if (!api) {
			Map<String, String> fields = new java.util.HashMap<>(formFields);
			fields.put("_csrf", csrf);
			return send(b.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(form(fields))));
		}
		if (multipart) {
			String boundary = "----matrix" + UUID.randomUUID();
			String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
					+ "Content-Type: text/plain\r\n\r\n意见附件\r\n--" + boundary + "--\r\n";
			return send(b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.method(method, HttpRequest.BodyPublishers.ofString(body)));
		}
		return send(b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}")));
	}

	/** Any request, body as given: how the fuzzing suite sends what no well-behaved client would. */
	synchronized HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
		boolean api = path.startsWith("/api/");
		HttpRequest.Builder b = request(path);
		if (api && token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		if (!api) {
			b.header("Accept", "text/html,application/xhtml+xml");
		}
		if (contentType != null) {
			b.header("Content-Type", contentType);
		}
		boolean bodyless = method.equals("GET") || method.equals("HEAD");
		return send(b.method(method, bodyless ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** The session's CSRF token, for form posts built by hand. */
	String csrf() {
		return csrf;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
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

	private String csrfOf(String page) {
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new AssertionError("no CSRF token on the page for " + name);
		}
		return m.group(1);
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}
}
