package org.lianluo.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lianluo.consultation.Consultation;
import org.lianluo.consultation.Consultations;
import org.lianluo.duty.Contacts;
import org.lianluo.duty.ActivityType;
import org.lianluo.duty.NewActivity;
import org.lianluo.region.Region;
import org.lianluo.station.Station;
import org.lianluo.station.StationMember;
import static org.lianluo.demo.DemoYear.*;

/** The demo year's duty: the drafts put to consultation, the activities of every type and the committee contacts. */
abstract class YearDuty extends YearState {

	YearDuty(YearServices services, DemoWords words, Registry registry) {
		super(services, words, registry);
	}

	// --- consultations on the year's drafts

	void consultations() {
		for (int i = 0; words.has("consultation." + i); i++) {
			String[] p = words.get("consultation." + i).split("\\|");
			LocalDate opens = LocalDate.parse(p[2]);
			LocalDate closes = LocalDate.parse(p[3]);
			List<Consultation.Article> articles = new ArrayList<>();
			String[] texts = p[4].split(";");
			for (int a = 0; a < texts.length; a++) {
				articles.add(new Consultation.Article(a + 1, texts[a]));
			}
			Consultation draft = at(opens.minusDays(7), 10, () -> as(office, () -> consultations
				.create(new Consultations.Draft(p[0], p[1], "451000", opens, closes, articles))));
			drafts.add(at(opens, 9, () -> as(office, () -> consultations.publish(draft.id()))));
		}
	}

	// --- activities

	void activities() {
		Map<String, List<UUID>> members = stationMembers();
		List<NewActivity> planned = new ArrayList<>();
		receptions(planned);
		mediations(planned);
		for (int i = 0; i < PUBLIC_MEETINGS; i++) {
			Region township = township();
			Station station = townshipStation.get(township.code());
			String theme = words.pick(themes);
			planned.add(activity("PUBLIC_MEETING", place(township.code()), day(), 15, township.code(),
					station == null ? null : station.id(), locals(township.code(), 2, 4), words.between(8, 18), theme,
					words.get("outcome.PUBLIC_MEETING"), Map.of()));
		}
		for (int i = 0; i < JOINT_SUPERVISIONS; i++) {
			Region county = words.pick(registry.counties());
			List<UUID> people = new ArrayList<>(pickSome(countyDeputies.get(county.code()), 2, 4));
			people.add(words.pick(cityDeputies));
			NewActivity a = activity("JOINT_SUPERVISION", county.name(), day(), 9, county.code(), null,
					people, 0, words.pick(themes), words.get("outcome.JOINT_SUPERVISION"), Map.of());
			// 片区联络站: the county's township stations hold it together, with a member stationed at its legal-service station
			List<UUID> held = pickSome(townshipStation.values().stream()
				.filter(s -> s.regionCode().startsWith(county.code())).map(Station::id).sorted().toList(), 2, 3);
			List<UUID> with = members.getOrDefault(county.code(), List.of());
			planned.add(changed(a, 0, 0, held, with.isEmpty() ? null : List.of(words.pick(with))));
		}
		committeeMeetings(planned);
		OTHER_ACTIVITIES.forEach((type, count) -> {
			for (int i = 0; i < count; i++) {
				boolean city = words.chance(0.3);
				Region county = words.pick(registry.counties());
				String region = city ? "451000" : words.chance(0.5) ? county.code() : township(county).code();
				List<UUID> people = city ? pickSome(cityDeputies, 3, 8)
						: region.length() == 9 ? locals(region, 1, 3) : pickSome(countyDeputies.get(county.code()), 3, 8);
				String place = city ? "百色市" : place(region);
				String theme = words.chance(ActivityType.THEMATIC.contains(ActivityType.valueOf(type)) ? 0.9 : 0.8)
						? words.pick(themes) : null;
				int voters = type.equals("VISIT") ? words.between(2, 6) : 0;
				planned.add(activity(type, place, day(), 9, region, null, people, voters, theme, null, Map.of()));
			}
		});
		balanceVoters(planned);
		planned.sort(Comparator.comparing(NewActivity::startAt));
		for (NewActivity a : planned) {
			at(a.startAt().toInstant().plus(3, ChronoUnit.HOURS), () -> as(office, () -> activities.register(a)));
			activityCount++;
			if (a.type().equals("RECEPTION")) {
				receptionCount++;
			}
		}
	}

	/**
	 * Receptions at every station whose roster has someone to receive: each rostered deputy on duty at least once,
	 * except the few who never came all year (they are on no reception of their stations).
	 */
	void receptions(List<NewActivity> planned) {
		Map<UUID, List<UUID>> rosters = as(office, () -> stations.rosters("451000"));
		Set<UUID> onRosters = new LinkedHashSet<>();
		rosters.values().forEach(onRosters::addAll);
		List<UUID> all = new ArrayList<>(onRosters);
		rostered = all.size();
		Set<UUID> absent = new HashSet<>();
		int absentCount = (int) Math.round(all.size() * ABSENT_FROM_STATIONS);
		while (absent.size() < absentCount) {
			absent.add(words.pick(all));
		}
		Set<UUID> came = new HashSet<>();
		for (Station s : stationList) {
			List<UUID> onDuty = rosters.getOrDefault(s.id(), List.of()).stream().filter(d -> !absent.contains(d)).toList();
			if (onDuty.isEmpty()) {
				continue;
			}
			boolean township = townshipStation.containsValue(s) || s.kind() != Station.Kind.STANDARD;
			int count = Math.max(township ? words.between(5, 7) : words.between(1, 2), (onDuty.size() + 1) / 2);
			for (int r = 0; r < count; r++) {
				List<UUID> people = new ArrayList<>();
				people.add(onDuty.get((2 * r) % onDuty.size()));
				if (onDuty.size() > 1) {
					UUID second = onDuty.get((2 * r + 1) % onDuty.size());
					if (!people.contains(second)) {
						people.add(second);
					}
				}
				came.addAll(people);
				LocalDate day = workday();
				planned.add(activity("RECEPTION", s.name().replace(words.get("station-suffix"), ""), day, 9,
						s.regionCode(), s.id(), people, words.between(3, 12), null, words.get("outcome.RECEPTION"),
						Map.of()));
			}
		}
		atStations = came.size();
	}

	/**
	 * The judges and prosecutors stationed at the legal-service stations (联络站+法律诉讼服务), registered at the start
	 * of the year: county code to their ids.
	 */
	Map<String, List<UUID>> stationMembers() {
		Map<String, List<UUID>> byCounty = new LinkedHashMap<>();
		for (Station s : stationList) {
			if (!s.partners().contains(Station.Partner.LEGAL_SERVICE)) {
				continue;
			}
			String county = s.regionCode().substring(0, 6);
			for (String[] m : List.of(new String[] { "JUDGE", "member.court", "member.judge-days" },
					new String[] { "PROSECUTOR", "member.procuratorate", "member.prosecutor-days" },
					new String[] { "MEDIATOR", "member.mediation", "member.mediator-days" })) {
				StationMember.Form form = new StationMember.Form(citizenName(), m[0], words.get(m[1], place(county)),
						words.get(m[2]));
				UUID id = at(LocalDate.of(YEAR, 1, 6), 9, () -> as(office, () -> stationMembers.add(s.id(), form))).id();
				byCounty.computeIfAbsent(county, k -> new ArrayList<>()).add(id);
			}
		}
		return byCounty;
	}

	/**
	 * The disputes mediated at {@link DemoYear#MEDIATING_TOWNSHIP}'s stations (朔良镇's mediations), recorded on their
	 * receptions, one to three each, {@link DemoYear#DISPUTES_AT_STATIONS} in all.
	 */
	void mediations(List<NewActivity> planned) {
		int left = DISPUTES_AT_STATIONS;
		for (int i = 0; i < planned.size() && left > 0; i++) {
			NewActivity a = planned.get(i);
			if (a.type().equals("RECEPTION") && a.regionCode().equals(MEDIATING_TOWNSHIP)) {
				int n = Math.min(left, words.between(1, 3));
				planned.set(i, changed(a, a.votersReceived(), n, a.stationIds(), a.memberIds()));
				left -= n;
			}
		}
		if (left > 0) {
			throw new IllegalStateException("the demo year has too few receptions at " + MEDIATING_TOWNSHIP);
		}
	}

	/**
	 * The standing committees' meetings with deputies attending (列席): the city's every other month and the
	 * counties' now and then, until {@link #COMMITTEE_ATTENDANCE} deputies have signed in; one or two of those
	 * invited to each were excused.
	 */
	void committeeMeetings(List<NewActivity> planned) {
		int signedIn = 0;
		int cityMeeting = 0;
		Map<String, Integer> countyMeeting = new HashMap<>();
		int counties = 0;
		for (int m = 0; signedIn < COMMITTEE_ATTENDANCE; m++) {
			boolean city = m % 3 == 0;
			Region county = registry.counties().get(city ? 0 : counties++ % registry.counties().size());
			List<UUID> pool = city ? cityDeputies : countyDeputies.get(county.code());
			int present = Math.min(words.between(10, 16), COMMITTEE_ATTENDANCE - signedIn);
			List<UUID> people = pickSome(pool, present + 1, present + 2);
			Map<UUID, String> attendance = new LinkedHashMap<>();
			for (int i = present; i < people.size(); i++) {
				attendance.put(people.get(i), "EXCUSED");
			}
			int number = city ? ++cityMeeting + 20 : countyMeeting.merge(county.code(), 1, Integer::sum) + 24;
			String name = city ? "百色市" : county.name();
			planned.add(titled("COMMITTEE_ATTENDANCE", words.get("title.COMMITTEE_ATTENDANCE", name, number), day(), 9,
					city ? "451000" : county.code(), null, people, 0, null, null, attendance));
			signedIn += present;
		}
	}

	/** People received come out at {@link #VOTERS_RECEIVED}: the difference is spread over the receptions. */
	void balanceVoters(List<NewActivity> planned) {
		long total = planned.stream().mapToLong(a -> a.votersReceived() == null ? 0 : a.votersReceived()).sum();
		List<Integer> receptions = new ArrayList<>();
		for (int i = 0; i < planned.size(); i++) {
			if (planned.get(i).type().equals("RECEPTION")) {
				receptions.add(i);
			}
		}
		long difference = VOTERS_RECEIVED - total;
		while (difference != 0) {
			int i = words.pick(receptions);
			NewActivity a = planned.get(i);
			int step = difference > 0 ? 1 : -1;
			if (a.votersReceived() + step < 1) {
				continue;
			}
			planned.set(i, withVoters(a, a.votersReceived() + step));
			difference -= step;
		}
	}

	// --- contacts of committee members with deputies

	void contacts() {
		List<ContactMethodWeight> methods = List.of(new ContactMethodWeight("PHONE", 45),
				new ContactMethodWeight("VISIT", 25), new ContactMethodWeight("MEETING", 20),
				new ContactMethodWeight("ONLINE", 10));
		List<String> notes = List.of(words.get("contact.note").split(";"));
		for (int i = 0; i < CONTACTS; i++) {
			boolean city = words.chance(0.45);
			Region county = words.pick(registry.counties());
			UUID member = city ? words.pick(cityMembers) : words.pick(countyMembers.get(county.code()));
			UUID deputy = city ? words.pick(cityDeputies) : words.pick(countyDeputies.get(county.code()));
			String method = words.weighted(methods.stream().map(ContactMethodWeight::method).toList(),
					methods.stream().mapToInt(ContactMethodWeight::weight).toArray());
			String note = java.text.MessageFormat.format(words.pick(notes), words.pick(themes));
			OffsetDateTime when = time(day(), words.between(9, 17));
			at(when.toInstant(), () -> as(office,
					() -> contacts.record(new Contacts.NewContact(member, deputy, when, method, note))));
			contactCount++;
		}
	}
}
