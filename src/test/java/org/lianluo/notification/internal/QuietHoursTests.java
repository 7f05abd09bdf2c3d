package org.lianluo.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.lianluo.notification.NotificationProperties;
import org.lianluo.region.WorkingCalendar;

/** Quiet hours 22:00–08:00 Asia/Shanghai across midnight, and the back-off that doubles up to its cap. */
class QuietHoursTests {

	private final NotificationProperties defaults = new NotificationProperties(null, null, null);

	private final QuietHours quiet = new QuietHours(defaults);

	@Test
	void smsWaitsForEightOClockExceptWhenUrgent() {
		assertThat(quiet.notBefore(at("2026-03-02T21:59"), false)).isEqualTo(at("2026-03-02T21:59"));
		assertThat(quiet.notBefore(at("2026-03-02T22:00"), false)).isEqualTo(at("2026-03-03T08:00"));
		assertThat(quiet.notBefore(at("2026-03-02T23:59"), false)).isEqualTo(at("2026-03-03T08:00"));
		assertThat(quiet.notBefore(at("2026-03-03T00:00"), false)).isEqualTo(at("2026-03-03T08:00"));
		assertThat(quiet.notBefore(at("2026-03-03T07:59"), false)).isEqualTo(at("2026-03-03T08:00"));
		assertThat(quiet.notBefore(at("2026-03-03T08:00"), false)).isEqualTo(at("2026-03-03T08:00"));
		assertThat(quiet.notBefore(at("2026-03-02T23:00"), true)).isEqualTo(at("2026-03-02T23:00"));
	}

	@Test
	void backOffDoublesUpToItsCap() {
		NotificationProperties.Delivery d = defaults.delivery();
		assertThat(d.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(d.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(d.backoff(5)).isEqualTo(Duration.ofMinutes(16));
		assertThat(d.backoff(8)).isEqualTo(Duration.ofHours(2));
		assertThat(d.backoff(60)).isEqualTo(Duration.ofHours(2));
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
	}
}
