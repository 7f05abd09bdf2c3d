package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.SecondNode;
import org.lianluo.Staff;
import org.lianluo.notification.FakeSmsGateway;
import org.lianluo.notification.internal.DeliverySender;
import org.lianluo.platform.DatabaseScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application instances on one database, as behind a load balancer: what one issues or stores the other
 * honours and serves, and what a change causes (a text to the citizen, an inbox message) happens once however
 * the two senders race. The deadline sweep's exactly-once under two nodes is {@code opinion.TwoNodeSupervisionTests}.
 * The screens' sign-in session is the one thing an instance keeps to itself (README: sticky sessions), and
 * that is asserted too, so that the README's advice changes when it does.
 */
@LianluoTest
// Its own SMS gateway settings make its own context; closed after the class so that no later test meets a
// sender aimed at a gateway that has stopped.
@DirtiesContext
class TwoNodeTests {

	private static final FakeSmsGateway gateway = startGateway();

	@LocalServerPort
	int one;

	@Autowired
	DeliverySender senderOne;

	@Autowired
	JdbcClient jdbc;

	/** The second node: started once for the class, beside the test's own context. */
	static ConfigurableApplicationContext second;

	static int two;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		gatewaySettings().forEach((k, v) -> registry.add(k, () -> v));
	}

	/** The same settings on both nodes, as the README asks: one gateway, no quiet hours in the test. */
	private static Map<String, String> gatewaySettings() {
		return Map.of("lianluo.notification.sms.url", gateway.url(), "lianluo.notification.sms.access-key", "test-key",
				"lianluo.notification.sms.secret", "test-secret", "lianluo.notification.sms.sign-name", "百色人大",
				"lianluo.notification.sms.quiet-from", "00:00", "lianluo.notification.sms.quiet-until", "00:00");
	}

	@BeforeEach
	void startSecondNode() {
		if (second != null) {
			return;
		}
		second = SecondNode.start(gatewaySettings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		two = SecondNode.port(second);
		assertThat(two).isNotEqualTo(one).isNotEqualTo(8080);
	}

	@AfterAll
	static void stopSecondNodeAndGateway() {
		try {
			if (second != null) {
				second.close();
				second = null;
			}
		}
		finally {
			gateway.close();
		}
	}

	@Test
	void aTokenIssuedByOneNodeWorksOnTheOtherAndABadOneOnNeither() {
		Api assessorOnOne = Staff.user(one, "451000", "ASSESSOR");
		String code = submit(one, null);

		HttpResponse<String> found = call(two, assessorOnOne.token(), "GET", "/api/v1/opinions?q=" + code, null);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		assertThat(found.body()).contains(code);
		assertThat(call(two, assessorOnOne.token() + "x", "GET", "/api/v1/opinions?q=" + code, null).statusCode()).isEqualTo(401);
		assertThat(call(one, assessorOnOne.token() + "x", "GET", "/api/v1/opinions?q=" + code, null).statusCode()).isEqualTo(401);
	}

	@Test
	void anAttachmentUploadedThroughOneNodeIsDownloadedThroughTheOther() {
		Api assessorOnOne = Staff.user(one, "451000", "ASSESSOR");
		String id = idOf(assessorOnOne, submit(one, null));
		Api.Response stored = Staff.upload(assessorOnOne, "/api/v1/opinions/" + id + "/attachments", "现场.png", Png.TINY);
		assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
		String attachmentId = stored.json().get("id").asText();

		HttpResponse<byte[]> download = bytes(two, assessorOnOne.token(), "/api/v1/opinions/" + id + "/attachments/" + attachmentId);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(Png.TINY);
		HttpResponse<String> listed = call(two, assessorOnOne.token(), "GET", "/api/v1/opinions/" + id + "/attachments", null);
		assertThat(listed.body()).contains(attachmentId);
	}

	@Test
	void whatAChangeCausesIsDeliveredOnceWhileBothNodesSend() throws Exception {
		Api admin = Staff.admin(one);
		String unitId = admin.post("/api/v1/units", Map.of("name", Staff.unique("田东县水利局"), "regionCode", "451022")).json()
			.get("id").asText();
		String handlerName = Staff.unique("twonode");
		Map<String, Object> user = new HashMap<>(Map.of("username", handlerName, "displayName", "测试", "password", "password-123",
				"roles", List.of("UNIT_HANDLER"), "regionCode", "451022", "unitId", unitId));
		assertThat(admin.post("/api/v1/users", user).status()).isEqualTo(201);
		Api handler = new Api(one).as(handlerName, "password-123");
		Api assessorOnOne = Staff.user(one, "451000", "ASSESSOR");

		// 20 citizens, half submitting through each node; half of the opinions assigned through the other node.
		List<String> phones = new ArrayList<>();
		List<String> assignedIds = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
			phones.add(phone);
			String code = submit(i % 2 == 0 ? one : two, phone);
			if (i % 4 == 0) {
				String id = idOf(assessorOnOne, code);
				HttpResponse<String> triage = call(two, assessorOnOne.token(), "POST", "/api/v1/opinions/" + id + "/triage",
						"{\"route\":\"ASSIGN\",\"leadUnitId\":\"" + unitId + "\"}");
				assertThat(triage.statusCode()).as(triage.body()).isEqualTo(200);
				assignedIds.add(id);
			}
		}
		DeliverySender senderTwo = second.getBean(DeliverySender.class);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				// Each as the delivery task runs it, under its system scope (the pool's threads have none of their own).
				Callable<Integer> sendOne = () -> DatabaseScope.asSystem("notification-delivery", senderOne::sendDue);
				Callable<Integer> sendTwo = () -> DatabaseScope.asSystem("notification-delivery", senderTwo::sendDue);
				List<Callable<Integer>> race = List.of(sendOne, sendTwo, sendOne, sendTwo);
				for (Future<Integer> f : pool.invokeAll(race)) {
					f.get();
				}
				return phones.stream().allMatch(p -> gateway.deliveredTo(p).size() == texts(phones.indexOf(p)));
			});
		}
		finally {
			pool.shutdown();
		}

		for (int i = 0; i < phones.size(); i++) {
			String phone = phones.get(i);
			assertThat(gateway.requestsTo(phone)).as("gateway calls for citizen %d", i).hasSize(texts(i));
			assertThat(gateway.deliveredTo(phone)).hasSize(texts(i));
		}
		// The unit's messages name no tracking code (the unit is rated by it): each links to its opinion.
		List<String> links = new ArrayList<>();
		handler.get("/api/v1/inbox?size=100").json().get("items").forEach(m -> links.add(m.get("link").asText()));
		for (String id : assignedIds) {
			assertThat(links.stream().filter(l -> l.contains(id))).as("inbox messages about %s", id).hasSize(1);
		}
	}

	@Test
	void theScreensSignInSessionStaysOnTheNodeThatMadeIt() {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + one + "/login")).GET()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+(?:content|value)=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + one + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Caller.form(Map.of("username", "admin", "password", "admin-test-password",
					"_csrf", csrf.group(1))))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String session = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();

		assertThat(page(one, session).statusCode()).isEqualTo(200);
		HttpResponse<String> elsewhere = page(two, session);
		assertThat(elsewhere.statusCode()).as("the other node does not know the session: README says sticky sessions")
			.isEqualTo(302);
		assertThat(elsewhere.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	private static HttpResponse<String> page(int port, String session) {
		return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard"))
			.header("Accept", "text/html")
			.header("Cookie", "JSESSIONID=" + session)
			.GET());
	}

	/** Texts citizen i must get: the receipt, and the assignment for every fourth, whose opinion was assigned. */
	private static int texts(int i) {
		return i % 4 == 0 ? 2 : 1;
	}

	private String submit(int port, String phone) {
		Map<String, Object> body = new HashMap<>(Map.of("content", "两个节点：村口水渠堵塞，雨天积水严重，请疏通。" + UUID.randomUUID(),
				"regionCode", World.TOWNSHIP, "name", "韦秀兰"));
		if (phone != null) {
			body.put("phone", phone);
		}
		Api.Response r = new Api(port).post("/api/v1/public/opinions", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("trackingCode").asText();
	}

	private static String idOf(Api staff, String trackingCode) {
		return staff.get("/api/v1/opinions?q=" + trackingCode).json().get("items").get(0).get("id").asText();
	}

	private static HttpResponse<String> call(int port, String token, String method, String path, String json) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30));
		if (json != null) {
			b.header("Content-Type", "application/json");
		}
		return send(HttpClient.newHttpClient(),
				b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
	}

	private static HttpResponse<byte[]> bytes(int port, String token, String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static FakeSmsGateway startGateway() {
		try {
			return new FakeSmsGateway();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
