package org.lianluo.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.lianluo.platform.HistoryClock;
import org.lianluo.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages into the inbox and the delivery table, in the caller's transaction. A message's id is a
 * name-based UUID of (event, recipient, channel), so that handling one event twice writes nothing new. History
 * being replayed ({@link HistoryClock}: the demo year) keeps its inbox messages but sends no SMS or e-mail: nobody
 * is to be texted today about a step taken a year ago.
 */
@Component
class Outbox {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final JsonMapper json;

	private final QuietHours quietHours;

	private final Clock clock;

	Outbox(JdbcClient jdbc, PersonalData personalData, JsonMapper json, QuietHours quietHours, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.json = json;
		this.quietHours = quietHours;
		this.clock = clock;
	}

	/** @return whether the message is new */
	boolean toInbox(String eventKey, UUID recipient, String kind, String template, Map<String, String> params,
			String link) {
		return jdbc.sql("""
				insert into notification_message (id, recipient_id, kind, template, params, link, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(messageId(eventKey, recipient.toString(), "INBOX"), recipient, kind, template,
					json.writeValueAsString(params), link, now())
			.update() == 1;
	}

	/** @return whether the delivery is new */
	boolean toSms(String eventKey, String phone, String template, Map<String, String> params, boolean urgent,
			String regionCode) {
		if (HistoryClock.replaying()) {
			return false;
		}
		String hash = personalData.searchHash(phone);
		UUID id = messageId(eventKey, hash, "SMS");
		OffsetDateTime now = now();
		OffsetDateTime due = OffsetDateTime.ofInstant(quietHours.notBefore(now.toInstant(), urgent), ZoneOffset.UTC);
		return jdbc.sql("""
				insert into notification_delivery (id, channel, recipient_enc, recipient_hash, template, params, urgent,
				  region_code, status, attempts, next_attempt_at, created_at, updated_at)
				values (?, 'SMS', ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?) on conflict do nothing""")
			.params(id, personalData.encrypt(phone, "notification_delivery", "recipient_enc", id), hash, template,
					json.writeValueAsString(params), urgent, regionCode, due, now, now)
			.update() == 1;
	}

	/** An e-mail to a user, copy of an inbox message; the link is the application path it is about. */
	boolean toEmail(String eventKey, UUID user, String email, String template, Map<String, String> params,
			String link) {
		if (HistoryClock.replaying()) {
			return false;
		}
		OffsetDateTime now = now();
		UUID id = messageId(eventKey, user.toString(), "EMAIL");
		return jdbc.sql("""
				insert into notification_delivery (id, channel, recipient_enc, recipient_hash, recipient_user, template,
				  params, link, urgent, status, attempts, next_attempt_at, created_at, updated_at)
				values (?, 'EMAIL', ?, ?, ?, ?, ?, ?, false, 'PENDING', 0, ?, ?, ?) on conflict do nothing""")
			.params(id, personalData.encrypt(email, "notification_delivery", "recipient_enc", id),
					personalData.searchHash(email), user, template, json.writeValueAsString(params), link, now, now, now)
			.update() == 1;
	}

	static UUID messageId(String eventKey, String recipient, String channel) {
		return UUID.nameUUIDFromBytes((eventKey + "|" + recipient + "|" + channel).getBytes(StandardCharsets.UTF_8));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
	}
}
