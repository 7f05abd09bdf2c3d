package org.lianluo.notification.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.lianluo.notification.NotificationProperties;
import org.lianluo.notification.SmsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway in the style of Aliyun and Tencent SMS: a JSON POST of phone, sign name, template code,
 * template parameters, out-id and the text itself, signed with HMAC-SHA256 of access key, timestamp, nonce and body under the
 * secret. {@code {"code":"OK"}} is success; 429 is a rate limit (with Retry-After in seconds); anything else,
 * or no answer within the timeout, a failure.
 */
class HttpSmsProvider implements SmsProvider {

	private final NotificationProperties.Sms config;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	HttpSmsProvider(NotificationProperties.Sms config, JsonMapper json, Clock clock) {
		if (blank(config.accessKey()) || blank(config.secret()) || blank(config.signName())) {
			throw new IllegalStateException("lianluo.notification.sms.url is set: lianluo.notification.sms.access-key, "
					+ ".secret and .sign-name must be set too");
		}
		this.config = config;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
	}

	@Override
	public Outcome send(SmsMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("phone", message.phone());
		body.put("signName", config.signName());
		body.put("templateCode", message.templateId());
		body.put("templateParam", message.params());
		body.put("outId", message.outId());
		// The text as the office worded it, for gateways that take the content (and to check against the template).
		body.put("content", message.text());
		String payload = json.writeValueAsString(body);
		String timestamp = String.valueOf(clock.millis());
		String nonce = UUID.randomUUID().toString();
		HttpRequest request = HttpRequest.newBuilder(URI.create(config.url()))
			.timeout(config.timeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("X-Access-Key", config.accessKey())
			.header("X-Timestamp", timestamp)
			.header("X-Nonce", nonce)
			.header("X-Signature", sign(config.accessKey() + "\n" + timestamp + "\n" + nonce + "\n" + payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
			.build();
		return SmsCalls.send(http, request, config.timeout(), this::outcome);
	}

	private Outcome outcome(HttpResponse<String> response) {
		if (response.statusCode() == 429) {
			return new RateLimited(response.headers()
				.firstValue("Retry-After")
				.filter(v -> v.matches("\\d{1,6}"))
				.map(v -> Duration.ofSeconds(Long.parseLong(v)))
				.orElse(null));
		}
		if (response.statusCode() / 100 != 2) {
			return new Failed("HTTP " + response.statusCode());
		}
		try {
			JsonNode answer = json.readTree(response.body());
			String code = answer.path("code").asText("");
			if ("OK".equals(code)) {
				return new Sent(answer.path("bizId").asText(""));
			}
			return new Failed("gateway code " + code + ": " + answer.path("message").asText(""));
		}
		catch (RuntimeException ex) {
			return new Failed("unreadable answer");
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private String sign(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
