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
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS provider (Aliyun, Tencent Cloud, the generic HTTP gateway or the log) and two db-scheduler
 * recurring tasks, each run by one node at a time: sending due deliveries, and the leaders' daily digest.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	/**
	 * {@code lianluo.notification.sms.provider}: {@code aliyun} or {@code tencent} (approved templates, checked
	 * here, at startup), {@code http} (the generic gateway at {@code sms.url}) or {@code log}.
	 */
	@Bean
	@ConditionalOnMissingBean(SmsProvider.class)
	SmsProvider smsProvider(NotificationProperties properties, JsonMapper json, Clock clock, MessageSource messages) {
		NotificationProperties.Sms sms = properties.sms();
		return switch (sms.provider()) {
			case "aliyun" -> new AliyunSmsProvider(sms, new CloudSmsTemplates("aliyun", sms.aliyun().templates()), messages,
					json, clock);
			case "tencent" -> new TencentSmsProvider(sms, new CloudSmsTemplates("tencent", sms.tencent().templates()),
					messages, json, clock);
			case "http" -> {
				if (sms.url() == null || sms.url().isBlank()) {
					throw new IllegalStateException("lianluo.notification.sms.provider=http：必须设置 lianluo.notification.sms.url");
				}
				yield new HttpSmsProvider(sms, json, clock);
			}
			case "log" -> new LogSmsProvider();
			default -> throw new IllegalStateException("lianluo.notification.sms.provider=" + sms.provider()
					+ "：可选 aliyun、tencent、http 或 log");
		};
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
