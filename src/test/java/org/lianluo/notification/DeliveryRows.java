package org.lianluo.notification;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lianluo.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox's rows for one phone (by its search hash), oldest first. */
record DeliveryRows(JdbcClient jdbc, PersonalData personalData) {

	List<Row> of(String phone) {
		return jdbc.sql("""
				select id, template, status, attempts, next_attempt_at, last_error from notification_delivery
				where recipient_hash = ? and channel = 'SMS' order by created_at, id""")
			.param(personalData.searchHash(phone))
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
			.list();
	}

	/** Waits for the listeners (after the commit of the change) to have written {@code count} rows. */
	List<Row> await(String phone, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> of(phone).size() >= count);
		return of(phone);
	}

	Row last(String phone) {
		List<Row> rows = of(phone);
		return rows.get(rows.size() - 1);
	}

	record Row(UUID id, String template, String status, int attempts, Instant nextAttemptAt, String lastError) {
	}
}
