package org.lianluo.demo;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Congresses.SessionForm;
import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.deputy.DeputyForm;
import org.lianluo.deputy.DeputyRules;
import org.lianluo.deputy.Level;
import org.lianluo.deputy.Session;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.region.Region;
import org.lianluo.region.Regions;
import org.lianluo.search.Indexing;
import org.lianluo.station.StationForm;
import org.lianluo.station.StationRules;
import org.lianluo.station.Stations;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.lianluo.unit.Units.UnitForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates and stores the 百色 demo set. The same seed gives the same set: names, composition and
 * rosters are drawn from {@link DemoWords} in a fixed order. Everything goes through the registries'
 * checks, so the demo data is data the screens could have entered.
 */
@Component
class DemoData {

	static final long SEED = 20_251_001L;

	static final int CITY_DEPUTIES = 300;

	static final int COUNTY_DEPUTIES = 150;

	static final int TOWNSHIP_DEPUTIES = 20;

	/** Stations in all, the special ones among them: 百色's 823, of which 10 special. */
	static final int STATIONS = 823;

	static final int SPECIAL_STATIONS = 10;

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final List<Deputy.Ethnicity> ETHNICITIES = List.of(Deputy.Ethnicity.ZHUANG, Deputy.Ethnicity.HAN,
			Deputy.Ethnicity.YAO, Deputy.Ethnicity.MIAO, Deputy.Ethnicity.YI, Deputy.Ethnicity.GELAO, Deputy.Ethnicity.HUI);

	private static final int[] ETHNICITY_WEIGHTS = { 760, 150, 55, 20, 8, 4, 3 };

	private static final List<Deputy.Occupation> OCCUPATIONS = List.of(Deputy.Occupation.FARMER,
			Deputy.Occupation.WORKER, Deputy.Occupation.PROFESSIONAL, Deputy.Occupation.OFFICIAL,
			Deputy.Occupation.BUSINESS, Deputy.Occupation.OTHER);

	private static final int[] OCCUPATION_WEIGHTS = { 26, 10, 24, 22, 14, 4 };

	private static final List<Deputy.PoliticalAffiliation> AFFILIATIONS = List.of(Deputy.PoliticalAffiliation.CPC,
			Deputy.PoliticalAffiliation.MASSES, Deputy.PoliticalAffiliation.NON_PARTY,
			Deputy.PoliticalAffiliation.DEMOCRATIC_PARTY);

	private final Regions regions;

	private final Congresses congresses;

	private final Deputies deputies;

	private final DeputyRules deputyRules;

	private final Stations stations;

	private final StationRules stationRules;

	private final Units units;

	private final DemoYear year;

	private final Indexing indexing;

	DemoData(Regions regions, Congresses congresses, Deputies deputies, DeputyRules deputyRules, Stations stations,
			StationRules stationRules, Units units, DemoYear year, Indexing indexing) {
		this.year = year;
		this.indexing = indexing;
		this.regions = regions;
		this.congresses = congresses;
		this.deputies = deputies;
		this.deputyRules = deputyRules;
		this.stations = stations;
		this.stationRules = stationRules;
		this.units = units;
	}

	/** Whether the set is already stored: its first special station is there. */
	boolean present() {
		String[] first = new DemoWords(SEED).get("special.0").split("\\|");
		return stations.exists(first[0], first[2]);
	}

	/**
	 * Stores the whole set in one transaction, the registries and then the year 2025 ({@link DemoYear}); the caller is
	 * signed in with the city's scope.
	 */
	@Transactional
	public Summary load() {
		return load(true);
	}

	/** The registries alone, without the year: what the registries' own test needs. */
	@Transactional
	Summary loadRegistries() {
		return load(false);
	}

	private Summary load(boolean withYear) {
		long started = System.nanoTime();
		DemoWords words = new DemoWords(SEED);
		List<Region> counties = regions.counties();
		Map<String, List<Region>> townships = new LinkedHashMap<>();
		counties.forEach(c -> townships.put(c.code(), regions.children(c.code())));
		sessions(counties);
		units.insertAll(units(words, counties));

		People people = new People(words);
		List<DeputyForm> forms = new ArrayList<>();
		List<String> townshipOf = new ArrayList<>();
		for (int i = 0; i < CITY_DEPUTIES; i++) {
			Region county = counties.get(i % counties.size());
			Region township = words.pick(townships.get(county.code()));
			String position = i == 0 ? "DIRECTOR" : i < 5 ? "DEPUTY_DIRECTOR" : i == 5 ? "SECRETARY_GENERAL" : i < 35 ? "MEMBER" : null;
			List<String> levels = words.chance(0.4) ? List.of("CITY", "COUNTY") : List.of("CITY");
			forms.add(people.deputy(township, levels, county.name() + words.get("delegation-suffix"), position));
			townshipOf.add(township.code());
		}
		for (Region county : counties) {
			for (int i = 0; i < COUNTY_DEPUTIES; i++) {
				Region township = words.pick(townships.get(county.code()));
				String position = i == 0 ? "DIRECTOR" : i < 4 ? "DEPUTY_DIRECTOR" : i < 15 ? "MEMBER" : null;
				List<String> levels = words.chance(0.3) ? List.of("COUNTY", "TOWNSHIP") : List.of("COUNTY");
				forms.add(people.deputy(township, levels, township.name() + words.get("delegation-suffix"), position));
				townshipOf.add(township.code());
			}
		}
		for (List<Region> inCounty : townships.values()) {
			for (Region township : inCounty) {
				for (int i = 0; i < TOWNSHIP_DEPUTIES; i++) {
					forms.add(people.deputy(township, List.of("TOWNSHIP"), null, null));
					townshipOf.add(township.code());
				}
			}
		}
		List<UUID> ids = deputies.insertAll(forms.stream().map(this::valid).toList());
		Map<String, List<UUID>> byTownship = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			byTownship.computeIfAbsent(townshipOf.get(i), k -> new ArrayList<>()).add(ids.get(i));
		}
		List<StationForm> stationForms = upgraded(words, stations(words, counties, townships, byTownship));
		stations.insertAll(stationForms.stream().map(this::valid).toList());
		long registries = System.nanoTime();
		// Thousands of changes in one transaction: the search index is written once at the end instead of on each.
		DemoYear.Made made = withYear ? indexing.deferred(() -> year.load(new DemoWords(SEED + DemoYear.YEAR),
				new DemoYear.Registry(ids, forms, counties, townships))) : null;
		long done = System.nanoTime();
		Summary summary = new Summary(ids.size(), stationForms.size(), units.list(null, null, 0, 1).total(), made);
		if (made == null) {
			log.info("Loaded the Baise demo registries in {} ms: {} deputies, {} stations", (done - started) / 1_000_000,
					summary.deputies(), summary.stations());
		}
		else {
			log.info("Loaded the Baise demo set in {} ms: {} deputies, {} stations ({} ms); the year {}: {} ({} ms)",
					(done - started) / 1_000_000, summary.deputies(), summary.stations(), (registries - started) / 1_000_000,
					DemoYear.YEAR, made, (done - registries) / 1_000_000);
		}
		return summary;
	}

	/**
	 * 市第五届人大 and the county congresses' seventeenth terms, with their plenary sessions: the first at the change of
	 * term in 2021, then each January, and one in the summer of 2024 (an election of officers), so that January 2025's
	 * is the sixth (市五届人大六次会议). The dates are the demo's own.
	 */
	private void sessions(List<Region> counties) {
		List<LocalDate> opens = List.of(LocalDate.of(2021, 9, 27), LocalDate.of(2022, 1, 10), LocalDate.of(2023, 1, 8),
				LocalDate.of(2024, 1, 8), LocalDate.of(2024, 7, 30), LocalDate.of(2025, 1, 7), LocalDate.of(2026, 1, 8));
		for (int n = 1; n <= opens.size(); n++) {
			LocalDate on = opens.get(n - 1);
			session(new SessionForm("CITY", "451000", 5, n, on, on.plusDays(3), null));
			for (Region county : counties) {
				session(new SessionForm("COUNTY", county.code(), 17, n, on.minusDays(20), on.minusDays(18), null));
			}
		}
	}

	/** A session, unless the database already holds it (the demo set may join existing records). */
	private void session(SessionForm form) {
		if (congresses.findSession(Level.valueOf(form.level()), form.regionCode(), form.term(), Session.Kind.PLENARY,
				form.number()).isEmpty()) {
			congresses.createSession(form);
		}
	}

	private List<UnitForm> units(DemoWords words, List<Region> counties) {
		List<UnitForm> forms = new ArrayList<>();
		for (String unit : words.get("city-units").split(";")) {
			String[] parts = unit.split("\\|");
			forms.add(new UnitForm(parts[0], "451000", HandlingUnit.Kind.valueOf(parts[1]), null, null));
		}
		for (Region county : counties) {
			for (String unit : words.get("county-units").split(";")) {
				String[] parts = unit.split("\\|");
				forms.add(new UnitForm(MessageFormat.format(parts[0], county.name()), county.code(),
						HandlingUnit.Kind.valueOf(parts[1]), null, null));
			}
		}
		return forms;
	}

	/**
	 * One station per township, then village stations spread over the townships, then the ten special stations:
	 * {@link #STATIONS} in all. Rosters come from the deputies living there.
	 */
	private List<StationForm> stations(DemoWords words, List<Region> counties, Map<String, List<Region>> townships,
			Map<String, List<UUID>> byTownship) {
		List<StationForm> forms = new ArrayList<>();
		List<Region> all = townships.values().stream().flatMap(List::stream).toList();
		Map<String, String> countyNames = new LinkedHashMap<>();
		counties.forEach(c -> countyNames.put(c.code(), c.name()));
		for (Region township : all) {
			String place = countyNames.get(township.parentCode()) + township.name();
			List<UUID> local = byTownship.getOrDefault(township.code(), List.of());
			forms.add(station(words, place + words.get("station-suffix"), township.code(), words.get("address", place),
					local.subList(0, Math.min(8, local.size()))));
		}
		Map<String, Set<String>> villagesUsed = new LinkedHashMap<>();
		for (int i = 0; forms.size() < STATIONS - SPECIAL_STATIONS; i++) {
			Region township = all.get(i % all.size());
			String village = village(words, villagesUsed.computeIfAbsent(township.code(), k -> new HashSet<>()));
			String place = countyNames.get(township.parentCode()) + township.name();
			List<UUID> local = byTownship.getOrDefault(township.code(), List.of());
			List<UUID> roster = new ArrayList<>();
			int size = words.between(2, 3);
			for (int k = 0; k < size && !local.isEmpty(); k++) {
				UUID pick = words.pick(local);
				if (!roster.contains(pick)) {
					roster.add(pick);
				}
			}
			forms.add(station(words, place + village + words.get("station-suffix"), township.code(),
					words.get("address.village", township.name(), village.substring(0, village.length() - 1)), roster));
		}
		for (int s = 0; s < SPECIAL_STATIONS; s++) {
			String[] p = words.get("special." + s).split("\\|");
			List<UUID> roster = new ArrayList<>();
			townships.get(p[2]).stream().limit(3).forEach(t -> {
				List<UUID> local = byTownship.getOrDefault(t.code(), List.of());
				if (!local.isEmpty()) {
					roster.add(local.get(local.size() - 1));
				}
			});
			forms.add(new StationForm(p[0], p[1], "-".equals(p[4]) ? List.of() : Arrays.asList(p[4].split(",")), p[2],
					"-".equals(p[3]) ? List.of() : List.of(p[3]), p[5], words.get("reception." + s % 5),
					words.get("opening-hours"), null, null, null, List.of("PUBLICITY", "OPINION_WINDOW", "BRIDGE",
							"SUPERVISION", "CLASSROOM"), "ACTIVE", roster));
		}
		return forms;
	}

	/**
	 * Every station upgraded in the year (百色's 823 提档升级 to the 标准化、规范化、信息化 checklist), on a day spread over
	 * March to November by its place in the list: no draw from the seed, so the rest of the set stays as it was.
	 */
	private static List<StationForm> upgraded(DemoWords words, List<StationForm> forms) {
		List<String> checklist = List.of(words.get("upgrade-checklist").split(";"));
		List<StationForm> upgraded = new ArrayList<>();
		for (int i = 0; i < forms.size(); i++) {
			StationForm f = forms.get(i);
			LocalDate on = LocalDate.of(DemoYear.YEAR, 3, 1).plusDays(i * 270L / forms.size());
			upgraded.add(new StationForm(f.name(), f.kind(), f.partners(), f.regionCode(), f.coRegionCodes(), f.address(),
					f.receptionSchedule(), f.openingHours(), f.phone(), f.latitude(), f.longitude(), f.functions(), f.status(),
					f.deputyIds(), on.toString(), checklist));
		}
		return upgraded;
	}

	private StationForm station(DemoWords words, String name, String region, String address, List<UUID> roster) {
		return new StationForm(name, "STANDARD", List.of(), region, List.of(), address,
				words.get("reception." + words.between(0, 4)), words.get("opening-hours"), null, null, null,
				List.of("PUBLICITY", "OPINION_WINDOW", "BRIDGE"), "ACTIVE", roster);
	}

	private static String village(DemoWords words, Set<String> used) {
		while (true) {
			String name = words.pick(words.list("village-heads")) + words.pick(words.list("village-tails"))
					+ words.get("village-suffix");
			if (used.add(name)) {
				return name;
			}
		}
	}

	private DeputyRules.Valid valid(DeputyForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		DeputyRules.Valid valid = deputyRules.check(form, true, problems);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("demo deputy refused: " + form + " " + problems);
		}
		return valid;
	}

	private StationRules.Valid valid(StationForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		StationRules.Valid valid = stationRules.check(form, problems);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("demo station refused: " + form.name() + " " + problems);
		}
		return valid;
	}

	/** Synthetic people: a name not used before in the set, and a composition like 百色's. */
	private static final class People {

		private final DemoWords words;

		private final Set<String> names = new HashSet<>();

		People(DemoWords words) {
			this.words = words;
		}

		DeputyForm deputy(Region township, List<String> levels, String delegation, String position) {
			Deputy.Ethnicity ethnicity = words.weighted(ETHNICITIES, ETHNICITY_WEIGHTS);
			Deputy.Occupation occupation = words.weighted(OCCUPATIONS, OCCUPATION_WEIGHTS);
			if (position != null) {
				occupation = Deputy.Occupation.OFFICIAL;
			}
			String name = name(ethnicity);
			String phone = "1" + words.pick(List.of("3", "5", "7", "8", "9")) + String.format("%09d", words.between(0, 999_999_999));
			return new DeputyForm(name, words.chance(0.32) ? "FEMALE" : "MALE", ethnicity.name(), words.between(1962, 1996),
					words.weighted(AFFILIATIONS, 66, 20, 9, 5).name(), occupation.name(),
					words.get("workplace." + occupation.name(), township.name()), words.get("title." + occupation.name()),
					levels, township.code(), phone, null, position, delegation, null);
		}

		private String name(Deputy.Ethnicity ethnicity) {
			List<String> surnames = words.list(ethnicity == Deputy.Ethnicity.YAO ? "yao-surnames" : "surnames");
			List<String> given = words.list("given");
			while (true) {
				String name = words.pick(surnames) + words.pick(given) + (words.chance(0.7) ? words.pick(given) : "");
				if (names.add(name)) {
					return name;
				}
			}
		}
	}

	record Summary(int deputies, int stations, long units, DemoYear.Made year) {
	}
}
