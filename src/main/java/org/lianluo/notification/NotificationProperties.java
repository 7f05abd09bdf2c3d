package org.lianluo.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianluo.notification.*}: how deliveries are retried, the quiet hours and rate limit of SMS, the SMS
 * gateway, and the sender and links of e-mail. With no {@code sms.url} SMS go to the log (development); with no
 * {@code spring.mail.host}, e-mail too.
 */
@ConfigurationProperties("lianluo.notification")
public record NotificationProperties(Delivery delivery, Sms sms, Email email) {

	public NotificationProperties {
		email = email == null ? new Email(null, null) : email;
		delivery = delivery == null ? new Delivery(null, null, null, null, null, null) : delivery;
		sms = sms == null ? new Sms(null, null, null, null, null, null, null, null, null, null, null, null, null) : sms;
	}

	/**
	 * Retries: attempt n waits {@code firstBackoff · 2^(n-1)}, at most {@code maxBackoff}; after
	 * {@code maxAttempts} the delivery is DEAD. {@code lease} is how long a send may take before another node
	 * assumes its sender died.
	 */
	public record Delivery(Integer maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease,
			Integer batch, Duration interval) {

		public Delivery {
			maxAttempts = maxAttempts == null ? 6 : maxAttempts;
			firstBackoff = firstBackoff == null ? Duration.ofMinutes(1) : firstBackoff;
			maxBackoff = maxBackoff == null ? Duration.ofHours(2) : maxBackoff;
			lease = lease == null ? Duration.ofMinutes(5) : lease;
			batch = batch == null ? 50 : batch;
			interval = interval == null ? Duration.ofSeconds(10) : interval;
		}

		/** The wait after the given (1-based) failed attempt. */
		public Duration backoff(int attempt) {
			Duration wait = firstBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
			return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
		}
	}

	/**
	 * SMS: the provider ({@code aliyun}, {@code tencent}, {@code http}: the generic JSON gateway at {@code url}, or
	 * {@code log}; unset: {@code http} when {@code url} is set, else {@code log}), its credentials and 签名, the
	 * generic gateway's template id per message template, each cloud provider's approved template and ordered
	 * parameters per message template, quiet hours (Asia/Shanghai) and the per-phone limit per hour.
	 */
	public record Sms(String url, String accessKey, String secret, String signName, Map<String, String> templates,
			Duration timeout, LocalTime quietFrom, LocalTime quietUntil, Integer perPhonePerHour, Integer maxRetryAfterSeconds,
			String provider, Vendor aliyun, Vendor tencent) {

		public Sms {
			templates = templates == null ? Map.of() : Map.copyOf(templates);
			timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
			quietFrom = quietFrom == null ? LocalTime.of(22, 0) : quietFrom;
			quietUntil = quietUntil == null ? LocalTime.of(8, 0) : quietUntil;
			perPhonePerHour = perPhonePerHour == null ? 5 : perPhonePerHour;
			maxRetryAfterSeconds = maxRetryAfterSeconds == null ? 3600 : maxRetryAfterSeconds;
			provider = provider == null || provider.isBlank() ? (url == null || url.isBlank() ? "log" : "http")
					: provider.strip().toLowerCase(java.util.Locale.ROOT);
			aliyun = aliyun == null ? new Vendor(null, null, null, null) : aliyun;
			tencent = tencent == null ? new Vendor(null, null, null, null) : tencent;
		}

		/** The generic gateway's template id for a message template; the template's own name when none is configured. */
		public String templateId(String template) {
			return templates.getOrDefault(template, template);
		}
	}

	/**
	 * A cloud SMS provider: its API address (the provider's own when unset), Tencent's region and SdkAppId, and per
	 * message template the provider's approved template ({@code id}: Aliyun's 模板CODE, Tencent's TemplateId) with
	 * its parameters in the template's order, each the name of one of the message's placeholders (for Aliyun
	 * {@code variable=placeholder} when the registered template names its variable otherwise).
	 */
	public record Vendor(String endpoint, String region, String sdkAppId, Map<String, Template> templates) {

		public Vendor {
			templates = templates == null ? Map.of() : Map.copyOf(templates);
		}
	}

	/** One approved provider template: its id and its parameters in order. */
	public record Template(String id, List<String> params) {

		public Template {
			params = params == null ? List.of() : List.copyOf(params);
		}
	}

	/** The sender address of e-mail, and the address of the application that links in e-mail point to. */
	public record Email(String from, String baseUrl) {

		public Email {
			from = from == null || from.isBlank() ? "lianluo@localhost" : from;
			baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
		}
	}
}
