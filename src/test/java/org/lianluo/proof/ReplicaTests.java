package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.PrimaryAndStandby;
import org.lianluo.SecondNode;
import org.lianluo.Staff;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 25 on real servers: a PostgreSQL 17 primary and a hot standby streaming from it, made by the test
 * ({@link PrimaryAndStandby}), and the application on both with {@code lianluo.replica.url} naming the standby.
 * Read-only work runs on the standby, writes on the primary; a caller reads their own writes; the region policies
 * hold on the standby; the standby stopped and started under load costs no caller an error, and comes back by itself.
 * Where a read was served is shown either on the connection itself ({@code pg_is_in_recovery()}) or by pausing the
 * standby's replay, so that what the primary has and the standby has not yet tells the two apart.
 */
class ReplicaTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Long enough for the steps made while the standby's replay is paused, on a busy build machine. */
	private static final int MAX_LAG_SECONDS = 10;

	static PrimaryAndStandby servers;

	static ConfigurableApplicationContext app;

	static int port;

	@BeforeAll
	static void start() throws Exception {
		servers = PrimaryAndStandby.start(Path.of("target", "replica-" + UUID.randomUUID().toString().substring(0, 8))
			.toAbsolutePath());
		app = SecondNode.start("spring.datasource.url=" + servers.primaryUrl(), "spring.datasource.username=lianluo_app",
				"spring.datasource.hikari.connection-timeout=3000", "spring.flyway.user=postgres",
				"lianluo.replica.url=" + servers.standbyUrl(), "lianluo.replica.check-interval=PT0.2S",
				"lianluo.replica.max-lag=PT" + MAX_LAG_SECONDS + "S");
		port = SecondNode.port(app);
		awaitReplica("UP");
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (app != null) {
				app.close();
			}
		}
		finally {
			if (servers != null) {
				servers.close();
			}
		}
	}

	@Test
	void readOnlyTransactionsRunOnTheStandbyAndWritesOnThePrimary() {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		TransactionTemplate readOnly = template(true, TransactionDefinition.PROPAGATION_REQUIRED);
		TransactionTemplate writing = template(false, TransactionDefinition.PROPAGATION_REQUIRED);
		String recovery = "select pg_is_in_recovery()";

		assertThat(inRecovery(readOnly)).isTrue();
		assertThat(inRecovery(writing)).isFalse();
		assertThat(jdbc.sql(recovery).query(Boolean.class).single()).as("outside a transaction").isFalse();
		// Inside a write's transaction a read-only part stays with it, also when it opens a transaction of its own.
		Boolean nested = writing.execute(t -> inRecovery(readOnly));
		assertThat(nested).isFalse();
		TransactionTemplate readOnlyNew = template(true, TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		Boolean nestedNew = writing.execute(t -> inRecovery(readOnlyNew));
		assertThat(nestedNew).isFalse();
		// The caller's scope is set on the standby's connections too (the test runs as the system scope "test").
		String scope = readOnly.execute(t -> jdbc.sql("select current_setting('lianluo.scope')").query(String.class).single());
		assertThat(scope).isEqualTo("system:test");
	}

	private static boolean inRecovery(TransactionTemplate t) {
		Boolean b = t.execute(s -> app.getBean(JdbcClient.class).sql("select pg_is_in_recovery()").query(Boolean.class).single());
		return Boolean.TRUE.equals(b);
	}

	@Test
	void aCitizenAndAnAssessorReadTheirOwnWritesWhileOthersReadTheStandby() throws Exception {
		Api assessor = Staff.user(port, "451022", "ASSESSOR");
		Api colleague = Staff.user(port, "451022", "ASSESSOR");
		String before = submit(HTTP, "451022108", "复制测试：村口路灯坏了三个月");
		awaitReplayed("select count(*) from opinion where tracking_code = '" + before + "'");
		String id = assessor.get("/api/v1/opinions?q=" + before).json().get("items").get(0).get("id").asText();

		pauseReplay();
		try {
			HttpClient citizen = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String code = submit(citizen, "451022108", "复制测试：提交后马上查看进度");
			assertThat(track(citizen, code).statusCode()).as("the citizen who submitted it").isEqualTo(200);
			assertThat(track(HTTP, code).statusCode()).as("anyone else, on the standby that has not replayed it yet")
				.isEqualTo(404);

			Api.Response triaged = assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "REJECT", "reason",
					"不属于人大代表工作范围"));
			assertThat(triaged.status()).as(triaged.toString()).isEqualTo(200);
			String status = triaged.json().get("status").asText();
			assertThat(status).isNotEqualTo("RECEIVED");
			assertThat(assessor.get("/api/v1/opinions/" + id).json().get("status").asText()).isEqualTo(status);
			assertThat(colleague.get("/api/v1/opinions/" + id).json().get("status").asText()).isEqualTo("RECEIVED");
		}
		finally {
			resumeReplay();
		}
		awaitReplica("UP");
	}

	@Test
	void aCountyUserSeesNoOtherCountysRowsOnTheStandby() throws Exception {
		Api tiandong = Staff.user(port, "451022", "ASSESSOR");
		String own = submit(HTTP, "451022108", "复制测试：本县的意见");
		String other = submit(HTTP, "451027100", "复制测试：邻县的意见");
		awaitReplayed("select count(*) from opinion where tracking_code in ('" + own + "', '" + other + "')", 2);

		pauseReplay();
		try {
			String unseen = submit(HTTP, "451022108", "复制测试：暂停回放后的本县意见");
			List<String> codes = new ArrayList<>();
			tiandong.get("/api/v1/opinions?q=复制测试&size=200").json().get("items")
				.forEach(n -> codes.add(n.get("trackingCode").asText()));
			assertThat(codes).as("served by the standby").contains(own).doesNotContain(unseen);
			assertThat(codes).as("the other county's row, on the standby too").doesNotContain(other);
			assertThat(tiandong.get("/api/v1/opinions?q=" + other).json().get("items")).isEmpty();
		}
		finally {
			resumeReplay();
		}
		// And a connection of the standby without any scope sees no rows at all.
		Boolean[] none = new Boolean[1];
		Thread unscoped = new Thread(() -> none[0] = template(true, TransactionDefinition.PROPAGATION_REQUIRED)
			.execute(t -> app.getBean(JdbcClient.class).sql("select pg_is_in_recovery() and count(*) = 0 from opinion")
				.query(Boolean.class).single()));
		unscoped.start();
		unscoped.join();
		assertThat(none[0]).isTrue();
		awaitReplica("UP");
	}

	@Test
	void aStandbyStoppedAndStartedUnderLoadCostsNoCallerAnErrorAndReturnsByItself() throws Exception {
		Api assessor = Staff.user(port, "451022", "ASSESSOR");
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			codes.add(submit(HTTP, "451022108", "复制测试：负载下的意见 " + i));
		}
		awaitReplayed("select count(*) from opinion where tracking_code in ('" + String.join("', '", codes) + "')", 5);
		AtomicBoolean running = new AtomicBoolean(true);
		Map<Integer, Integer> answers = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<?>> load = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			int client = c;
			load.add(clients.submit(() -> {
				HttpClient own = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
				int n = 0;
				while (running.get()) {
					n++;
					HttpResponse<String> r;
					if (client == 0) {
						String code = submit(own, "451022108", "复制测试：备库重启时提交 " + n);
						r = track(own, code);
					}
					else if (client == 1) {
						Api.Response list = assessor.get("/api/v1/opinions?q=复制测试&size=50");
						answers.merge(list.status(), 1, Integer::sum);
						if (list.status() != 200) {
							wrong.add(list.toString());
						}
						continue;
					}
					else {
						r = track(own, codes.get(n % codes.size()));
					}
					answers.merge(r.statusCode(), 1, Integer::sum);
					if (r.statusCode() != 200) {
						wrong.add(r.statusCode() + " " + r.body());
					}
				}
				return null;
			}));
		}
		try {
			Thread.sleep(1500);
			servers.stopStandby();
			awaitReplica("DOWN");
			Thread.sleep(1500);
			servers.startStandby();
			awaitReplica("UP");
			Thread.sleep(1500);
		}
		finally {
			running.set(false);
			for (Future<?> f : load) {
				f.get(60, TimeUnit.SECONDS);
			}
			clients.shutdown();
		}
		assertThat(wrong).as("answers " + answers).isEmpty();
		assertThat(answers.get(200)).isGreaterThan(20);
		// Back in rotation: read-only work is on the standby again.
		assertThat(inRecovery(template(true, TransactionDefinition.PROPAGATION_REQUIRED))).isTrue();
	}

	@Test
	void aStandbyFurtherBehindThanTheBoundIsOutOfRotationAndReturnsWhenCaughtUp() throws Exception {
		pauseReplay();
		String code;
		try {
			code = submit(HTTP, "451022108", "复制测试：备库落后时提交");
			JsonNode lagging = awaitReplica("LAGGING");
			assertThat(lagging.get("lagMillis").asLong()).isGreaterThan(MAX_LAG_SECONDS * 1000L);
			assertThat(track(HTTP, code).statusCode()).as("read on the primary, the standby being out of rotation")
				.isEqualTo(200);
		}
		finally {
			resumeReplay();
		}
		assertThat(awaitReplica("UP").get("lagMillis").asLong()).isLessThan(MAX_LAG_SECONDS * 1000L);
	}

	private static TransactionTemplate template(boolean readOnly, int propagation) {
		TransactionTemplate t = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		t.setReadOnly(readOnly);
		t.setPropagationBehavior(propagation);
		return t;
	}

	/** {@code /actuator/health/replicas} until the standby is in this state; its details then. */
	private static JsonNode awaitReplica(String state) {
		AtomicReference<JsonNode> seen = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/actuator/health/replicas")).build(), HttpResponse.BodyHandlers.ofString());
			JsonNode replica = JSON.readTree(r.body()).path("components").path("readReplicas").path("details").path("replica-1");
			seen.set(replica);
			return r.statusCode() == 200 && state.equals(replica.path("state").asText());
		});
		return seen.get();
	}

	private static void awaitReplayed(String countSql) {
		awaitReplayed(countSql, 1);
	}

	private static void awaitReplayed(String countSql, long expected) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			try (Connection c = servers.standby("postgres"); Statement s = c.createStatement();
					ResultSet rs = s.executeQuery(countSql)) {
				rs.next();
				return rs.getLong(1) == expected;
			}
		});
	}

	private static void pauseReplay() throws Exception {
		standbySql("select pg_wal_replay_pause()");
	}

	private static void resumeReplay() throws Exception {
		standbySql("select pg_wal_replay_resume()");
	}

	private static void standbySql(String sql) throws Exception {
		try (Connection c = servers.standby("postgres"); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static String submit(HttpClient client, String region, String content) throws Exception {
		String body = JSON.writeValueAsString(Map.of("content", content + " " + UUID.randomUUID(), "regionCode", region));
		HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/public/opinions")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return JSON.readTree(r.body()).get("trackingCode").asText();
	}

	private static HttpResponse<String> track(HttpClient client, String code) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/opinions/" + code))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
