package org.lianluo.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.lianluo.consultation.Consultation;
import org.lianluo.consultation.Consultations;
import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.DeputyForm;
import org.lianluo.deputy.Level;
import org.lianluo.duty.Activities;
import org.lianluo.duty.Contacts;
import org.lianluo.duty.NewActivity;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.OpinionLoop;
import org.lianluo.platform.HistoryClock;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Ids;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.ProposalSteps;
import org.lianluo.proposal.UpwardProposals;
import org.lianluo.region.Region;
import org.lianluo.station.Station;
import org.lianluo.station.StationFilter;
import org.lianluo.station.StationMembers;
import org.lianluo.station.Stations;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import static org.lianluo.demo.DemoYear.*;

/**
 * One generation run of the demo year: the services it enters records through, the random source, the people and
 * places, the counts so far, and the small helpers of people, places and times the parts share. The parts are
 * {@link YearDuty} (consultations, activities, contacts) and {@link YearLoops} (opinions, comments, proposals).
 */
abstract class YearState {

	final Activities activities;

	final Contacts contacts;

	final OpinionLoop opinions;

	final ProposalSteps proposals;

	final UpwardProposals upward;

	final Consultations consultations;

	final Congresses congresses;

	final Stations stations;

	final Units units;

	final StationMembers stationMembers;

	final DemoWords words;

	final Registry registry;

	final Actor office = user("demo-office", EnumSet.of(Role.ASSESSOR, Role.ADMIN), "451000", null, null);

	final Map<String, List<UUID>> localDeputies = new LinkedHashMap<>();

	final Map<UUID, String> deputyRegion = new HashMap<>();

	final List<UUID> cityDeputies = new ArrayList<>();

	final List<UUID> cityMembers = new ArrayList<>();

	final Map<String, List<UUID>> countyDeputies = new LinkedHashMap<>();

	final Map<String, List<UUID>> countyMembers = new LinkedHashMap<>();

	final Map<String, String> placeNames = new HashMap<>();

	final List<String> themes;

	final List<Station> stationList;

	final Map<String, Station> townshipStation = new HashMap<>();

	final List<HandlingUnit> unitList;

	final Map<UUID, Actor> handlers = new HashMap<>();

	final List<Consultation> drafts = new ArrayList<>();

	int activityCount;

	int receptionCount;

	int opinionCount;

	int implemented;

	int disputesResolved;

	int contactCount;

	int commentCount;

	int opinionComments;

	int proposalCount;

	int upwardCount;

	int rostered;

	int atStations;

	YearState(YearServices services, DemoWords words, Registry registry) {
		this.activities = services.activities();
		this.contacts = services.contacts();
		this.opinions = services.opinions();
		this.proposals = services.proposals();
		this.upward = services.upward();
		this.consultations = services.consultations();
		this.congresses = services.congresses();
		this.stations = services.stations();
		this.units = services.units();
		this.stationMembers = services.stationMembers();
		this.words = words;
		this.registry = registry;
		this.themes = List.of(words.get("year.themes").split(";"));
		for (int i = 0; i < registry.ids().size(); i++) {
			UUID id = registry.ids().get(i);
			DeputyForm form = registry.forms().get(i);
			localDeputies.computeIfAbsent(form.regionCode(), k -> new ArrayList<>()).add(id);
			deputyRegion.put(id, form.regionCode());
			String county = form.regionCode().substring(0, 6);
			if (i < DemoData.CITY_DEPUTIES) {
				(form.committeePosition() != null ? cityMembers : cityDeputies).add(id);
			}
			else if (form.levels().contains("COUNTY")) {
				(form.committeePosition() != null ? countyMembers : countyDeputies)
					.computeIfAbsent(county, k -> new ArrayList<>()).add(id);
			}
		}
		for (Region county : registry.counties()) {
			placeNames.put(county.code(), county.name());
			for (Region township : registry.townships().get(county.code())) {
				placeNames.put(township.code(), county.name() + township.name());
			}
		}
		this.stationList = as(office, () -> stations.all(new StationFilter("451000", null, null, null,
				Station.Status.ACTIVE, null), 10_000));
		for (Station s : stationList) {
			if (s.kind() == Station.Kind.STANDARD && s.regionCode().length() == 9
					&& s.name().equals(placeNames.get(s.regionCode()) + words.get("station-suffix"))) {
				townshipStation.put(s.regionCode(), s);
			}
		}
		this.unitList = as(office, () -> units.list(null, null, 0, 500).items());
	}

	// --- people, places and times

	Region township() {
		return township(words.pick(registry.counties()));
	}

	Region township(Region county) {
		return words.pick(registry.townships().get(county.code()));
	}

	String place(String regionCode) {
		return placeNames.getOrDefault(regionCode, "百色市");
	}

	List<UUID> locals(String township, int min, int max) {
		return pickSome(localDeputies.getOrDefault(township, List.of()), min, max);
	}

	List<UUID> pickSome(List<UUID> from, int min, int max) {
		int n = Math.min(words.between(min, max), from.size());
		Set<UUID> picked = new LinkedHashSet<>();
		while (picked.size() < n) {
			picked.add(words.pick(from));
		}
		return new ArrayList<>(picked);
	}

	Level level(UUID deputy) {
		int i = registry.ids().indexOf(deputy);
		List<String> levels = registry.forms().get(i).levels();
		return Level.valueOf(levels.get(0));
	}

	int term(Level level) {
		return level == Level.CITY ? 5 : 17;
	}

	/** The number of the first plenary session held after the given moment (its congress meets each January). */
	int sessionAfter(Instant t) {
		return t.atZone(ZONE).getYear() - YEAR + 7;
	}

	HandlingUnit unitFor(Category category, String region) {
		String county = region.substring(0, 6);
		if (category == Category.INFRASTRUCTURE || category == Category.TRANSPORT) {
			String word = category == Category.INFRASTRUCTURE ? "住建" : "交通运输";
			var local = unitList.stream().filter(u -> u.regionCode().equals(county) && u.name().contains(word)).findFirst();
			if (local.isPresent() && words.chance(0.7)) {
				return local.get();
			}
		}
		String word = UNIT_OF.get(category);
		return unitList.stream()
			.filter(u -> u.regionCode().equals("451000") && u.name().contains(word))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo unit for " + category));
	}

	String opinionText(Category category, String township) {
		String[] texts = words.get("opinion." + category.name()).split(";");
		String village = words.pick(words.list("village-heads")) + words.pick(words.list("village-tails"))
				+ words.get("village-suffix");
		return java.text.MessageFormat.format(words.pick(List.of(texts)), village, place(township));
	}

	String citizenName() {
		return words.pick(words.list("surnames")) + words.pick(words.list("given"))
				+ (words.chance(0.6) ? words.pick(words.list("given")) : "");
	}

	String phone() {
		return "1" + words.pick(List.of("3", "5", "7", "8", "9")) + String.format("%09d", words.between(0, 999_999_999));
	}

	LocalDate day() {
		int month = words.weighted(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), MONTH_WEIGHTS);
		LocalDate first = LocalDate.of(YEAR, month, 1);
		return first.plusDays(words.between(0, first.lengthOfMonth() - 1));
	}

	LocalDate workday() {
		LocalDate d = day();
		while (d.getDayOfWeek().getValue() > 5) {
			d = d.minusDays(1);
		}
		return d.getYear() < YEAR ? LocalDate.of(YEAR, 1, 2) : d;
	}

	OffsetDateTime time(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
	}

	NewActivity activity(String type, String place, LocalDate day, int hour, String region, UUID station,
			List<UUID> people, int voters, String theme, String outcome, Map<UUID, String> attendance) {
		return titled(type, words.get("title." + type, place), day, hour, region, station, people, voters, theme,
				outcome, attendance);
	}

	NewActivity titled(String type, String title, LocalDate day, int hour, String region, UUID station,
			List<UUID> people, int voters, String theme, String outcome, Map<UUID, String> attendance) {
		OffsetDateTime start = time(day, hour).plusMinutes(30L * words.between(0, 3));
		return new NewActivity(type, title, start, start.plusHours(words.between(2, 3)), region, station, people,
				voters, theme, outcome, null, null, attendance, 0, 0, 0);
	}

	NewActivity withVoters(NewActivity a, int voters) {
		return changed(a, voters, a.disputesResolved(), a.stationIds(), a.memberIds());
	}

	/** The activity with other people received, disputes resolved, stations (held together) and station members. */
	NewActivity changed(NewActivity a, int voters, Integer disputes, List<UUID> stationIds, List<UUID> memberIds) {
		return new NewActivity(a.type(), a.title(), a.startAt(), a.endAt(), a.regionCode(), a.stationId(), a.deputyIds(),
				voters, a.theme(), a.outcome(), a.mixedLevel(), a.organiser(), a.attendance(), disputes,
				a.peopleRelocated(), a.hazardsInspected(), a.opinions(), stationIds, memberIds);
	}

	int[] weights(int n) {
		int[] w = new int[n];
		java.util.Arrays.fill(w, 1);
		return w;
	}

	record ContactMethodWeight(String method, int weight) {
	}

	/**
	 * A step of the loop taken by {@code actor} at {@code instant}: the handler is handed both; the clock and the
	 * security context are still set around it for the callers that read them (until HistoryClock goes).
	 */
	static <T> T step(Instant instant, Actor actor, java.util.function.Function<Moment, T> work) {
		return at(instant, () -> as(actor, () -> work.apply(Moment.replay(instant))));
	}

	static <T> T at(Instant instant, Supplier<T> work) {
		return HistoryClock.at(instant, work);
	}

	static void at(Instant instant, Runnable work) {
		HistoryClock.at(instant, work);
	}

	static <T> T at(LocalDate day, int hour, Supplier<T> work) {
		return HistoryClock.at(day.atTime(hour, 0).atZone(ZONE).toInstant(), work);
	}

	static Actor user(String name, Set<Role> roles, String region, UUID unit, UUID deputy) {
		return new Actor(Ids.newId(), name, name, roles, region, unit, deputy);
	}

	/** Runs {@code work} signed in as {@code user}, and as whoever was signed in before afterwards. */
	static <T> T as(Actor user, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList(user.roles().stream().map(Role::authority).toArray(String[]::new))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
