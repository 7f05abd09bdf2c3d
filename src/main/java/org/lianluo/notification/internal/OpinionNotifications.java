package org.lianluo.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.lianluo.identity.UserDirectory;
import org.lianluo.notification.Preferences;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionEvents.OpinionAssigned;
import org.lianluo.opinion.OpinionEvents.OpinionClosed;
import org.lianluo.opinion.OpinionEvents.OpinionFedBack;
import org.lianluo.opinion.OpinionEvents.OpinionMerged;
import org.lianluo.opinion.OpinionEvents.OpinionReceived;
import org.lianluo.opinion.OpinionEvents.OpinionReopened;
import org.lianluo.opinion.OpinionEvents.OpinionSupervised;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.opinion.OpinionQueries;
import org.lianluo.platform.PersonalData;
import org.lianluo.region.WorkingCalendar;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who hears what of the opinion loop. The lead unit's handlers: assigned, reopened, and every supervision step;
 * the assessors above the opinion's region: escalation and key supervision (staff also by e-mail when they gave
 * an address); the citizen, by SMS when a phone was given: received, assigned, fed back, reopened, closed. Unit
 * and staff messages name the tracking code and nothing personal. Each handler runs after the opinion's commit in
 * its own transaction and is idempotent.
 */
@Component
class OpinionNotifications {

	static final int ESCALATED = 3;

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(WorkingCalendar.ZONE);

	private final OpinionManagement opinions;

	private final UserDirectory directory;

	private final Outbox outbox;

	private final Preferences preferences;

	private final OpinionQueries queries;

	OpinionNotifications(OpinionManagement opinions, UserDirectory directory, Outbox outbox, Preferences preferences,
			OpinionQueries queries) {
		this.queries = queries;
		this.preferences = preferences;
		this.opinions = opinions;
		this.directory = directory;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(OpinionReceived event) {
		opinions.byId(event.opinionId()).ifPresent(o -> toCitizen(o, "received:" + o.getId(), "citizen-received"));
	}

	@ApplicationModuleListener
	void on(OpinionAssigned event) {
		opinions.byId(event.opinionId()).ifPresent(o -> {
			String key = "assigned:" + o.getId() + ":" + event.deadline();
			Map<String, String> params = params(o.getTrackingCode(), event.deadline());
			directory.handlersOf(event.leadUnitId())
				.forEach(user -> toStaff(key, user, "ASSIGNED", "opinion-assigned", params, link(o.getId())));
			toCitizen(o, key, "citizen-assigned");
			duplicatesOf(o, dup -> toCitizen(dup, "assigned:" + dup.getId() + ":" + event.deadline(), "citizen-assigned"));
		});
	}

	/** The duplicate's submitter is told that it is handled together with the same request (its own code still works). */
	@ApplicationModuleListener
	void on(OpinionMerged event) {
		opinions.byId(event.opinionId())
			.ifPresent(o -> toCitizen(o, "merged:" + o.getId() + ":" + event.primaryId(), "citizen-merged"));
	}

	/** Those whose opinions were merged into this one follow its outcome: they hear what its submitter hears. */
	private void duplicatesOf(Opinion primary, java.util.function.Consumer<Opinion> tell) {
		queries.duplicatesOf(primary.getId()).forEach(id -> opinions.byId(id).ifPresent(tell));
	}

	@ApplicationModuleListener
	void on(OpinionSupervised event) {
		opinions.byId(event.opinionId()).ifPresent(o -> {
			String key = "supervised:" + o.getId() + ":" + event.deadline() + ":" + event.level();
			String template = "opinion-supervised-" + event.level();
			String kind = "SUPERVISION_" + event.level();
			Map<String, String> params = params(o.getTrackingCode(), event.deadline());
			directory.handlersOf(event.leadUnitId())
				.forEach(user -> toStaff(key, user, kind, template, params, link(o.getId())));
			if (event.level() >= ESCALATED) {
				directory.assessorsCovering(event.regionCode())
					.forEach(user -> toStaff(key, user, kind, template, params, link(o.getId())));
			}
		});
	}

	@ApplicationModuleListener
	void on(OpinionFedBack event) {
		opinions.byId(event.opinionId()).ifPresent(o -> {
			toCitizen(o, "fed-back:" + o.getId() + ":" + event.round(), "citizen-fed-back");
			duplicatesOf(o, dup -> toCitizen(dup, "fed-back:" + dup.getId() + ":" + event.round(), "citizen-fed-back"));
		});
	}

	@ApplicationModuleListener
	void on(OpinionReopened event) {
		opinions.byId(event.opinionId()).ifPresent(o -> {
			String key = "reopened:" + o.getId() + ":" + event.round();
			Map<String, String> params = params(o.getTrackingCode(), event.deadline());
			directory.handlersOf(event.leadUnitId())
				.forEach(user -> toStaff(key, user, "REOPENED", "opinion-reopened", params, link(o.getId())));
			toCitizen(o, key, "citizen-reopened");
			duplicatesOf(o, dup -> toCitizen(dup, "reopened:" + dup.getId() + ":" + event.round(), "citizen-reopened"));
		});
	}

	@ApplicationModuleListener
	void on(OpinionClosed event) {
		opinions.byId(event.opinionId()).ifPresent(o -> {
			toCitizen(o, "closed:" + o.getId(), "citizen-closed");
			duplicatesOf(o, dup -> toCitizen(dup, "closed:" + dup.getId(), "citizen-closed"));
		});
	}

	/** Into the inbox, and by e-mail too when the user gave an address and wants e-mail. */
	private void toStaff(String key, UUID user, String kind, String template, Map<String, String> params, String link) {
		outbox.toInbox(key, user, kind, template, params, link);
		preferences.emailFor(user).ifPresent(email -> outbox.toEmail(key, user, email, template, params, link));
	}

	private void toCitizen(Opinion o, String key, String template) {
		String phone = opinions.revealPhone(o);
		if (PersonalData.isMobile(phone)) {
			Map<String, String> params = new LinkedHashMap<>();
			params.put("code", o.getTrackingCode());
			outbox.toSms(key, phone, template, params, o.getKind() == OpinionKind.URGENT, o.getRegionCode());
		}
	}

	private static Map<String, String> params(String trackingCode, Instant deadline) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("code", trackingCode);
		params.put("deadline", deadline == null ? "" : DAY_TIME.format(deadline));
		return params;
	}

	private static String link(UUID opinionId) {
		return "/opinions/" + opinionId;
	}
}
