package org.lianluo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import province.identity.IdentityPlatform;

/**
 * A browser by hand for the unified sign-in: cookies per host (Lianluo is {@code localhost}, the platform
 * {@code 127.0.0.1}), redirects followed one by one and remembered, the platform's sign-in form filled in when it comes.
 */
final class PlatformBrowsing {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String lianluo;

	/** Every URL asked for, in order. */
	final List<URI> visited = new ArrayList<>();

	PlatformBrowsing(int lianluoPort) {
		this.lianluo = "http://localhost:" + lianluoPort;
	}

	/**
	 * Follows {@code path} of Lianluo through every redirect, signing in at the platform as {@code platformUser} when it
	 * asks; answers the last page, which is no redirect.
	 */
	HttpResponse<String> signInThroughPlatform(String path, String platformUser) {
		URI at = URI.create(lianluo + path);
		for (int hop = 0; hop < 12; hop++) {
			HttpResponse<String> r = get(at);
			if (r.statusCode() == 200 && at.getHost().equals("127.0.0.1") && at.getPath().equals("/login")) {
				Matcher m = CSRF.matcher(r.body());
				assertThat(m.find()).as("the platform's sign-in form").isTrue();
				String form = "username=" + URLEncoder.encode(platformUser, StandardCharsets.UTF_8) + "&password="
						+ IdentityPlatform.PASSWORD + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
				r = send(HttpRequest.newBuilder(at).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)));
				visited.add(at);
			}
			if (r.statusCode() / 100 != 3) {
				return r;
			}
			at = at.resolve(r.headers().firstValue("Location").orElseThrow());
		}
		throw new AssertionError("more than 12 redirects: " + visited);
	}

	/** A page of Lianluo, redirects not followed. */
	HttpResponse<String> lianluo(String path) {
		return get(URI.create(lianluo + path));
	}

	URI last() {
		return visited.get(visited.size() - 1);
	}

	private HttpResponse<String> get(URI uri) {
		visited.add(uri);
		return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
