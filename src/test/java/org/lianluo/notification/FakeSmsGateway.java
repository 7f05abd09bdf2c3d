package org.lianluo.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays an SMS gateway on a local port: answers as told (OK, FAIL, SLOW, RATE_LIMITED) and, like the big
 * gateways, delivers one text per out-id however often it is asked. Public for the two-node proof
 * ({@code proof.TwoNodeTests}).
 */
public final class FakeSmsGateway implements AutoCloseable {

	enum Mode {
		OK, FAIL, SLOW, RATE_LIMITED, HANG
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private volatile Mode mode = Mode.OK;

	/** In HANG mode: counted down when a text was accepted and the answer is being held back. */
	volatile java.util.concurrent.CountDownLatch accepted = new java.util.concurrent.CountDownLatch(1);

	/** In HANG mode: the answer goes out when this is counted down. */
	volatile java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

	final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	/** What reached a phone: out-id → the request that first carried it. */
	final Map<String, JsonNode> delivered = new ConcurrentHashMap<>();

	public FakeSmsGateway() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/sms/send", this::handle);
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "fake-sms-gateway");
			t.setDaemon(true);
			return t;
		}));
		server.start();
	}

	static FakeSmsGateway startOrFail() {
		try {
			return new FakeSmsGateway();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
	}

	void mode(Mode newMode) {
		mode = newMode;
	}

	public List<JsonNode> requestsTo(String phone) {
		return requests.stream().filter(r -> r.get("phone").asText().equals(phone)).toList();
	}

	public List<JsonNode> deliveredTo(String phone) {
		return delivered.values().stream().filter(r -> r.get("phone").asText().equals(phone)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		JsonNode request = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (exchange.getRequestHeaders().getFirst("X-Signature") == null) {
			answer(exchange, 401, "{\"code\":\"SignatureMissing\"}");
			return;
		}
		requests.add(request);
		switch (mode) {
			case FAIL -> answer(exchange, 500, "{\"code\":\"InternalError\"}");
			case RATE_LIMITED -> {
				exchange.getResponseHeaders().add("Retry-After", "120");
				answer(exchange, 429, "{\"code\":\"Throttling\"}");
			}
			case HANG -> {
				delivered.putIfAbsent(request.get("outId").asText(), request);
				accepted.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				answer(exchange, 200, "{\"code\":\"OK\",\"bizId\":\"late\"}");
			}
			case SLOW -> {
				delivered.putIfAbsent(request.get("outId").asText(), request);
				sleep(1500);
				answer(exchange, 200, "{\"code\":\"OK\",\"bizId\":\"slow\"}");
			}
			default -> {
				delivered.putIfAbsent(request.get("outId").asText(), request);
				answer(exchange, 200, "{\"code\":\"OK\",\"bizId\":\"" + request.get("outId").asText() + "\"}");
			}
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		try {
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// The client gave up (timeout); a real gateway has sent the text all the same.
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
