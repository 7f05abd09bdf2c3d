package org.lianluo.notification;

import java.time.Instant;
import java.util.UUID;

/** One message in a user's inbox, its text rendered in the reader's language. */
public record InboxMessage(UUID id, String kind, String text, String link, Instant createdAt, Instant readAt) {

	public boolean isRead() {
		return readAt != null;
	}
}
