package org.lianluo.notification;

import java.time.Instant;
import java.util.UUID;

/** A delivery as ADMIN sees it on the dead-letter list: the recipient masked. */
public record DeliveryView(UUID id, String channel, String recipient, String template, String status, int attempts,
		Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
