package org.lianluo.duty;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The duty module's db-scheduler task: the contact plans' daily check, at {@code lianluo.duty.reminders-at} (08:00). */
@Configuration(proxyBeanMethods = false)
class DutyTasks {

	@Bean
	RecurringTask<Void> dutyContactReminders(ObjectProvider<ContactReminders> reminders,
			@Value("${lianluo.duty.reminders-at:08:00}") LocalTime at) {
		return Tasks.recurring("duty-contact-reminders", new Daily(DutyStatistics.ZONE, at))
			.execute((instance, context) -> reminders.getObject().sweep());
	}
}
