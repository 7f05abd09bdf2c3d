package org.lianluo.notification.internal;

import java.util.Map;
import java.util.UUID;

import org.lianluo.notification.Preferences;
import org.springframework.stereotype.Component;

/**
 * A message to a signed-in user: always into their inbox; by e-mail too when they gave an address and want
 * e-mail for this kind of message; by SMS when they gave a mobile number and chose SMS for this kind. Written in the caller's transaction; one event handled twice writes nothing new.
 */
@Component
class StaffMessages {

	private final Outbox outbox;

	private final Preferences preferences;

	StaffMessages(Outbox outbox, Preferences preferences) {
		this.outbox = outbox;
		this.preferences = preferences;
	}

	void send(String key, UUID user, String kind, String template, Map<String, String> params, String link) {
		outbox.toInbox(key, user, kind, template, params, link);
		preferences.emailFor(user, kind).ifPresent(email -> outbox.toEmail(key, user, email, template, params, link));
		preferences.smsFor(user, kind).ifPresent(phone -> outbox.toSms(key, phone, template, params, false, null));
	}
}
