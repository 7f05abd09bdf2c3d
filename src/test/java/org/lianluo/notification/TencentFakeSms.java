package org.lianluo.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays Tencent Cloud's SMS API 3.0 on a local port. Every request is checked the way Tencent documents
 * TC3-HMAC-SHA256, written here from the documentation and independent of Lianluo's signer: the credential scope
 * (the UTC date of X-TC-Timestamp, service {@code sms}), the signed headers as received (lowercase names and
 * values, at least content-type and host), the body's SHA-256, the key derived from "TC3" + SecretKey. A request
 * that does not verify gets {@code AuthFailure.SignatureFailure}. Verified SendSms calls are kept and answered
 * {@code Ok} per number, or with the error code the test chose for the phone (for the whole call, or for the number).
 */
final class TencentFakeSms implements AutoCloseable {

	static final String SECRET_ID = "AKIDtestSecretId";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	volatile String secretKey = "tencent-test-secret";

	/** Verified SendSms calls: the body, and the region header. */
	final List<JsonNode> accepted = new CopyOnWriteArrayList<>();

	final List<String> regions = new CopyOnWriteArrayList<>();

	final List<String> refusedSignatures = new CopyOnWriteArrayList<>();

	/** E.164 phone → error code of the whole call (Response.Error). */
	final Map<String, String> callErrors = new ConcurrentHashMap<>();

	/** E.164 phone → code of the number's status (SendStatusSet). */
	final Map<String, String> numberCodes = new ConcurrentHashMap<>();

	TencentFakeSms() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "fake-tencent-sms");
			t.setDaemon(true);
			return t;
		}));
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<JsonNode> acceptedFor(String phone) {
		return accepted.stream().filter(b -> b.path("PhoneNumberSet").path(0).asText().equals("+86" + phone)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String problem = verify(exchange, body);
		if (problem != null) {
			refusedSignatures.add(problem);
			answer(exchange, "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"The provided credentials could not be validated.\"},\"RequestId\":\"fake\"}}");
			return;
		}
		JsonNode request = JSON.readTree(new String(body, StandardCharsets.UTF_8));
		accepted.add(request);
		regions.add(exchange.getRequestHeaders().getFirst("X-TC-Region"));
		String phone = request.path("PhoneNumberSet").path(0).asText();
		String error = callErrors.get(phone);
		if (error != null) {
			answer(exchange, "{\"Response\":{\"Error\":{\"Code\":\"" + error + "\",\"Message\":\"refused\"},\"RequestId\":\"fake\"}}");
			return;
		}
		String code = numberCodes.getOrDefault(phone, "Ok");
		answer(exchange, "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"serial-" + request.path("SessionContext").asText()
				+ "\",\"PhoneNumber\":\"" + phone + "\",\"Fee\":1,\"SessionContext\":\"" + request.path("SessionContext").asText()
				+ "\",\"Code\":\"" + code + "\",\"Message\":\"" + ("Ok".equals(code) ? "send success" : "refused")
				+ "\",\"IsoCode\":\"CN\"}],\"RequestId\":\"fake\"}}");
	}

	private String verify(HttpExchange exchange, byte[] body) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String timestamp = exchange.getRequestHeaders().getFirst("X-TC-Timestamp");
		if (!"POST".equals(exchange.getRequestMethod()) || authorization == null || timestamp == null
				|| !authorization.startsWith("TC3-HMAC-SHA256 ")) {
			return "no TC3 authorization";
		}
		if (!"SendSms".equals(exchange.getRequestHeaders().getFirst("X-TC-Action"))
				|| !"2021-01-11".equals(exchange.getRequestHeaders().getFirst("X-TC-Version"))
				|| exchange.getRequestHeaders().getFirst("X-TC-Region") == null) {
			return "action, version or region";
		}
		Map<String, String> parts = new TreeMap<>();
		for (String part : authorization.substring("TC3-HMAC-SHA256 ".length()).split(", ")) {
			String[] kv = part.split("=", 2);
			parts.put(kv[0], kv.length > 1 ? kv[1] : "");
		}
		String[] credential = parts.getOrDefault("Credential", "").split("/");
		String date = Instant.ofEpochSecond(Long.parseLong(timestamp)).atZone(ZoneOffset.UTC).toLocalDate().toString();
		if (credential.length != 4 || !SECRET_ID.equals(credential[0]) || !date.equals(credential[1])
				|| !"sms".equals(credential[2]) || !"tc3_request".equals(credential[3])) {
			return "credential";
		}
		List<String> signed = List.of(parts.getOrDefault("SignedHeaders", "").split(";"));
		if (!signed.contains("content-type") || !signed.contains("host")) {
			return "content-type and host must be signed";
		}
		Map<String, String> headers = new TreeMap<>();
		for (String name : signed) {
			String value = exchange.getRequestHeaders().getFirst(name);
			if (value == null) {
				return "signed header missing: " + name;
			}
			headers.put(name, value);
		}
		String expected = signature(secretKey, "sms", Long.parseLong(timestamp), headers, body);
		return expected.equals(parts.get("Signature")) ? null : "signature";
	}

	/** TC3-HMAC-SHA256 of a POST to "/" with no query, as Tencent's documentation computes it. */
	public static String signature(String secretKey, String service, long timestamp, Map<String, String> headers, byte[] body) {
		StringBuilder canonicalHeaders = new StringBuilder();
		new TreeMap<>(headers).forEach((k, v) -> canonicalHeaders.append(k.toLowerCase()).append(':')
			.append(v.trim().toLowerCase())
			.append('\n'));
		String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + "\n" + String.join(";", new TreeMap<>(headers).keySet())
				+ "\n" + sha256(body);
		String date = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
		String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
				+ sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8));
		byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
		byte[] secretSigning = hmac(hmac(secretDate, service), "tc3_request");
		return HexFormat.of().formatHex(hmac(secretSigning, toSign));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
