package org.lianluo.notification;

import static org.lianluo.platform.SealedTable.sealed;

import org.lianluo.platform.SealedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification module's personal data, for the key rotation: each delivery's recipient (phone or e-mail) with its
 * search hash, and each user's e-mail and phone of their preferences.
 */
@Configuration(proxyBeanMethods = false)
class NotificationSealedData {

	@Bean
	SealedTable notificationDeliverySealedTable() {
		return SealedTable.of("notification_delivery", "id", sealed("recipient_enc", "recipient_hash"));
	}

	@Bean
	SealedTable notificationPreferenceSealedTable() {
		return SealedTable.of("notification_preference", "user_id", sealed("email_enc"), sealed("phone_enc"));
	}
}
