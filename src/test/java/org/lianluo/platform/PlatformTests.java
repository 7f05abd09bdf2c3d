package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@LianluoTest
class PlatformTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void healthIsUpWhenTheDatabaseAnswers() {
		Api.Response r = new Api(port).get("/actuator/health");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("status").asText()).isEqualTo("UP");
	}

	@Test
	void prometheusServesTheMetricsToAnAdministratorOnly() {
		Api.Response anonymous = new Api(port).get("/actuator/prometheus");
		assertThat(anonymous.status()).isNotEqualTo(200);
		Api.Response admin = new Api(port).as("admin", "admin-test-password").get("/actuator/prometheus");
		assertThat(admin.status()).isEqualTo(200);
		// The exposition format: the JVM's and the connection pool's gauges, one sample per line.
		assertThat(admin.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("hikaricp_connections_active");
	}

	@Test
	void theEmbeddedDatabaseIsPostgresql17WithAUtf8Ctype() {
		assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("17.");
		assertThat(jdbc.sql("select datctype from pg_database where datname = current_database()").query(String.class).single())
			.isEqualTo("C.UTF-8");
	}

	@Test
	void theEmbeddedDatabaseTakesItsSettingsFromTheConfiguration() {
		// application-test.yml: lianluo.embedded-db.settings.max-locks-per-transaction: 128 (PostgreSQL's default is 64)
		assertThat(jdbc.sql("show max_locks_per_transaction").query(String.class).single()).isEqualTo("128");
	}

	@Test
	void identifiersAreTimeOrderedVersion7() throws InterruptedException {
		var first = Ids.newId();
		Thread.sleep(2);
		var second = Ids.newId();
		assertThat(first.version()).isEqualTo(7);
		assertThat(first.variant()).isEqualTo(2);
		assertThat(first.toString().compareTo(second.toString())).isNegative();
	}

	@Test
	void unknownApiPathsAndMalformedBodiesAreChineseProblems() {
		Api admin = new Api(port).as("admin", "admin-test-password");
		Api.Response missing = admin.get("/api/v1/nothing-here");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("title").asText()).isEqualTo("未找到");

		Api.Response malformed = admin.post("/api/v1/users", "{not json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("title").asText()).isEqualTo("请求有误");
		assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");

		Api.Response badId = admin.get("/api/v1/users/not-a-uuid");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
	}

	@Test
	void screensCarrySecurityHeadersAndTheHomePageIsChinese() throws Exception {
		HttpResponse<String> home = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("有事找代表").doesNotContainPattern("(src|href)=\"https?://");
		assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'").contains("frame-ancestors 'none'");
		assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(home.headers().firstValue("Referrer-Policy")).contains("same-origin");
	}

	@Test
	void anHtmxRequestWhoseSessionHasExpiredIsToldToGoToSignIn() throws Exception {
		HttpResponse<String> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard")).header("HX-Request", "true").build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(401);
		assertThat(r.headers().firstValue("HX-Redirect")).contains("/login");
	}
}
