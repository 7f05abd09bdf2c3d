package org.lianluo.demo;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.deputy.DeputyForm;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.platform.HistoryClock;
import org.lianluo.region.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	/** Of those, the disputes mediated at 朔良镇's stations (recorded on their receptions); the rest by opinions. */
	static final int DISPUTES_AT_STATIONS = 12;

	/** 朔良镇 of 田东县, whose stations mediate disputes at their receptions. */
	static final String MEDIATING_TOWNSHIP = "451022108";

	/** Deputies on station rosters who held no reception all year: 3.2 %, so that 96.8 % took part. */
	static final double ABSENT_FROM_STATIONS = 0.032;

	/** The other kinds of activity, how many of each. */
	static final Map<String, Integer> OTHER_ACTIVITIES = new LinkedHashMap<>();

	static {
		// 专题视察、政策宣讲、民情走访 under the year's themes: with the 民情沟通会, the summary's 2,100 and more.
		OTHER_ACTIVITIES.put("VISIT", 880);
		OTHER_ACTIVITIES.put("INSPECTION", 260);
		OTHER_ACTIVITIES.put("RESEARCH", 84);
		OTHER_ACTIVITIES.put("BRIEFING", 360);
		OTHER_ACTIVITIES.put("LAW_ENFORCEMENT_CHECK", 26);
		OTHER_ACTIVITIES.put("TRAINING", 31);
		OTHER_ACTIVITIES.put("EMERGENCY", 14);
	}

	/** Activity in each month of the year (the Spring Festival quiets February). */
	static final int[] MONTH_WEIGHTS = { 7, 5, 10, 9, 9, 9, 8, 8, 9, 7, 10, 9 };

	static final List<Category> CATEGORIES = List.of(Category.values());

	static final int[] CATEGORY_WEIGHTS = { 8, 7, 8, 8, 14, 12, 8, 17, 6, 4, 5, 3 };

	static final List<Channel> CHANNELS = List.of(Channel.STATION_RECEPTION, Channel.DEPUTY_VISIT,
			Channel.PUBLIC_MEETING, Channel.PORTAL, Channel.STATION_QR, Channel.LETTER);

	static final Map<Category, String> UNIT_OF = Map.ofEntries(Map.entry(Category.EMPLOYMENT, "人力资源"),
			Map.entry(Category.ELDERLY_CARE, "民政"), Map.entry(Category.EDUCATION, "教育"),
			Map.entry(Category.HEALTH, "卫生健康"), Map.entry(Category.TRANSPORT, "交通运输"),
			Map.entry(Category.AGRICULTURE, "农业农村"), Map.entry(Category.ENVIRONMENT, "生态环境"),
			Map.entry(Category.INFRASTRUCTURE, "住"), Map.entry(Category.SOCIAL_SECURITY, "人力资源"),
			Map.entry(Category.CULTURE_TOURISM, "文化广电"), Map.entry(Category.DISPUTE, "自然资源"),
			Map.entry(Category.OTHER, "城市管理"));

	private final YearServices services;

	DemoYear(YearServices services) {
		this.services = services;
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
		YearLoops y = new YearLoops(services, words, registry);
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
}
