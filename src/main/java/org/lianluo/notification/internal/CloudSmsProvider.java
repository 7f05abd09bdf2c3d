package org.lianluo.notification.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lianluo.notification.NotificationProperties;
import org.lianluo.notification.SmsProvider;
import org.lianluo.platform.PersonalData;
import org.lianluo.region.WorkingCalendar;
import org.springframework.context.MessageSource;

/**
 * What Aliyun's and Tencent Cloud's SMS have in common: a message goes out as the provider's approved template with
 * the message's values in the template's order, under the configured 签名, as one signed HTTPS call; the answer's
 * error code decides between sent, rate limited (waited out), failed (tried again) and refused for good (a dead
 * letter at once, with a Chinese reason naming the code, the phone masked). Phones are never logged.
 */
abstract class CloudSmsProvider implements SmsProvider {

	protected final NotificationProperties.Sms config;

	protected final Clock clock;

	private final CloudSmsTemplates templates;

	private final MessageSource messages;

	private final HttpClient http;

	CloudSmsProvider(NotificationProperties.Sms config, CloudSmsTemplates templates, MessageSource messages, Clock clock) {
		if (blank(config.accessKey()) || blank(config.secret()) || blank(config.signName())) {
			throw new IllegalStateException("lianluo.notification.sms.provider=" + templates.provider()
					+ "：必须设置 lianluo.notification.sms.access-key、.secret 与 .sign-name（密钥请由环境变量提供）");
		}
		this.config = config;
		this.templates = templates;
		this.messages = messages;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
	}

	/** The signed request for one phone, the provider's template id and its values in order. */
	abstract HttpRequest request(SmsMessage message, String templateId, List<Value> values);

	/** What the provider's answer means for this message. */
	abstract Outcome answer(int status, String body, String phone);

	@Override
	public final Outcome send(SmsMessage message) {
		var approved = templates.of(message.template());
		if (approved.isEmpty()) {
			return refused("unmapped", message.template(), message.phone());
		}
		List<Value> values = new ArrayList<>();
		for (CloudSmsTemplates.Param p : approved.get().params()) {
			String value = message.params().get(p.placeholder());
			if (value == null) {
				return refused("value", p.placeholder(), message.phone());
			}
			values.add(new Value(p.variable(), value));
		}
		return SmsCalls.send(http, request(message, approved.get().id(), values), config.timeout(),
				response -> answer(response.statusCode(), response.body(), message.phone()));
	}

	/** A refusal for good: {@code kind} is one of template, number, signature, content, unmapped, value. */
	protected Refused refused(String kind, String codeOrName, String phone) {
		String provider = messages.getMessage("notification.sms.provider." + templates.provider(), null, Locale.SIMPLIFIED_CHINESE);
		return new Refused(messages.getMessage("notification.sms.refused." + kind,
				new Object[] { provider, codeOrName, PersonalData.mask(phone), templates.provider() }, Locale.SIMPLIFIED_CHINESE));
	}

	/** A failure worth another attempt, without the provider's words (they may repeat the number). */
	protected Failed failed(int status, String code) {
		return new Failed(templates.provider() + " HTTP " + status + (code == null || code.isEmpty() ? "" : " " + code));
	}

	/** How long until the provider's day ends, midnight in Asia/Shanghai (its day limits count there). */
	protected Duration untilTomorrow() {
		Instant now = clock.instant();
		Instant midnight = LocalDate.ofInstant(now, WorkingCalendar.ZONE).plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
		return Duration.between(now, midnight);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** One value of the template: the provider's variable name and the message's value for it. */
	record Value(String variable, String value) {
	}
}
