package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The installable shell of issue 24: a manifest and a service worker from the application's own origin. */
@LianluoTest
class OfflineShellTests {

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theServiceWorkerIsServedVersionedUncachedAndKeepsOnlyTheShellAndTheForms() throws Exception {
		HttpResponse<String> sw = get("/sw.js");
		assertThat(sw.statusCode()).isEqualTo(200);
		assertThat(sw.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
		assertThat(sw.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
		assertThat(sw.body()).containsPattern("const VERSION = '[0-9a-f]{16}';").doesNotContain("__VERSION__", "__PRECACHE__")
			.doesNotContainPattern("https?://")
			.contains("'/api/v1/public/regions'", "'/duty/visit'", "'/opinions/register'", "'/opinions/new'");
		assertThat(sw.body()).as("no staff API answer is kept").doesNotContainPattern("'/api/v1/(?!public/regions)");
		assertThat(get("/sw.js").body()).as("one version per release").isEqualTo(sw.body());
		assertThat(sw.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("worker-src 'self'");
	}

	@Test
	void theManifestNamesTheAppInChineseWithItsOwnIcons() throws Exception {
		HttpResponse<String> manifest = get("/manifest.webmanifest");
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
		assertThat(manifest.body()).contains("\"short_name\":\"联络\"", "\"start_url\":\"/\"", "/img/icon-192.png",
				"/img/icon-512.png").doesNotContainPattern("https?://");
		assertThat(get("/img/icon-512.png").statusCode()).isEqualTo(200);
		HttpResponse<String> home = get("/");
		assertThat(home.body()).contains("rel=\"manifest\"", "/js/offline.js", "id=\"offline-queue\"");
		assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("worker-src 'self'",
				"manifest-src 'self'");
	}
}
