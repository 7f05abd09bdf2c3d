package org.lianluo.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.lianluo.identity.UserDirectory;
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
import org.lianluo.station.Stations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears what of the opinion loop. The deputies who received an opinion and those on the roster of its station:
 * that it was received. The lead unit's handlers: assigned, reopened, and every supervision step;
 * the assessors above the opinion's region: escalation and key supervision (staff also by e-mail when they gave
 * an address); the citizen, by SMS when a phone was given: received, assigned, fed back, reopened, closed. Unit
 * messages and deputies' name the opinion by the time it was received, the office's escalations by its tracking code;
 * none names anything personal. Each handler runs inside the opinion's
 * transaction and only writes into the outbox (the inbox and the delivery table), so that a message exists if and
 * only if the change it reports was committed; {@link DeliverySender} sends it afterwards, and a failed send never
 * touches the opinion. Handling one event twice writes nothing new (message ids are derived from the event).
 */
@Component
class OpinionNotifications {

	static final int ESCALATED = 3;

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(WorkingCalendar.ZONE);

	private final OpinionManagement opinions;

	private final UserDirectory directory;

	private final Outbox outbox;

	private final OpinionQueries queries;

	private final Stations stations;

	private final StaffMessages staff;

	private final org.springframework.context.MessageSource messages;

	OpinionNotifications(org.springframework.context.MessageSource messages, OpinionManagement opinions, UserDirectory directory, Outbox outbox, StaffMessages staff,
			OpinionQueries queries, Stations stations) {
		this.messages = messages;
		this.stations = stations;
		this.staff = staff;
		this.queries = queries;
		this.opinions = opinions;
		this.directory = directory;
		this.outbox = outbox;
	}

	@EventListener
	void on(OpinionReceived event) {
		if (event.withPhone()) {
			toCitizen(event.opinionId(), event.trackingCode(), event.kind(), event.regionCode(),
					"received:" + event.opinionId(), "citizen-received");
		}
		toDeputies(event);
	}

	/**
	 * The deputies who received the opinion and those on the roster of the station it came from: told once each,
	 * with the tracking code and a link to it (both may open it).
	 */
	private void toDeputies(OpinionReceived event) {
		Set<UUID> receiving = event.deputyIds() == null ? Set.of() : event.deputyIds();
		Set<UUID> deputies = new LinkedHashSet<>(receiving);
		if (event.stationId() != null) {
			stations.findPublished(event.stationId())
				.ifPresent(s -> s.deputies().forEach(d -> deputies.add(d.id())));
		}
		Map<String, String> params = new LinkedHashMap<>();
		params.put("code", reference(event.opinionId()));
		String key = "received:" + event.opinionId();
		String link = link(event.opinionId());
		for (UUID deputy : deputies) {
			directory.usersOfDeputy(deputy)
				.forEach(user -> toStaff(key, user, "STATION_OPINION", "deputy-opinion-received", params, link));
		}
	}

	@EventListener
	void on(OpinionAssigned event) {
		UUID id = event.opinionId();
		String key = "assigned:" + id + ":" + event.deadline();
		Map<String, String> params = params(reference(id), event.deadline());
		directory.handlersOf(event.leadUnitId())
			.forEach(user -> toStaff(key, user, "ASSIGNED", "opinion-assigned", params, link(id)));
		toCitizen(id, event.trackingCode(), event.kind(), event.regionCode(), key, "citizen-assigned");
		duplicatesOf(id, dup -> toCitizen(dup, "assigned:" + dup.getId() + ":" + event.deadline(), "citizen-assigned"));
	}

	/** The duplicate's submitter is told that it is handled together with the same request (its own code still works). */
	@EventListener
	void on(OpinionMerged event) {
		opinions.byId(event.opinionId())
			.ifPresent(o -> toCitizen(o, "merged:" + o.getId() + ":" + event.primaryId(), "citizen-merged"));
	}

	/** Those whose opinions were merged into this one follow its outcome: they hear what its submitter hears. */
	private void duplicatesOf(UUID primaryId, Consumer<Opinion> tell) {
		queries.duplicatesOf(primaryId).forEach(id -> opinions.byId(id).ifPresent(tell));
	}

	@EventListener
	void on(OpinionSupervised event) {
		UUID id = event.opinionId();
		String key = "supervised:" + id + ":" + event.deadline() + ":" + event.level();
		String template = "opinion-supervised-" + event.level();
		String kind = "SUPERVISION_" + event.level();
		Map<String, String> params = params(reference(id), event.deadline());
		directory.handlersOf(event.leadUnitId()).forEach(user -> toStaff(key, user, kind, template, params, link(id)));
		if (event.level() >= ESCALATED) {
			Map<String, String> office = params(event.trackingCode(), event.deadline());
			directory.assessorsCovering(event.regionCode())
				.forEach(user -> toStaff(key, user, kind, template, office, link(id)));
		}
	}

	@EventListener
	void on(OpinionFedBack event) {
		toCitizen(event.opinionId(), event.trackingCode(), event.kind(), event.regionCode(),
				"fed-back:" + event.opinionId() + ":" + event.round(), "citizen-fed-back");
		duplicatesOf(event.opinionId(),
				dup -> toCitizen(dup, "fed-back:" + dup.getId() + ":" + event.round(), "citizen-fed-back"));
	}

	@EventListener
	void on(OpinionReopened event) {
		UUID id = event.opinionId();
		String key = "reopened:" + id + ":" + event.round();
		Map<String, String> params = params(reference(id), event.deadline());
		directory.handlersOf(event.leadUnitId())
			.forEach(user -> toStaff(key, user, "REOPENED", "opinion-reopened", params, link(id)));
		toCitizen(id, event.trackingCode(), event.kind(), event.regionCode(), key, "citizen-reopened");
		duplicatesOf(id, dup -> toCitizen(dup, "reopened:" + dup.getId() + ":" + event.round(), "citizen-reopened"));
	}

	@EventListener
	void on(OpinionClosed event) {
		toCitizen(event.opinionId(), event.trackingCode(), event.kind(), event.regionCode(),
				"closed:" + event.opinionId(), "citizen-closed");
		duplicatesOf(event.opinionId(), dup -> toCitizen(dup, "closed:" + dup.getId(), "citizen-closed"));
	}

	/** Into the inbox, and by e-mail too when the user gave an address and wants e-mail. */
	private void toStaff(String key, UUID user, String kind, String template, Map<String, String> params, String link) {
		staff.send(key, user, kind, template, params, link);
	}

	private void toCitizen(Opinion o, String key, String template) {
		toCitizen(o.getId(), o.getTrackingCode(), o.getKind(), o.getRegionCode(), key, template);
	}

	private void toCitizen(UUID opinionId, String trackingCode, OpinionKind kind, String regionCode, String key,
			String template) {
		opinions.citizenPhone(opinionId).filter(PersonalData::isMobile).ifPresent(phone -> {
			Map<String, String> params = new LinkedHashMap<>();
			params.put("code", trackingCode);
			outbox.toSms(key, phone, template, params, kind == OpinionKind.URGENT, regionCode);
		});
	}

	private static Map<String, String> params(String trackingCode, Instant deadline) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("code", trackingCode);
		params.put("deadline", deadline == null ? "" : DAY_TIME.format(deadline));
		return params;
	}

	/**
	 * How a unit's or a deputy's message names the opinion: by the time it was received, never by its tracking code,
	 * which is the citizen's (and with which the unit being rated could follow it on the public pages).
	 */
	private String reference(UUID opinionId) {
		return opinions.byId(opinionId)
			.map(o -> messages.getMessage("notification.opinion.reference", new Object[] { DAY_TIME.format(o.getReceivedAt()) },
					java.util.Locale.SIMPLIFIED_CHINESE))
			.orElse("");
	}

	private static String link(UUID opinionId) {
		return "/opinions/" + opinionId;
	}
}
