package org.lianluo.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every deadline and timeline reads, so that tests can move it: the system's, which a thread
 * replaying history sets back ({@link HistoryClock}).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return new HistoryClock(Clock.systemUTC());
	}
}
