package org.lianluo.notification.internal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.notification.NotificationProperties;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aliyun SMS (dysmsapi 2017-05-25, SendSms) signed with Aliyun's V3 request signature, ACS3-HMAC-SHA256, which
 * Aliyun's documentation ("V3版本请求体&签名机制") now describes for every API and recommends over the older RPC
 * signature: the parameters travel in the query, the canonical request (method, "/", the sorted RFC 3986 query, the
 * host, content type and {@code x-acs-*} headers, their names, the body's SHA-256) is hashed and HMAC-SHA256-signed
 * with the AccessKey secret. {@code OutId} carries the delivery's id.
 */
final class AliyunSmsProvider extends CloudSmsProvider {

	static final String ENDPOINT = "https://dysmsapi.aliyuncs.com";

	private static final DateTimeFormatter ACS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

	private static final Set<String> TEMPLATE = Set.of("isv.SMS_TEMPLATE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS",
			"isv.INVALID_JSON_PARAM", "isv.PARAM_LENGTH_LIMIT", "isv.PARAM_NOT_SUPPORT_URL", "isv.TEMPLATE_PARAMS_ILLEGAL",
			"isv.SMS_SIGNATURE_SCENE_ILLEGAL");

	private static final Set<String> NUMBER = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT",
			"isv.DOMESTIC_NUMBER_NOT_SUPPORTED");

	private static final Set<String> SIGNATURE = Set.of("isv.SMS_SIGNATURE_ILLEGAL", "isv.SIGN_STATE_ILLEGAL", "isv.SMS_SIGN_ILLEGAL");

	private static final Set<String> CONTENT = Set.of("isv.SMS_CONTENT_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT");

	private final JsonMapper json;

	private final URI endpoint;

	AliyunSmsProvider(NotificationProperties.Sms config, CloudSmsTemplates templates, MessageSource messages, JsonMapper json,
			java.time.Clock clock) {
		super(config, templates, messages, clock);
		this.json = json;
		String url = config.aliyun().endpoint();
		this.endpoint = URI.create((url == null || url.isBlank() ? ENDPOINT : url.strip()).replaceAll("/+$", ""));
	}

	@Override
	HttpRequest request(SmsMessage message, String templateId, List<Value> values) {
		Map<String, String> variables = new LinkedHashMap<>();
		values.forEach(v -> variables.put(v.variable(), v.value()));
		Map<String, String> query = new TreeMap<>();
		query.put("PhoneNumbers", message.phone());
		query.put("SignName", config.signName());
		query.put("TemplateCode", templateId);
		query.put("TemplateParam", json.writeValueAsString(variables));
		query.put("OutId", message.outId());
		String canonicalQuery = query.entrySet()
			.stream()
			.map(e -> SmsSigning.percent(e.getKey()) + "=" + SmsSigning.percent(e.getValue()))
			.collect(Collectors.joining("&"));
		Map<String, String> headers = new TreeMap<>();
		headers.put("host", endpoint.getRawAuthority());
		headers.put("x-acs-action", "SendSms");
		headers.put("x-acs-version", "2017-05-25");
		headers.put("x-acs-date", ACS_DATE.format(clock.instant()));
		headers.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
		headers.put("x-acs-content-sha256", SmsSigning.sha256Hex(""));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "/?" + canonicalQuery))
			.timeout(config.timeout())
			.header("Authorization", authorization("POST", "/", canonicalQuery, headers, config.accessKey(), config.secret()))
			.POST(HttpRequest.BodyPublishers.noBody());
		headers.forEach((name, value) -> {
			if (!name.equals("host")) {
				request.header(name, value);
			}
		});
		return request.build();
	}

	/**
	 * The V3 {@code Authorization} header. {@code headers}: every header to sign, lowercase names (host, content
	 * type and all {@code x-acs-*}, among them {@code x-acs-content-sha256}, the body's hash).
	 */
	static String authorization(String method, String canonicalUri, String canonicalQuery, Map<String, String> headers,
			String accessKeyId, String secret) {
		Map<String, String> sorted = new TreeMap<>(headers);
		StringBuilder canonicalHeaders = new StringBuilder();
		sorted.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value.strip()).append('\n'));
		String signedHeaders = String.join(";", sorted.keySet());
		String canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
				+ signedHeaders + "\n" + sorted.get("x-acs-content-sha256");
		String stringToSign = "ACS3-HMAC-SHA256\n" + SmsSigning.sha256Hex(canonicalRequest);
		return "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature="
				+ SmsSigning.hex(SmsSigning.hmac(secret, stringToSign));
	}

	@Override
	Outcome answer(int status, String body, String phone) {
		JsonNode answer;
		try {
			answer = json.readTree(body);
		}
		catch (RuntimeException ex) {
			return failed(status, "unreadable answer");
		}
		String code = answer.path("Code").asText("").replaceAll("[^A-Za-z0-9._-]", "");
		if (status / 100 == 2 && "OK".equals(code)) {
			return new Sent(answer.path("BizId").asText(""));
		}
		if (code.equals("isv.BUSINESS_LIMIT_CONTROL")) {
			// Aliyun's per-phone flow control counts per minute, hour and day; its message says which one hit.
			String said = answer.path("Message").asText("");
			return new RateLimited(said.contains("天") || said.toLowerCase().contains("day") ? untilTomorrow()
					: said.contains("小时") || said.toLowerCase().contains("hour") ? Duration.ofHours(1) : Duration.ofMinutes(1));
		}
		if (code.equals("isv.DAY_LIMIT_CONTROL")) {
			return new RateLimited(untilTomorrow());
		}
		if (code.startsWith("Throttling") || status == 429) {
			return new RateLimited(null);
		}
		String kind = TEMPLATE.contains(code) ? "template" : NUMBER.contains(code) ? "number"
				: SIGNATURE.contains(code) ? "signature" : CONTENT.contains(code) ? "content" : null;
		return kind == null ? failed(status, code) : refused(kind, code, phone);
	}
}
