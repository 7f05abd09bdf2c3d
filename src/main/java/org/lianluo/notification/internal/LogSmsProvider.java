package org.lianluo.notification.internal;

import org.lianluo.notification.SmsProvider;
import org.lianluo.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Development: writes each SMS to the log, the phone masked, instead of sending it. */
class LogSmsProvider implements SmsProvider {

	private static final Logger log = LoggerFactory.getLogger(LogSmsProvider.class);

	@Override
	public Outcome send(SmsMessage message) {
		// The rating key of a feedback SMS is the citizen's alone: not into the log.
		log.info("SMS (log channel) to {}, out-id {}: {}", PersonalData.mask(message.phone()), message.outId(),
				message.text().replaceAll("key=[^&\\s]+", "key=***"));
		return new Sent("log-" + message.outId());
	}
}
