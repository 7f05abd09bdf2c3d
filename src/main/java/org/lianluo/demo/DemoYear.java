package org.lianluo.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.lianluo.consultation.Comment;
import org.lianluo.consultation.Consultation;
import org.lianluo.consultation.Consultations;
import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.DeputyForm;
import org.lianluo.deputy.Level;
import org.lianluo.deputy.Session;
import org.lianluo.duty.Activities;
import org.lianluo.duty.Contacts;
import org.lianluo.duty.NewActivity;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OfficeReview;
import org.lianluo.opinion.OpinionLoop;
import org.lianluo.opinion.OpinionIntake;
import org.lianluo.opinion.OpinionTriage;
import org.lianluo.opinion.Rating;
import org.lianluo.opinion.ReplyResult;
import org.lianluo.opinion.Submission;
import org.lianluo.opinion.TriageDecision;
import org.lianluo.opinion.UnitHandling;
import org.lianluo.platform.HistoryClock;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Ids;
import org.lianluo.proposal.AssignmentMode;
import org.lianluo.proposal.ContactMethod;
import org.lianluo.proposal.Proposal;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.ProposalCommands;
import org.lianluo.proposal.ProposalSteps;
import org.lianluo.proposal.ReplyClass;
import org.lianluo.proposal.UpwardProposals;
import org.lianluo.proposal.Verdict;
import org.lianluo.region.Region;
import org.lianluo.station.Station;
import org.lianluo.station.StationFilter;
import org.lianluo.station.Stations;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo year 2025 of 百色: a year of duty activities, committee contacts, opinions through every route of the
 * loop, the proposals of the 市五届人大六次会议 and the delegation's proposals to the 自治区 congress, and comments on
 * the year's draft regulations. Every record is entered through its module's own service, as the office, a unit's
 * handler or a deputy would enter it, on a {@link HistoryClock} set to the moment it happened, so that timelines,
 * deadlines and dates are those of 2025. Sizes are the generator's parameters, taken from 百色's 2025 summary of its
 * deputy work; which records count for which figure is left to the annual report's own queries.
 */
@Component
class DemoYear {

	private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

	static final int YEAR = 2025;

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final int OPINIONS = 2_677;

	static final int PUBLIC_MEETINGS = 823;

	static final int VOTERS_RECEIVED = 25_000;

	static final int CONTACTS = 277;

	static final int COMMITTEE_ATTENDANCE = 360;

	static final int DRAFT_COMMENTS = 345;

	static final int HIDDEN_COMMENTS = 4;

	static final int PROPOSALS = 104;

	static final int UPWARD_PROPOSALS = 67;

	static final int JOINT_SUPERVISIONS = 89;

	static final int DISPUTES_RESOLVED = 47;

	/** Deputies on station rosters who held no reception all year: 3.2 %, so that 96.8 % took part. */
	static final double ABSENT_FROM_STATIONS = 0.032;

	/** The other kinds of activity, how many of each. */
	private static final Map<String, Integer> OTHER_ACTIVITIES = new LinkedHashMap<>();

	static {
		OTHER_ACTIVITIES.put("VISIT", 190);
		OTHER_ACTIVITIES.put("INSPECTION", 96);
		OTHER_ACTIVITIES.put("RESEARCH", 84);
		OTHER_ACTIVITIES.put("BRIEFING", 42);
		OTHER_ACTIVITIES.put("LAW_ENFORCEMENT_CHECK", 26);
		OTHER_ACTIVITIES.put("TRAINING", 31);
		OTHER_ACTIVITIES.put("EMERGENCY", 14);
	}

	/** Activity in each month of the year (the Spring Festival quiets February). */
	private static final int[] MONTH_WEIGHTS = { 7, 5, 10, 9, 9, 9, 8, 8, 9, 7, 10, 9 };

	private static final List<Category> CATEGORIES = List.of(Category.values());

	private static final int[] CATEGORY_WEIGHTS = { 8, 7, 8, 8, 14, 12, 8, 17, 6, 4, 5, 3 };

	private static final List<Channel> CHANNELS = List.of(Channel.STATION_RECEPTION, Channel.DEPUTY_VISIT,
			Channel.PUBLIC_MEETING, Channel.PORTAL, Channel.STATION_QR, Channel.LETTER);

	private static final Map<Category, String> UNIT_OF = Map.ofEntries(Map.entry(Category.EMPLOYMENT, "人力资源"),
			Map.entry(Category.ELDERLY_CARE, "民政"), Map.entry(Category.EDUCATION, "教育"),
			Map.entry(Category.HEALTH, "卫生健康"), Map.entry(Category.TRANSPORT, "交通运输"),
			Map.entry(Category.AGRICULTURE, "农业农村"), Map.entry(Category.ENVIRONMENT, "生态环境"),
			Map.entry(Category.INFRASTRUCTURE, "住"), Map.entry(Category.SOCIAL_SECURITY, "人力资源"),
			Map.entry(Category.CULTURE_TOURISM, "文化广电"), Map.entry(Category.DISPUTE, "自然资源"),
			Map.entry(Category.OTHER, "城市管理"));

	private final Activities activities;

	private final Contacts contacts;

	private final OpinionLoop opinions;

	private final ProposalSteps proposals;

	private final UpwardProposals upward;

	private final Consultations consultations;

	private final Congresses congresses;

	private final Stations stations;

	private final Units units;

	DemoYear(Activities activities, Contacts contacts, OpinionLoop opinions, ProposalSteps proposals,
			UpwardProposals upward, Consultations consultations, Congresses congresses, Stations stations, Units units) {
		this.activities = activities;
		this.contacts = contacts;
		this.opinions = opinions;
		this.proposals = proposals;
		this.upward = upward;
		this.consultations = consultations;
		this.congresses = congresses;
		this.stations = stations;
		this.units = units;
	}

	private static void timed(Map<String, Long> millis, String part, Runnable work) {
		long start = System.nanoTime();
		work.run();
		millis.put(part, (System.nanoTime() - start) / 1_000_000);
	}

	/** The registry the year happens in: the demo's deputies (ids beside their forms) and its regions. */
	record Registry(List<UUID> ids, List<DeputyForm> forms, List<Region> counties, Map<String, List<Region>> townships) {
	}

	/** What the generator made, as it counted while making it. */
	record Made(int activities, int receptions, int opinions, int implemented, int disputesResolved, int contacts,
			int comments, int proposals, int upward, int rostered, int atStations) {
	}

	Made load(DemoWords words, Registry registry) {
		Year y = new Year(words, registry);
		Map<String, Long> millis = new LinkedHashMap<>();
		timed(millis, "consultations", y::consultations);
		timed(millis, "activities", y::activities);
		timed(millis, "contacts", y::contacts);
		timed(millis, "opinions", y::opinions);
		timed(millis, "comments", y::comments);
		timed(millis, "proposals", y::proposals);
		timed(millis, "upward", y::upward);
		log.info("The demo year {} took (ms): {}", YEAR, millis);
		return new Made(y.activityCount, y.receptionCount, y.opinionCount, y.implemented, y.disputesResolved,
				y.contactCount, y.commentCount, y.proposalCount, y.upwardCount, y.rostered, y.atStations);
	}

	/** One generation run: the random source, the people and places, and the counts so far. */
	private final class Year {

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

		Year(DemoWords words, Registry registry) {
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
			List<NewActivity> planned = new ArrayList<>();
			receptions(planned);
			for (int i = 0; i < PUBLIC_MEETINGS; i++) {
				Region township = township();
				Station station = townshipStation.get(township.code());
				String theme = words.chance(0.75) ? words.pick(themes) : null;
				planned.add(activity("PUBLIC_MEETING", place(township.code()), day(), 15, township.code(),
						station == null ? null : station.id(), locals(township.code(), 2, 4), words.between(8, 18), theme,
						words.get("outcome.PUBLIC_MEETING"), Map.of()));
			}
			for (int i = 0; i < JOINT_SUPERVISIONS; i++) {
				Region county = words.pick(registry.counties());
				List<UUID> people = new ArrayList<>(pickSome(countyDeputies.get(county.code()), 2, 4));
				people.add(words.pick(cityDeputies));
				planned.add(activity("JOINT_SUPERVISION", county.name(), day(), 9, county.code(), null,
						people, 0, words.pick(themes), words.get("outcome.JOINT_SUPERVISION"), Map.of()));
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
					String theme = words.chance(0.8) ? words.pick(themes) : null;
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

		// --- opinions through every route of the loop

		void opinions() {
			record Planned(Instant at, Region township, boolean countyLevel) {
			}
			List<Planned> planned = new ArrayList<>();
			for (int i = 0; i < OPINIONS; i++) {
				Region township = township();
				planned.add(new Planned(time(day(), words.between(8, 17)).toInstant().plus(words.between(0, 59), ChronoUnit.MINUTES),
						township, words.chance(0.08)));
			}
			planned.sort(Comparator.comparing(Planned::at));
			Map<String, UUID> primaries = new HashMap<>();
			int disputes = 0;
			for (Planned p : planned) {
				Category category = words.weighted(CATEGORIES, CATEGORY_WEIGHTS);
				Channel channel = words.weighted(CHANNELS, 30, 20, 22, 14, 9, 5);
				String townshipCode = p.township().code();
				String region = p.countyLevel() ? townshipCode.substring(0, 6) : townshipCode;
				Station station = channel == Channel.STATION_RECEPTION || channel == Channel.STATION_QR
						? townshipStation.get(townshipCode) : null;
				List<UUID> received = switch (channel) {
					case STATION_RECEPTION, DEPUTY_VISIT, PUBLIC_MEETING -> locals(townshipCode, 1, 2);
					default -> List.of();
				};
				boolean anonymous = words.chance(0.08);
				String name = anonymous ? null : words.chance(0.7) ? citizenName() : null;
				String phone = !anonymous && words.chance(0.12) ? phone() : null;
				OpinionKind kind = category == Category.DISPUTE ? OpinionKind.HELP
						: words.weighted(List.of(OpinionKind.values()), 60, 14, 16, 8, 2);
				String content = opinionText(category, townshipCode);
				boolean portal = channel == Channel.PORTAL || channel == Channel.STATION_QR;
				Submission s = new Submission(content, region, station == null ? null : station.id(), kind, category, name,
						phone, anonymous, channel, p.at(), received);
				OpinionIntake.Submit submit = new OpinionIntake.Submit(s, null);
				Opinion o = step(p.at(), office, m -> portal ? opinions.intake().fromCitizen(submit, m)
						: opinions.intake().fromStaff(submit, office, m));
				opinionCount++;
				Instant t = p.at().plus(words.between(4, 48), ChronoUnit.HOURS);
				String key = townshipCode + category;
				Consultation open = openDraft(t);
				double route = wordsDouble();
				if (category == Category.DISPUTE) {
					disputes++;
					assign(o, t, category, region, disputesResolved < DISPUTES_RESOLVED);
				}
				else if (route < 0.055 && primaries.containsKey(key)) {
					UUID primary = primaries.get(key);
					triage(o, t, new TriageDecision.Merge(primary));
				}
				else if (route < 0.085) {
					triage(o, t, new TriageDecision.Reject(words.get("reject"), words.get("referral")));
				}
				else if (route < 0.11 && !received.isEmpty()) {
					toProposal(o, t, received.get(0));
				}
				else if (route < 0.15 && open != null) {
					int article = words.between(1, open.articles().size());
					triage(o, t, new TriageDecision.ToConsultation(open.id(), article));
					opinionComments++;
				}
				else if (route < 0.32) {
					triage(o, t, new TriageDecision.Answer(words.get("answer")));
					if (words.chance(0.5)) {
						implemented(o.getId(), t.plus(words.between(10, 60), ChronoUnit.DAYS));
					}
				}
				else {
					UUID id = assign(o, t, category, region, false);
					primaries.putIfAbsent(key, id);
				}
			}
			if (disputesResolved != DISPUTES_RESOLVED) {
				throw new IllegalStateException("the demo year drew " + disputes + " disputes, fewer than the "
						+ DISPUTES_RESOLVED + " it resolves");
			}
		}

		/** A uniform draw from 0 (inclusive) to 1 (exclusive) from the year's words, to choose an opinion's route by. */
		double wordsDouble() {
			return words.between(0, 9_999) / 10_000.0;
		}

		/**
		 * Assigned to the unit of its subject, accepted, replied, reviewed and fed back, rated by the citizen or by the
		 * office's phone call (an unsatisfied one goes round once more), and most of those solved or planned marked as
		 * implemented. A few replied in the last days of the year still wait for the office's review.
		 */
		UUID assign(Opinion o, Instant start, Category category, String region, boolean resolveDispute) {
			HandlingUnit unit = unitFor(category, region);
			Actor handler = handlers.computeIfAbsent(unit.id(),
					u -> user("demo-unit-" + handlers.size(), EnumSet.of(Role.UNIT_HANDLER), unit.regionCode(), u, null));
			UUID id = o.getId();
			Instant t = start;
			triage(o, t, new TriageDecision.Assign(unit.id(), List.of()));
			t = t.plus(words.between(2, 30), ChronoUnit.HOURS);
			step(t, handler, m -> opinions.unit().accept(new UnitHandling.Accept(id), handler, m));
			ReplyResult result = category == Category.DISPUTE
					? (resolveDispute ? ReplyResult.RESOLVED : words.chance(0.5) ? ReplyResult.EXPLAINED : ReplyResult.PLANNED)
					: words.weighted(List.of(ReplyResult.values()), 62, 26, 12);
			t = t.plus(words.between(3, o.getKind() == OpinionKind.URGENT ? 3 : 25), ChronoUnit.DAYS);
			step(t, handler, m -> opinions.unit().reply(new UnitHandling.Reply(id, result, words.get("reply." + result.name())), handler, m));
			if (t.isAfter(LocalDate.of(YEAR, 12, 24).atStartOfDay(ZONE).toInstant()) && category != Category.DISPUTE) {
				return id;
			}
			t = t.plus(words.between(1, 3), ChronoUnit.DAYS);
			step(t, office, m -> opinions.office().review(new OfficeReview.Review(id, true, null), office, m));
			Grade grade = resolveDispute ? Grade.SATISFIED
					: words.weighted(List.of(Grade.values()), result == ReplyResult.EXPLAINED ? 60 : 80, 16, 4);
			t = t.plus(words.between(1, 5), ChronoUnit.DAYS);
			rate(o, t, grade);
			if (grade == Grade.UNSATISFIED) {
				t = t.plus(words.between(1, 3), ChronoUnit.DAYS);
				step(t, handler, m -> opinions.unit().accept(new UnitHandling.Accept(id), handler, m));
				ReplyResult again = category == Category.DISPUTE ? ReplyResult.EXPLAINED
						: words.chance(0.7) ? ReplyResult.RESOLVED : ReplyResult.PLANNED;
				t = t.plus(words.between(5, 15), ChronoUnit.DAYS);
				step(t, handler, m -> opinions.unit().reply(new UnitHandling.Reply(id, again, words.get("reply." + again.name())), handler, m));
				t = t.plus(1, ChronoUnit.DAYS);
				step(t, office, m -> opinions.office().review(new OfficeReview.Review(id, true, null), office, m));
				t = t.plus(words.between(1, 5), ChronoUnit.DAYS);
				rate(o, t, Grade.BASICALLY_SATISFIED);
				if (words.chance(0.8)) {
					implemented(id, t.plus(words.between(10, 60), ChronoUnit.DAYS));
				}
			}
			else if (result != ReplyResult.EXPLAINED && words.chance(0.95)) {
				implemented(id, t.plus(words.between(10, 60), ChronoUnit.DAYS));
			}
			if (resolveDispute) {
				disputesResolved++;
			}
			return id;
		}

		void rate(Opinion o, Instant t, Grade grade) {
			if (o.getSubmitterPhoneEnc() != null) {
				at(t, () -> opinions.rating().byCitizen(new Rating.ByCitizen(o.getTrackingCode(),
						opinions.rating().ratingKey(o.getId()), grade, null), Moment.replay(t)));
			}
			else {
				step(t, office, m -> opinions.rating().byPhone(new Rating.ByPhone(o.getId(), grade, null), office, m));
			}
		}

		void implemented(UUID id, Instant t) {
			step(t, office, m -> opinions.office().markImplemented(new OfficeReview.MarkImplemented(id, words.get("implemented")),
					office, m));
			implemented++;
		}

		void triage(Opinion o, Instant t, TriageDecision decision) {
			step(t, office, m -> opinions.triage().triage(new OpinionTriage.Triage(o.getId(), decision, null, null, null), office, m));
		}

		/** The deputy who received it drafts a proposal for the next session from it (转化为代表建议). */
		void toProposal(Opinion o, Instant t, UUID deputy) {
			String region = deputyRegion.get(deputy);
			Level level = level(deputy);
			Session next = congresses.findSession(level, level.congressRegion(region), level == Level.TOWNSHIP ? 0 : term(level),
					Session.Kind.PLENARY, sessionAfter(t)).orElse(null);
			if (next == null) {
				triage(o, t, new TriageDecision.Answer(words.get("answer")));
				return;
			}
			Actor d = user("demo-deputy", EnumSet.of(Role.DEPUTY), region, null, deputy);
			String title = java.text.MessageFormat.format(words.pick(List.of(words.get("proposal.title").split(";"))),
					words.pick(themes), place(region.substring(0, 6)));
			at(t, () -> as(d, () -> proposals.draft(new ProposalCommands.DraftFromOpinion(o.getId(), next.id(), title, null),
					d, Moment.replay(t))));
		}

		// --- comments on the drafts

		void comments() {
			List<String> texts = List.of(words.get("comment").split(";"));
			List<Station> atStations = new ArrayList<>(townshipStation.values());
			atStations.sort(Comparator.comparing(Station::regionCode));
			int wanted = DRAFT_COMMENTS - opinionComments;
			List<UUID> spam = new ArrayList<>();
			for (int i = 0; i < wanted + HIDDEN_COMMENTS; i++) {
				Consultation c = drafts.get(i % drafts.size());
				long days = ChronoUnit.DAYS.between(c.opensOn(), c.closesOn());
				Instant t = time(c.opensOn().plusDays(words.between(0, (int) days)), words.between(8, 20)).toInstant();
				int article = words.between(1, c.articles().size());
				if (i >= wanted) {
					spam.add(at(t, () -> consultations.comment(c.id(), new Consultations.NewComment(null,
							words.get("comment.spam"), null, null))).id());
				}
				else if (words.chance(0.55)) {
					Station s = words.pick(atStations);
					at(t, () -> as(office, () -> consultations.commentAtStation(c.id(),
							new Consultations.NewComment(article, words.pick(texts), null, null), s.id())));
					commentCount++;
				}
				else {
					String name = words.chance(0.6) ? citizenName() : null;
					String phone = words.chance(0.3) ? phone() : null;
					at(t, () -> consultations.comment(c.id(), new Consultations.NewComment(article, words.pick(texts), name, phone)));
					commentCount++;
				}
			}
			for (UUID id : spam) {
				Comment hidden = as(office, () -> consultations.hide(id, "广告"));
				if (!hidden.hidden()) {
					throw new IllegalStateException("a spam comment was not hidden");
				}
			}
			commentCount += opinionComments;
		}

		Consultation openDraft(Instant t) {
			LocalDate day = t.atZone(ZONE).toLocalDate();
			return drafts.stream().filter(c -> !day.isBefore(c.opensOn()) && !day.isAfter(c.closesOn())).findFirst().orElse(null);
		}

		// --- the proposals of the 市五届人大六次会议, and the delegation's to the 自治区 congress

		void proposals() {
			Session session = congresses.findSession(Level.CITY, "451000", 5, Session.Kind.PLENARY, 6).orElseThrow();
			List<HandlingUnit> cityUnits = unitList.stream()
				.filter(u -> u.regionCode().equals("451000") && u.kind() == HandlingUnit.Kind.GOVERNMENT_DEPARTMENT)
				.toList();
			List<String> titles = List.of(words.get("proposal.title").split(";"));
			Set<String> used = new HashSet<>();
			for (int i = 0; i < PROPOSALS; i++) {
				UUID lead = cityDeputies.get((i * 7) % cityDeputies.size());
				Actor deputy = user("demo-deputy", EnumSet.of(Role.DEPUTY), deputyRegion.get(lead), null, lead);
				String theme;
				String title;
				do {
					theme = words.pick(themes);
					title = java.text.MessageFormat.format(words.pick(titles), theme, words.pick(registry.counties()).name());
				}
				while (!used.add(title));
				String content = words.get("proposal.content", theme);
				String t0 = title;
				Instant drafted = time(session.opensOn().plusDays(words.between(0, 2)), words.between(9, 17)).toInstant();
				Proposal p = at(drafted, () -> as(deputy, () -> proposals.draft(new ProposalCommands.Draft(session.id(),
						t0, content, List.of()), deputy, Moment.replay(drafted))));
				UUID id = p.getId();
				Instant submitted = drafted.plus(1, ChronoUnit.HOURS);
				at(submitted, () -> as(deputy, () -> proposals.take(new ProposalCommands.Submit(id), deputy, Moment.replay(submitted))));
				Instant registered = time(LocalDate.of(YEAR, 1, 15).plusDays(words.between(0, 6)), 10).toInstant();
				at(registered, () -> as(office, () -> proposals.take(new ProposalCommands.Register(id), office, Moment.replay(registered))));
				HandlingUnit unit = words.pick(cityUnits);
				Instant assigned = registered.plus(words.between(2, 8), ChronoUnit.DAYS);
				at(assigned, () -> as(office, () -> proposals.take(new ProposalCommands.Assign(id,
						AssignmentMode.SEPARATE, unit.id(), List.of(), null), office, Moment.replay(assigned))));
				Actor handler = handlers.computeIfAbsent(unit.id(),
						u -> user("demo-unit-" + handlers.size(), EnumSet.of(Role.UNIT_HANDLER), unit.regionCode(), u, null));
				Instant accepted = assigned.plus(words.between(1, 4), ChronoUnit.DAYS);
				at(accepted, () -> as(handler, () -> proposals.take(new ProposalCommands.Accept(id), handler, Moment.replay(accepted))));
				Instant contacted = accepted.plus(words.between(10, 40), ChronoUnit.DAYS);
				ContactMethod method = words.weighted(List.of(ContactMethod.values()), weights(ContactMethod.values().length));
				at(contacted, () -> as(handler, () -> proposals.take(new ProposalCommands.RecordContact(id, method, null),
						handler, Moment.replay(contacted))));
				ReplyClass replyClass = words.weighted(List.of(ReplyClass.values()), 55, 35, 8, 2);
				Instant replied = contacted.plus(words.between(10, 50), ChronoUnit.DAYS);
				String reply = words.get("proposal.reply");
				at(replied, () -> as(handler, () -> proposals.take(new ProposalCommands.Reply(id, replyClass, reply, false, false),
						handler, Moment.replay(replied))));
				Verdict verdict = words.weighted(List.of(Verdict.SATISFIED, Verdict.BASICALLY_SATISFIED), 86, 14);
				Instant rated = replied.plus(words.between(3, 20), ChronoUnit.DAYS);
				at(rated, () -> as(deputy, () -> proposals.take(new ProposalCommands.Evaluate(id, null, verdict, null), deputy,
						Moment.replay(rated))));
				proposalCount++;
			}
		}

		void upward() {
			List<String> titles = List.of(words.get("proposal.upward-title").split(";"));
			Set<String> used = new HashSet<>();
			for (int i = 0; i < UPWARD_PROPOSALS; i++) {
				String title;
				do {
					title = java.text.MessageFormat.format(words.pick(titles), words.pick(themes),
							words.pick(registry.counties()).name());
				}
				while (!used.add(title));
				String t0 = title;
				LocalDate on = LocalDate.of(YEAR, 1, 13).plusDays(words.between(0, 4));
				String number = String.valueOf(1000 + i * 13 + words.between(0, 12));
				at(on.atTime(LocalTime.of(16, 0)).atZone(ZONE).toInstant(), () -> as(office, () -> upward.record(
						new UpwardProposals.Form(words.get("proposal.upward-delegation"), "451000", Level.PROVINCIAL, t0, on,
								number))));
				upwardCount++;
			}
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
			return new NewActivity(a.type(), a.title(), a.startAt(), a.endAt(), a.regionCode(), a.stationId(), a.deputyIds(),
					voters, a.theme(), a.outcome(), a.mixedLevel(), a.organiser(), a.attendance(), a.disputesResolved(),
					a.peopleRelocated(), a.hazardsInspected());
		}

		int[] weights(int n) {
			int[] w = new int[n];
			java.util.Arrays.fill(w, 1);
			return w;
		}
	}

	private record ContactMethodWeight(String method, int weight) {
	}

	/**
	 * A step of the loop taken by {@code actor} at {@code instant}: the handler is handed both; the clock and the
	 * security context are still set around it for the callers that read them (until HistoryClock goes).
	 */
	private static <T> T step(Instant instant, Actor actor, java.util.function.Function<Moment, T> work) {
		return at(instant, () -> as(actor, () -> work.apply(Moment.replay(instant))));
	}

	private static <T> T at(Instant instant, Supplier<T> work) {
		return HistoryClock.at(instant, work);
	}

	private static void at(Instant instant, Runnable work) {
		HistoryClock.at(instant, work);
	}

	private static <T> T at(LocalDate day, int hour, Supplier<T> work) {
		return HistoryClock.at(day.atTime(hour, 0).atZone(ZONE).toInstant(), work);
	}

	private static Actor user(String name, Set<Role> roles, String region, UUID unit, UUID deputy) {
		return new Actor(Ids.newId(), name, name, roles, region, unit, deputy);
	}

	/** Runs {@code work} signed in as {@code user}, and as whoever was signed in before afterwards. */
	private static <T> T as(Actor user, Supplier<T> work) {
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
