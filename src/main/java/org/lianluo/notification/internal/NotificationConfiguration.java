package org.lianluo.notification.internal;

import java.time.Clock;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.lianluo.notification.NotificationProperties;
import org.lianluo.notification.SmsProvider;
import org.lianluo.region.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS gateway (HTTP when {@code lianluo.notification.sms.url} is set, else the log) and two db-scheduler
 * recurring tasks, each run by one node at a time: sending due deliveries, and the leaders' daily digest.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	@ConditionalOnMissingBean(SmsProvider.class)
	SmsProvider smsProvider(NotificationProperties properties, JsonMapper json, Clock clock) {
		String url = properties.sms().url();
		return url == null || url.isBlank() ? new LogSmsProvider() : new HttpSmsProvider(properties.sms(), json, clock);
	}

	/** Off ({@code lianluo.notification.delivery.scheduled=false}) where tests call the sender themselves. */
	@Bean
	@ConditionalOnProperty(name = "lianluo.notification.delivery.scheduled", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> notificationDelivery(DeliverySender sender, NotificationProperties properties) {
		return Tasks.recurring("notification-delivery", FixedDelay.of(properties.delivery().interval()))
			.execute((instance, context) -> sender.sendDue());
	}

	/** Every morning at {@code lianluo.notification.digest-at} (Asia/Shanghai), default 08:30. */
	@Bean
	RecurringTask<Void> notificationLeaderDigest(LeaderDigest digest,
			@Value("${lianluo.notification.digest-at:08:30}") LocalTime at) {
		return Tasks.recurring("notification-leader-digest", new Daily(WorkingCalendar.ZONE, at))
			.execute((instance, context) -> digest.send());
	}
}
