package org.lianluo.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

/**
 * Plays Aliyun's dysmsapi on a local port. Every request is checked the way Aliyun documents its V3 signature
 * (ACS3-HMAC-SHA256), written here from the documentation and independent of Lianluo's signer: the query decoded
 * and encoded again by RFC 3986, sorted; the signed headers as received (every {@code x-acs-*} header must be among
 * them); the body's SHA-256 against {@code x-acs-content-sha256}. A request that does not verify gets Aliyun's
 * {@code SignatureDoesNotMatch}. Verified SendSms calls are kept and answered OK, or with the error code the test
 * chose for the phone.
 */
final class AliyunFakeSms implements AutoCloseable {

	static final String KEY_ID = "LTAI5tTestKeyId";

	private final HttpServer server;

	volatile String secret = "aliyun-test-secret";

	/** Verified SendSms calls, each its decoded query parameters. */
	final List<Map<String, String>> accepted = new CopyOnWriteArrayList<>();

	final List<String> refusedSignatures = new CopyOnWriteArrayList<>();

	/** Phone → {code, message} to answer instead of OK. */
	final Map<String, String[]> answers = new ConcurrentHashMap<>();

	AliyunFakeSms() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "fake-aliyun-sms");
			t.setDaemon(true);
			return t;
		}));
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<Map<String, String>> acceptedFor(String phone) {
		return accepted.stream().filter(q -> phone.equals(q.get("PhoneNumbers"))).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> query = new TreeMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		for (String pair : raw == null ? new String[0] : raw.split("&")) {
			String[] kv = pair.split("=", 2);
			query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
		}
		String problem = verify(exchange, body, query);
		if (problem != null) {
			refusedSignatures.add(problem);
			answer(exchange, 400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched with our calculation.\",\"RequestId\":\"fake\"}");
			return;
		}
		accepted.add(query);
		String[] chosen = answers.get(query.getOrDefault("PhoneNumbers", ""));
		if (chosen != null) {
			answer(exchange, 200, "{\"Code\":\"" + chosen[0] + "\",\"Message\":\"" + chosen[1] + "\",\"RequestId\":\"fake\"}");
			return;
		}
		answer(exchange, 200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"biz-" + query.get("OutId") + "\",\"RequestId\":\"fake\"}");
	}

	/** Null when the request is what Aliyun accepts; else what is wrong. */
	private String verify(HttpExchange exchange, byte[] body, Map<String, String> query) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (!"POST".equals(exchange.getRequestMethod()) || authorization == null
				|| !authorization.startsWith("ACS3-HMAC-SHA256 ")) {
			return "no ACS3 authorization";
		}
		Map<String, String> parts = new TreeMap<>();
		for (String part : authorization.substring("ACS3-HMAC-SHA256 ".length()).split(",")) {
			String[] kv = part.strip().split("=", 2);
			parts.put(kv[0], kv.length > 1 ? kv[1] : "");
		}
		if (!KEY_ID.equals(parts.get("Credential"))) {
			return "unknown AccessKeyId";
		}
		List<String> signed = List.of(parts.getOrDefault("SignedHeaders", "").split(";"));
		Map<String, String> headers = new TreeMap<>();
		for (String name : signed) {
			String value = exchange.getRequestHeaders().getFirst(name);
			if (value == null) {
				return "signed header missing: " + name;
			}
			headers.put(name, value);
		}
		for (String name : exchange.getRequestHeaders().keySet()) {
			String lower = name.toLowerCase();
			if (lower.startsWith("x-acs-") && !signed.contains(lower)) {
				return "unsigned header " + lower;
			}
		}
		if (!signed.contains("host") || !"SendSms".equals(headers.get("x-acs-action"))
				|| !"2017-05-25".equals(headers.get("x-acs-version")) || headers.get("x-acs-signature-nonce") == null
				|| headers.get("x-acs-date") == null || !sha256(body).equals(headers.get("x-acs-content-sha256"))) {
			return "headers";
		}
		String expected = signature("POST", "/", query, headers, secret);
		return expected.equals(parts.get("Signature")) ? null : "signature";
	}

	/**
	 * The V3 signature as Aliyun's documentation builds it: {@code query} decoded, {@code headers} the signed ones
	 * (lowercase names, among them {@code x-acs-content-sha256}).
	 */
	public static String signature(String method, String path, Map<String, String> query, Map<String, String> headers, String secret) {
		StringBuilder canonicalQuery = new StringBuilder();
		new TreeMap<>(query).forEach((k, v) -> canonicalQuery.append(canonicalQuery.isEmpty() ? "" : "&")
			.append(rfc3986(k))
			.append('=')
			.append(rfc3986(v)));
		StringBuilder canonicalHeaders = new StringBuilder();
		new TreeMap<>(headers).forEach((k, v) -> canonicalHeaders.append(k.toLowerCase()).append(':').append(v.trim()).append('\n'));
		String request = String.join("\n", method, path, canonicalQuery, canonicalHeaders.toString(),
				String.join(";", new TreeMap<>(headers).keySet()), headers.get("x-acs-content-sha256"));
		return HexFormat.of().formatHex(hmac(secret, "ACS3-HMAC-SHA256\n" + sha256(request.getBytes(StandardCharsets.UTF_8))));
	}

	/** Unreserved characters as they are, every other UTF-8 byte as %XX (uppercase). */
	private static String rfc3986(String s) {
		StringBuilder out = new StringBuilder();
		for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return out.toString();
	}

	private static String decode(String s) {
		return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(String key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
