package org.lianluo.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.lianluo.notification.MessageTemplates;
import org.lianluo.notification.NotificationProperties;
import org.lianluo.notification.SmsProvider;
import org.lianluo.notification.SmsProvider.Failed;
import org.lianluo.notification.SmsProvider.Outcome;
import org.lianluo.notification.SmsProvider.RateLimited;
import org.lianluo.notification.SmsProvider.Refused;
import org.lianluo.notification.SmsProvider.SmsMessage;
import org.lianluo.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what is due. A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and marked SENDING, with a lease,
 * in one short transaction; each SMS then goes to the gateway with the delivery's id as out-id (each e-mail to
 * SMTP with it as Message-ID), and its outcome
 * is marked in a second transaction, only if the claim is still ours. See the package documentation.
 */
@Component
public class DeliverySender {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

	private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final SmsProvider sms;

	private final PersonalData personalData;

	private final JsonMapper json;

	private final QuietHours quietHours;

	private final NotificationProperties properties;

	private final MessageTemplates templates;

	private final MailChannel mail;

	private final Clock clock;

	private final RatingLinks ratingLinks;

	DeliverySender(RatingLinks ratingLinks, JdbcClient jdbc, TransactionTemplate tx, SmsProvider sms, MailChannel mail, PersonalData personalData,
			JsonMapper json, QuietHours quietHours, NotificationProperties properties, MessageTemplates templates,
			Clock clock) {
		this.ratingLinks = ratingLinks;
		this.mail = mail;
		this.templates = templates;
		this.jdbc = jdbc;
		this.tx = tx;
		this.sms = sms;
		this.personalData = personalData;
		this.json = json;
		this.quietHours = quietHours;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends every delivery due now, batch after batch; returns how many were sent. */
	public int sendDue() {
		int sent = 0;
		for (List<Claim> batch = claim(); !batch.isEmpty(); batch = claim()) {
			for (Claim c : batch) {
				sent += send(c) ? 1 : 0;
			}
		}
		return sent;
	}

	private List<Claim> claim() {
		Instant now = clock.instant();
		return tx.execute(status -> {
			List<Row> due = jdbc.sql("""
					select id, channel, recipient_enc, recipient_hash, recipient_user, template, params, link, urgent, attempts
					from notification_delivery
					where status in ('PENDING', 'FAILED', 'SENDING') and next_attempt_at <= ?
					order by next_attempt_at, id limit ? for update skip locked""")
				.params(utc(now), properties.delivery().batch())
				.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
						rs.getInt(10)))
				.list();
			List<Claim> claims = new ArrayList<>();
			for (Row r : due) {
				if (r.isSms()) {
					Instant allowed = quietHours.notBefore(now, r.urgent());
					if (allowed.isAfter(now)) {
						defer(r.id(), allowed, null);
						continue;
					}
					Instant free = rateLimitFree(r.recipientHash(), now);
					if (free.isAfter(now)) {
						defer(r.id(), free, "rate-limit");
						continue;
					}
				}
				jdbc.sql("""
						update notification_delivery set status = 'SENDING', attempts = attempts + 1, next_attempt_at = ?,
						  updated_at = ? where id = ?""")
					.params(utc(now.plus(properties.delivery().lease())), utc(now), r.id())
					.update();
				claims.add(new Claim(r, r.attempts() + 1));
			}
			return claims;
		});
	}

	/**
	 * When the per-phone limit next allows a message: now, or an hour after the oldest of the last hour's. Rows
	 * this transaction just claimed count as SENDING.
	 */
	private Instant rateLimitFree(String hash, Instant now) {
		List<OffsetDateTime> recent = jdbc.sql("""
				select coalesce(sent_at, updated_at) from notification_delivery
				where recipient_hash = ? and channel = 'SMS' and ((status = 'SENT' and sent_at > ?) or status = 'SENDING')
				order by 1""")
			.params(hash, utc(now.minus(Duration.ofHours(1))))
			.query(OffsetDateTime.class)
			.list();
		int limit = properties.sms().perPhonePerHour();
		if (recent.size() < limit) {
			return now;
		}
		if (recent.isEmpty()) {
			return now.plus(Duration.ofMinutes(1));
		}
		Instant free = recent.get(recent.size() - limit).toInstant().plus(Duration.ofHours(1));
		return free.isAfter(now) ? free : now.plus(Duration.ofMinutes(1));
	}

	private void defer(UUID id, Instant until, String reason) {
		jdbc.sql("""
				update notification_delivery set status = case when status = 'SENDING' then 'PENDING' else status end,
				  next_attempt_at = ?, last_error = coalesce(?, last_error), updated_at = ? where id = ?""")
			.params(utc(until), reason, utc(clock.instant()), id)
			.update();
	}

	private boolean send(Claim c) {
		Outcome outcome;
		try {
			Map<String, String> params = json.readValue(c.row().params(), PARAMS);
			String recipient = personalData.decrypt(c.row().recipientEnc(), "notification_delivery", "recipient_enc", c.row().id());
			if (c.row().isSms()) {
				params = ratingLinks.complete(c.row().template(), params);
				String text = templates.text(c.row().template(), "SMS", params, Locale.SIMPLIFIED_CHINESE);
				outcome = sms.send(new SmsMessage(c.row().id().toString(), recipient, c.row().template(),
						properties.sms().templateId(c.row().template()), params, text));
			}
			else {
				outcome = mail.send(c.row().id(), recipient, c.row().recipientUser(), c.row().template(), params,
						c.row().link());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Delivery {} failed: {}", c.row().id(), ex.getClass().getSimpleName(), ex);
			outcome = new Failed(ex.getClass().getSimpleName());
		}
		return mark(c, outcome);
	}

	private boolean mark(Claim c, Outcome outcome) {
		Instant now = clock.instant();
		String ours = " where id = ? and status = 'SENDING' and attempts = ?";
		if (outcome instanceof SmsProvider.Sent) {
			jdbc.sql("update notification_delivery set status = 'SENT', sent_at = ?, last_error = null, updated_at = ?" + ours)
				.params(utc(now), utc(now), c.row().id(), c.attempt())
				.update();
			return true;
		}
		if (outcome instanceof RateLimited limited) {
			// The gateway's limit is not a failed attempt: the attempt is given back.
			Duration wait = limited.retryAfter() == null || limited.retryAfter().isNegative()
					? properties.delivery().backoff(1) : limited.retryAfter().plusSeconds(1);
			Duration max = Duration.ofSeconds(properties.sms().maxRetryAfterSeconds());
			jdbc.sql("""
					update notification_delivery set status = 'PENDING', attempts = attempts - 1, next_attempt_at = ?,
					  last_error = 'rate-limited', updated_at = ?""" + ours)
				.params(utc(now.plus(wait.compareTo(max) > 0 ? max : wait)), utc(now), c.row().id(), c.attempt())
				.update();
			return false;
		}
		// A refusal for good ends in the dead letters at once; a failure is tried again until max-attempts.
		boolean refused = outcome instanceof Refused;
		String error = truncate(refused ? ((Refused) outcome).reason() : ((Failed) outcome).error());
		boolean dead = refused || c.attempt() >= properties.delivery().maxAttempts();
		jdbc.sql("update notification_delivery set status = ?, next_attempt_at = ?, last_error = ?, updated_at = ?" + ours)
			.params(dead ? "DEAD" : "FAILED", utc(now.plus(properties.delivery().backoff(c.attempt()))), error, utc(now),
					c.row().id(), c.attempt())
			.update();
		return false;
	}

	private static String truncate(String s) {
		return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
	}

	private static OffsetDateTime utc(Instant i) {
		return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
	}

	private record Row(UUID id, String channel, String recipientEnc, String recipientHash, UUID recipientUser,
			String template, String params, String link, boolean urgent, int attempts) {

		boolean isSms() {
			return "SMS".equals(channel);
		}
	}

	private record Claim(Row row, int attempt) {
	}
}
