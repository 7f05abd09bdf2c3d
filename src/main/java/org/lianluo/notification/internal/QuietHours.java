package org.lianluo.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.lianluo.notification.NotificationProperties;
import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Component;

/** No SMS between {@code quietFrom} and {@code quietUntil} Asia/Shanghai, except for URGENT opinions. */
@Component
class QuietHours {

	private final LocalTime from;

	private final LocalTime until;

	QuietHours(NotificationProperties properties) {
		this.from = properties.sms().quietFrom();
		this.until = properties.sms().quietUntil();
	}

	/** The earliest moment at or after {@code now} when this SMS may go out. */
	Instant notBefore(Instant now, boolean urgent) {
		if (urgent || from.equals(until)) {
			return now;
		}
		ZonedDateTime local = now.atZone(WorkingCalendar.ZONE);
		LocalTime t = local.toLocalTime();
		LocalDate day = local.toLocalDate();
		boolean wraps = from.isAfter(until);
		boolean quiet = wraps ? !t.isBefore(from) || t.isBefore(until) : !t.isBefore(from) && t.isBefore(until);
		if (!quiet) {
			return now;
		}
		LocalDate endDay = wraps && !t.isBefore(from) ? day.plusDays(1) : day;
		return endDay.atTime(until).atZone(WorkingCalendar.ZONE).toInstant();
	}
}
