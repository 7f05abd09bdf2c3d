package org.lianluo.notification.internal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.lianluo.notification.NotificationProperties;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tencent Cloud SMS (API 3.0, SendSms of version 2021-01-11) signed with TC3-HMAC-SHA256 as Tencent's "签名方法 v3"
 * documents it: the canonical request (POST, "/", an empty query, the content type, host and action headers,
 * lowercase, their names, the body's SHA-256) is hashed into the string to sign with the timestamp and the
 * credential scope {@code date/sms/tc3_request}; the key is derived from "TC3" + SecretKey by HMAC over the date,
 * the service and "tc3_request". {@code SessionContext} carries the delivery's id; phones go as +86 numbers.
 */
final class TencentSmsProvider extends CloudSmsProvider {

	static final String ENDPOINT = "https://sms.tencentcloudapi.com";

	static final String CONTENT_TYPE = "application/json; charset=utf-8";

	private static final Set<String> TEMPLATE = Set.of("FailedOperation.TemplateIncorrectOrUnapproved",
			"FailedOperation.TemplateParamSetNotMatchApprovedTemplate", "FailedOperation.TemplateUnapprovedOrNotExist",
			"InvalidParameterValue.TemplateParameterFormatError", "InvalidParameterValue.TemplateParameterLengthLimit",
			"InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", "InvalidParameterValue.ContentLengthLimit",
			"UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone");

	private static final Set<String> NUMBER = Set.of("InvalidParameterValue.IncorrectPhoneNumber",
			"FailedOperation.PhoneNumberInBlacklist", "FailedOperation.PhoneNumberParseFail",
			"UnsupportedOperation.UnsupportedRegion");

	private static final Set<String> SIGNATURE = Set.of("FailedOperation.SignatureIncorrectOrUnapproved");

	private static final Set<String> CONTENT = Set.of("FailedOperation.ContainSensitiveWord");

	private static final Set<String> UNTIL_TOMORROW = Set.of("LimitExceeded.PhoneNumberDailyLimit", "LimitExceeded.DailyLimit",
			"LimitExceeded.AppDailyLimit", "LimitExceeded.AppGlobalDailyLimit", "LimitExceeded.AppMainlandChinaDailyLimit",
			"LimitExceeded.PhoneNumberSameContentDailyLimit");

	private final JsonMapper json;

	private final URI endpoint;

	private final String region;

	private final String sdkAppId;

	TencentSmsProvider(NotificationProperties.Sms config, CloudSmsTemplates templates, MessageSource messages, JsonMapper json,
			Clock clock) {
		super(config, templates, messages, clock);
		if (config.tencent().sdkAppId() == null || config.tencent().sdkAppId().isBlank()) {
			throw new IllegalStateException("lianluo.notification.sms.provider=tencent：必须设置 lianluo.notification.sms.tencent.sdk-app-id（短信应用 SdkAppId）");
		}
		this.json = json;
		String url = config.tencent().endpoint();
		this.endpoint = URI.create((url == null || url.isBlank() ? ENDPOINT : url.strip()).replaceAll("/+$", "") + "/");
		this.region = config.tencent().region() == null || config.tencent().region().isBlank() ? "ap-guangzhou"
				: config.tencent().region().strip();
		this.sdkAppId = config.tencent().sdkAppId().strip();
	}

	@Override
	HttpRequest request(SmsMessage message, String templateId, List<Value> values) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("PhoneNumberSet", List.of(e164(message.phone())));
		body.put("SmsSdkAppId", sdkAppId);
		body.put("SignName", config.signName());
		body.put("TemplateId", templateId);
		body.put("TemplateParamSet", values.stream().map(Value::value).toList());
		body.put("SessionContext", message.outId());
		String payload = json.writeValueAsString(body);
		long timestamp = clock.instant().getEpochSecond();
		Map<String, String> signed = new TreeMap<>();
		signed.put("content-type", CONTENT_TYPE);
		signed.put("host", endpoint.getRawAuthority());
		signed.put("x-tc-action", "SendSms");
		return HttpRequest.newBuilder(endpoint)
			.timeout(config.timeout())
			.header("Content-Type", CONTENT_TYPE)
			.header("X-TC-Action", "SendSms")
			.header("X-TC-Version", "2021-01-11")
			.header("X-TC-Region", region)
			.header("X-TC-Timestamp", String.valueOf(timestamp))
			.header("Authorization", authorization(config.accessKey(), config.secret(), "sms", timestamp, signed, payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
			.build();
	}

	/** A mainland number as E.164 (+86…); one already written with its country code as it is. */
	static String e164(String phone) {
		return phone.startsWith("+") ? phone : "+86" + phone;
	}

	/**
	 * The TC3 {@code Authorization} header of a POST to "/" with no query. {@code headers}: the headers to sign,
	 * lowercase names; their values are lowercased and trimmed as the method requires.
	 */
	static String authorization(String secretId, String secretKey, String service, long timestamp, Map<String, String> headers,
			String payload) {
		String signedHeaders = String.join(";", new TreeMap<>(headers).keySet());
		String canonicalRequest = canonicalRequest(headers, payload);
		String date = LocalDate.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC).toString();
		String scope = date + "/" + service + "/tc3_request";
		String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + SmsSigning.sha256Hex(canonicalRequest);
		byte[] key = SmsSigning.hmac(SmsSigning.hmac(SmsSigning.hmac("TC3" + secretKey, date), service), "tc3_request");
		return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature="
				+ SmsSigning.hex(SmsSigning.hmac(key, stringToSign));
	}

	/** The canonical request of a POST to "/" with no query: the headers lowercased and trimmed, sorted. */
	static String canonicalRequest(Map<String, String> headers, String payload) {
		Map<String, String> sorted = new TreeMap<>(headers);
		StringBuilder canonicalHeaders = new StringBuilder();
		sorted.forEach((name, value) -> canonicalHeaders.append(name)
			.append(':')
			.append(value.strip().toLowerCase(Locale.ROOT))
			.append('\n'));
		return "POST\n/\n\n" + canonicalHeaders + "\n" + String.join(";", sorted.keySet()) + "\n" + SmsSigning.sha256Hex(payload);
	}

	@Override
	Outcome answer(int status, String body, String phone) {
		JsonNode response;
		try {
			response = json.readTree(body).path("Response");
		}
		catch (RuntimeException ex) {
			return failed(status, "unreadable answer");
		}
		// An error of the whole call is in Response.Error; the fate of each number in Response.SendStatusSet.
		JsonNode error = response.path("Error");
		JsonNode number = response.path("SendStatusSet").path(0);
		String code = (error.isMissingNode() ? number.path("Code") : error.path("Code")).asText("")
			.replaceAll("[^A-Za-z0-9._-]", "");
		if (status / 100 == 2 && error.isMissingNode() && "Ok".equals(code)) {
			return new Sent(number.path("SerialNo").asText(""));
		}
		Duration wait = wait(code);
		if (wait != null || code.startsWith("RequestLimitExceeded") || status == 429) {
			return new RateLimited(wait);
		}
		String kind = TEMPLATE.contains(code) ? "template" : NUMBER.contains(code) ? "number"
				: SIGNATURE.contains(code) ? "signature" : CONTENT.contains(code) ? "content" : null;
		return kind == null ? failed(status, code) : refused(kind, code, phone);
	}

	/** How long a limit Tencent names lasts; null when it is not a limit of known length. */
	private Duration wait(String code) {
		if (UNTIL_TOMORROW.contains(code)) {
			return untilTomorrow();
		}
		return switch (code) {
			case "LimitExceeded.PhoneNumberThirtySecondLimit" -> Duration.ofSeconds(30);
			case "LimitExceeded.PhoneNumberOneHourLimit" -> Duration.ofHours(1);
			case "LimitExceeded.DeliveryFrequencyLimit" -> Duration.ofMinutes(1);
			default -> null;
		};
	}
}
