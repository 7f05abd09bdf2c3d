package org.lianluo.notification;

import java.time.Duration;
import java.util.Map;

/**
 * An SMS gateway. {@code outId} is the delivery's id and the same on every attempt, so that a gateway that
 * deduplicates by its out-id sends one message however often it is asked.
 */
public interface SmsProvider {

	Outcome send(SmsMessage message);

	/**
	 * One text to one phone: Lianluo's message template, the generic gateway's template id and the named values
	 * the message carries, and the text as Lianluo's own template renders it (what the gateway's template is
	 * registered to say; cloud providers get the template and its values only, never the text).
	 */
	record SmsMessage(String outId, String phone, String template, String templateId, Map<String, String> params,
			String text) {
	}

	/** What the gateway answered. */
	sealed interface Outcome permits Sent, RateLimited, Failed, Refused {
	}

	/** Accepted; {@code reference} is the gateway's id of the message. */
	record Sent(String reference) implements Outcome {
	}

	/** Too many requests: try again after {@code retryAfter} (null when the gateway did not say). */
	record RateLimited(Duration retryAfter) implements Outcome {
	}

	/** Refused or not reached, worth trying again; the error carries no personal data. */
	record Failed(String error) implements Outcome {
	}

	/**
	 * Refused for good (a template not approved, a number that is no number): trying again cannot help, so the
	 * delivery is a dead letter at once. The reason is Chinese, for ADMIN's dead letters, the phone masked.
	 */
	record Refused(String reason) implements Outcome {
	}
}
