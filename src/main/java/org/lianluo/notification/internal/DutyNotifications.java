package org.lianluo.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.lianluo.duty.DutyEvents.ContactPlanBehind;
import org.lianluo.identity.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears what of deputy duty: when a pair of the contact plan falls behind, the committee member (through
 * their DEPUTY accounts) and the assessors above the plan's region get an inbox message, once for each step of
 * the year's schedule (the message id is derived from the pair, the year and the contacts due). Written inside the
 * check's transaction, like every outbox write.
 */
@Component
class DutyNotifications {

	private final UserDirectory directory;

	private final Outbox outbox;

	DutyNotifications(UserDirectory directory, Outbox outbox) {
		this.directory = directory;
		this.outbox = outbox;
	}

	@EventListener
	void on(ContactPlanBehind event) {
		String key = "contact-behind:" + event.year() + ":" + event.memberId() + ":" + event.deputyId() + ":" + event.expected();
		Map<String, String> params = new LinkedHashMap<>();
		params.put("member", event.memberName());
		params.put("deputy", event.deputyName());
		params.put("year", String.valueOf(event.year()));
		params.put("target", String.valueOf(event.target()));
		params.put("contacts", String.valueOf(event.contacts()));
		params.put("expected", String.valueOf(event.expected()));
		String link = "/duty/contacts?year=" + event.year() + "&region=" + event.regionCode();
		for (UUID user : directory.usersOfDeputy(event.memberId())) {
			outbox.toInbox(key, user, "CONTACT_BEHIND", "contact-plan-behind", params, link);
		}
		for (UUID user : directory.assessorsCovering(event.regionCode())) {
			outbox.toInbox(key, user, "CONTACT_BEHIND", "contact-plan-behind-staff", params, link);
		}
	}
}
