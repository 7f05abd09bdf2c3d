package org.lianluo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.duty.DutyStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A small year of 那坡县 built by hand through the services, with records just either side of the year's boundary in
 * Asia/Shanghai and in the sibling county 凌云县; every figure of the annual report checked against numbers counted by
 * hand. No other test uses these two counties, so their figures are this class's alone.
 */
@LianluoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportApiTests {

	static final String COUNTY = "451026";

	static final String TOWN = "451026100";

	static final String SIBLING = "451027100";

	/** The current year: consultation comments are dated when they are made. */
	static final int Y = Year.now(AnnualReports.ZONE).getValue();

	@LocalServerPort
	int port;

	@Autowired
	DutyStatistics dutyStatistics;

	Api admin;

	Api city;

	Api handler;

	Instant builtFrom;

	Instant builtUntil;

	Map<String, String> opinions = new HashMap<>();

	@BeforeAll
	void buildTheYear() {
		admin = Staff.admin(port);
		city = Staff.user(port, "451000", "ASSESSOR");
		UUID a = deputy(TOWN, false);
		UUID b = deputy(TOWN, false);
		UUID member = deputy(COUNTY, true);
		UUID siblingMember = deputy("451027", true);
		UUID s = deputy(SIBLING, false);

		UUID station = station("STANDARD", TOWN, "ACTIVE", List.of(a, b));
		station("PARK", COUNTY, "ACTIVE", List.of());
		station("INDUSTRY_CHAIN", COUNTY, "SUSPENDED", List.of());
		station("STANDARD", SIBLING, "ACTIVE", List.of(s));

		// Activities: 7 in the year in 那坡县, one the evening before, one the first night after, one in 凌云县.
		activity("RECEPTION", at(Y, 1, 1, 0, 30), TOWN, List.of(a), "stationId", station, "votersReceived", 5);
		activity("VISIT", at(Y, 3, 1, 9, 0), TOWN, List.of(a, b), "theme", "乡村振兴", "votersReceived", 20);
		activity("PUBLIC_MEETING", at(Y, 4, 1, 9, 0), COUNTY, List.of(b), "theme", "民生实事", "votersReceived", 40);
		activity("PUBLIC_MEETING", at(Y, 5, 1, 9, 0), TOWN, List.of(a), "votersReceived", 10);
		activity("COMMITTEE_ATTENDANCE", at(Y, 6, 1, 9, 0), COUNTY, List.of(a, b, member), "attendance",
				Map.of(b.toString(), "EXCUSED"));
		activity("JOINT_SUPERVISION", at(Y, 7, 1, 9, 0), TOWN, List.of(member));
		activity("RESEARCH", at(Y, 12, 31, 23, 30), TOWN, List.of(a), "theme", "调研不是主题活动类型");
		activity("RECEPTION", at(Y - 1, 12, 31, 23, 50), TOWN, List.of(b), "stationId", station, "votersReceived", 7);
		activity("VISIT", at(Y + 1, 1, 1, 0, 30), TOWN, List.of(a), "theme", "次年", "votersReceived", 9);
		activity("VISIT", at(Y, 3, 1, 9, 0), SIBLING, List.of(s), "theme", "乡村振兴", "votersReceived", 100);

		contact(member, a, at(Y, 1, 1, 0, 10));
		contact(member, b, at(Y, 2, 1, 10, 0));
		contact(member, a, at(Y - 1, 12, 31, 23, 0));
		contact(siblingMember, s, at(Y, 2, 1, 10, 0));

		builtFrom = Instant.now();
		UUID unit = id(admin.post("/api/v1/units", Map.of("name", unique("那坡县交通运输局"), "regionCode", COUNTY)));
		handler = user("UNIT_HANDLER", COUNTY, unit, null);
		String o1 = opinion(TOWN, "DISPUTE", at(Y, 1, 1, 0, 20));
		settle(o1, unit, "RESOLVED", "SATISFIED");
		implemented(o1);
		String o2 = opinion(TOWN, "TRANSPORT", at(Y, 2, 1, 9, 0));
		settle(o2, unit, "PLANNED", "BASICALLY_SATISFIED");
		implemented(o2);
		String o3 = opinion(COUNTY, "DISPUTE", at(Y, 3, 1, 9, 0));
		settle(o3, unit, "EXPLAINED", "UNSATISFIED");
		String o4 = opinion(TOWN, "OTHER", at(Y, 4, 1, 9, 0));
		step(city, o4, "triage", Map.of("route", "ANSWER", "answer", "当场解释了政策。"), "ANSWERED");
		String o7 = opinion(TOWN, "ENVIRONMENT", at(Y, 5, 1, 9, 0));
		step(city, o7, "triage", Map.of("route", "ASSIGN", "leadUnitId", unit), "ASSIGNED");
		String o5 = opinion(TOWN, "DISPUTE", at(Y - 1, 12, 31, 23, 40));
		settle(o5, unit, "RESOLVED", "SATISFIED");
		opinion(SIBLING, "DISPUTE", at(Y, 2, 1, 9, 0));
		builtUntil = Instant.now();
		opinions.put("o1", o1);
		opinions.put("o4", o4);

		// Proposals: a session of 那坡县's congress this year (2 assigned, 1 answered, 1 only registered), one last
		// year (assigned and answered), one of 凌云县 this year.
		UUID lead = deputy(TOWN, false);
		Api deputyUser = user("DEPUTY", COUNTY, null, lead);
		String session = session(COUNTY, LocalDate.of(Y, 1, 10));
		String p1 = proposal(deputyUser, session, unit, handler);
		proposal(deputyUser, session, unit, null);
		String registered = draft(deputyUser, session);
		pstep(deputyUser, registered, "submit", Map.of());
		pstep(city, registered, "register", Map.of());
		String last = proposal(deputyUser, session(COUNTY, LocalDate.of(Y - 1, 1, 10)), unit, handler);
		UUID siblingUnit = id(admin.post("/api/v1/units", Map.of("name", unique("凌云县水利局"), "regionCode", "451027")));
		UUID siblingLead = deputy(SIBLING, false);
		proposal(user("DEPUTY", "451027", null, siblingLead), session("451027", LocalDate.of(Y, 1, 10)), siblingUnit, null);
		opinions.put("p1", p1);
		opinions.put("last", last);

		upward(COUNTY, LocalDate.of(Y, 1, 1));
		upward(COUNTY, LocalDate.of(Y - 1, 12, 31));
		upward("451027", LocalDate.of(Y, 2, 1));

		// Comments: one on 那坡县's draft and one hidden; one gathered at the 城厢镇 station on the city's draft
		// (counts for 那坡县), one from the portal on the city's draft (the city's own), one on 凌云县's draft.
		String countyDraft = consultation(COUNTY);
		String cityDraft = consultation("451000");
		String siblingDraft = consultation("451027");
		comment(countyDraft);
		String hidden = comment(countyDraft);
		UUID hiddenId = UUID.fromString(admin.get("/api/v1/consultations/" + countyDraft + "/comments").json().get("items")
			.valueStream().filter(c -> c.get("trackingCode").asText().equals(hidden)).findFirst().orElseThrow()
			.get("id").asText());
		assertThat(city.post("/api/v1/consultations/comments/" + hiddenId + "/hide", Map.of("reason", "广告")).status())
			.isEqualTo(200);
		assertThat(city.post("/api/v1/consultations/" + cityDraft + "/comments", Map.of("articleNumber", 1, "text",
				"第一条建议写明适用范围。", "stationId", station)).status()).isEqualTo(201);
		comment(cityDraft);
		comment(siblingDraft);
	}

	@Test
	void everyFigureOfTheCountyMatchesTheHandCount() {
		JsonNode r = ok(city.get("/api/v1/reports/annual?region=" + COUNTY + "&year=" + Y));
		assertThat(r.get("region").asText()).isEqualTo(COUNTY);
		assertThat(r.get("year").asInt()).isEqualTo(Y);
		assertThat(r.get("regionName").asText()).isEqualTo("那坡县");
		assertThat(r.get("activities").asLong()).as("7 in the year; the evening before and the first night after are not")
			.isEqualTo(7);
		assertThat(r.get("thematicActivities").asLong()).as("the VISIT and the PUBLIC_MEETING with a theme").isEqualTo(2);
		assertThat(r.get("votersReceived").asLong()).isEqualTo(5 + 20 + 40 + 10);
		assertThat(r.get("publicMeetings").asLong()).isEqualTo(2);
		assertThat(r.get("opinionsCollected").asLong()).isEqualTo(5);
		assertThat(r.get("opinionsImplemented").asLong()).isEqualTo(2);
		assertThat(r.get("committeeContacts").asLong()).as("the one at 00:10 on 1 January counts").isEqualTo(2);
		assertThat(r.get("committeeAttendance").asLong()).as("a and the member signed in, b excused").isEqualTo(2);
		assertThat(r.get("stationParticipationRate").asDouble()).as("a of a and b").isEqualTo(0.5);
		assertThat(r.get("draftComments").asLong()).as("one on the county's draft, one at its station").isEqualTo(2);
		assertThat(r.get("proposalsAssigned").asLong()).isEqualTo(2);
		assertThat(r.get("proposalsAnswered").asLong()).isEqualTo(1);
		assertThat(r.get("upwardProposals").asLong()).isEqualTo(1);
		assertThat(r.get("jointSupervisions").asLong()).isEqualTo(1);
		assertThat(r.get("disputesResolved").asLong()).as("o1; o3 was reopened, o5 came last year").isEqualTo(1);
		assertThat(r.get("disputesResolvedByOpinions").asLong()).as("o1").isEqualTo(1);
		assertThat(r.get("disputesResolvedAtActivities").asLong()).as("none recorded on activities").isZero();
		assertThat(r.get("stations").asLong()).as("the suspended one is not").isEqualTo(2);
		assertThat(r.get("specialStations").asLong()).isEqualTo(1);
		assertThat(r.get("stationParticipationRate").asDouble())
			.isEqualTo(dutyStatistics.stationParticipationRate(COUNTY, LocalDate.of(Y, 1, 1), LocalDate.of(Y + 1, 1, 1)));

		JsonNode o = r.get("opinionLoop");
		assertThat(o.get("received").asLong()).isEqualTo(5);
		assertThat(o.get("assigned").asLong()).as("o1, o2, o3 (reopened), o7").isEqualTo(4);
		assertThat(o.get("settled").asLong()).isEqualTo(2);
		assertThat(o.get("closureRate").asDouble()).isEqualTo(0.5);
		assertThat(o.get("onTimeRate").asDouble()).isEqualTo(1.0);
		assertThat(o.get("satisfactionRate").asDouble()).as("o1 and o2 of o1, o2, o3").isEqualTo(0.667);
		assertThat(o.get("solvedRate").asDouble()).as("o1 of o1 and o2 (o3's reply was set aside)").isEqualTo(0.5);
		assertThat(o.get("disputesClosed").asLong()).isEqualTo(1);
		double o1Days = (builtUntil.getEpochSecond() - at(Y, 1, 1, 0, 20).toEpochSecond()) / 86400.0;
		assertThat(o.get("disputeAverageDaysToClose").asDouble()).isCloseTo(o1Days, within(0.2));

		JsonNode p = r.get("proposalLoop");
		assertThat(p.get("assigned").asLong()).isEqualTo(2);
		assertThat(p.get("replied").asLong()).isEqualTo(1);
		assertThat(p.get("replyRate").asDouble()).isEqualTo(0.5);
		assertThat(p.get("shareA").asDouble()).isEqualTo(1.0);
		assertThat(p.get("shareB").asDouble()).isZero();
		assertThat(p.get("averageDaysToReply").asDouble()).isCloseTo(0.0, within(0.1));

		assertThat(r.get("byCategory").valueStream().map(g -> g.get("key").asText() + "=" + g.get("received").asLong()))
			.containsExactlyInAnyOrder("DISPUTE=2", "TRANSPORT=1", "OTHER=1", "ENVIRONMENT=1");
		assertThat(r.get("byUnit")).hasSize(1);
		assertThat(r.get("byUnit").get(0).get("name").asText()).startsWith("那坡县交通运输局");
		assertThat(r.get("byUnit").get(0).get("assigned").asLong()).isEqualTo(4);

		Map<String, JsonNode> parts = new HashMap<>();
		r.get("byRegion").forEach(part -> parts.put(part.get("region").asText(), part.get("figures")));
		assertThat(parts).containsOnlyKeys(COUNTY, TOWN);
		assertThat(parts.get(COUNTY).get("activities").asLong()).isEqualTo(2);
		assertThat(parts.get(TOWN).get("activities").asLong()).isEqualTo(5);
		assertThat(parts.get(TOWN).get("votersReceived").asLong()).isEqualTo(35);
		assertThat(parts.get(COUNTY).get("opinionsCollected").asLong()).isEqualTo(1);
		assertThat(parts.get(TOWN).get("stationParticipationRate").asDouble()).isEqualTo(0.5);
		assertThat(parts.get(COUNTY).get("specialStations").asLong()).isEqualTo(1);
	}

	@Test
	void lastYearAndTheChangeFromItAreCountedTheSameWay() {
		JsonNode r = ok(city.get("/api/v1/reports/annual?region=" + COUNTY + "&year=" + Y));
		JsonNode was = r.get("previousYear");
		assertThat(was.get("activities").asLong()).isEqualTo(1);
		assertThat(was.get("votersReceived").asLong()).isEqualTo(7);
		assertThat(was.get("opinionsCollected").asLong()).isEqualTo(1);
		assertThat(was.get("disputesResolved").asLong()).isEqualTo(1);
		assertThat(was.get("committeeContacts").asLong()).isEqualTo(1);
		assertThat(was.get("proposalsAssigned").asLong()).isEqualTo(1);
		assertThat(was.get("upwardProposals").asLong()).isEqualTo(1);
		assertThat(was.get("stationParticipationRate").asDouble()).as("b received on the last evening").isEqualTo(0.5);
		JsonNode change = r.get("yearOnYear");
		assertThat(change.get("activities").asDouble()).isEqualTo(6.0);
		assertThat(change.get("votersReceived").asDouble()).as("(75 - 7) / 7").isEqualTo(9.714);
		assertThat(change.get("opinionsCollected").asDouble()).isEqualTo(4.0);
		assertThat(change.get("disputesResolved").asDouble()).isEqualTo(0.0);
		assertThat(change.get("committeeContacts").asDouble()).isEqualTo(1.0);
		assertThat(change.get("stationParticipationRate").asDouble()).isEqualTo(0.0);
		assertThat(change.get("publicMeetings").isNull()).as("none last year: no change to state").isTrue();
		double lastDays = (builtUntil.getEpochSecond() - at(Y - 1, 12, 31, 23, 40).toEpochSecond()) / 86400.0;
		double thisDays = (builtUntil.getEpochSecond() - at(Y, 1, 1, 0, 20).toEpochSecond()) / 86400.0;
		assertThat(was.get("disputeAverageDaysToClose").asDouble()).isCloseTo(lastDays, within(0.2));
		assertThat(change.get("disputeAverageDaysToClose").asDouble()).isCloseTo((thisDays - lastDays) / lastDays, within(0.01));
	}

	@Test
	void theSiblingCountyAndTheCityFollowTheSubtreeRule() {
		JsonNode sibling = ok(city.get("/api/v1/reports/annual?region=451027&year=" + Y));
		assertThat(sibling.get("activities").asLong()).isEqualTo(1);
		assertThat(sibling.get("votersReceived").asLong()).isEqualTo(100);
		assertThat(sibling.get("opinionsCollected").asLong()).isEqualTo(1);
		assertThat(sibling.get("committeeContacts").asLong()).isEqualTo(1);
		assertThat(sibling.get("draftComments").asLong()).isEqualTo(1);
		assertThat(sibling.get("proposalsAssigned").asLong()).isEqualTo(1);
		assertThat(sibling.get("proposalsAnswered").asLong()).isZero();
		assertThat(sibling.get("upwardProposals").asLong()).isEqualTo(1);
		assertThat(sibling.get("stations").asLong()).isEqualTo(1);
		assertThat(sibling.get("stationParticipationRate").asDouble()).isZero();

		JsonNode town = ok(city.get("/api/v1/reports/annual?region=" + TOWN + "&year=" + Y));
		assertThat(town.get("activities").asLong()).isEqualTo(5);
		assertThat(town.get("draftComments").asLong()).as("the one gathered at its station").isEqualTo(1);
		// A township's figures by unit come from the sums per the opinions' own regions, a county's from those per county.
		assertThat(town.get("byUnit")).hasSize(1);
		assertThat(town.get("byUnit").get(0).get("assigned").asLong()).as("o1, o2, o7; o3 is the county's").isEqualTo(3);
		assertThat(town.get("byUnit").get(0).get("received").asLong()).isEqualTo(3);
		assertThat(town.get("byUnit").get(0).get("closureRate").asDouble()).as("o1, o2 of three").isCloseTo(0.667, within(0.001));

		JsonNode cityReport = ok(city.get("/api/v1/reports/annual?region=451000&year=" + Y));
		JsonNode naPo = cityReport.get("byRegion").valueStream().filter(p -> p.get("region").asText().equals(COUNTY))
			.findFirst().orElseThrow().get("figures");
		JsonNode county = ok(city.get("/api/v1/reports/annual?region=" + COUNTY + "&year=" + Y));
		for (String key : List.of("activities", "votersReceived", "opinionsCollected", "draftComments", "proposalsAssigned",
				"stations", "committeeContacts")) {
			assertThat(naPo.get(key).asLong()).as(key).isEqualTo(county.get(key).asLong());
		}
		long sum = 0;
		for (JsonNode part : cityReport.get("byRegion")) {
			sum += part.get("figures").get("activities").asLong();
		}
		assertThat(sum).isEqualTo(cityReport.get("activities").asLong());
	}

	@Test
	void theRecordsBehindAFigureAreExactlyTheCountedOnes() {
		JsonNode list = ok(city.get("/api/v1/reports/annual/records?region=" + COUNTY + "&year=" + Y + "&figure=opinionsCollected"));
		assertThat(list.get("total").asLong()).isEqualTo(5);
		List<String> links = new ArrayList<>();
		list.get("items").forEach(i -> links.add(i.get("link").asText()));
		assertThat(links).contains("/opinions/" + opinions.get("o1"), "/opinions/" + opinions.get("o4"));
		JsonNode answered = ok(city.get("/api/v1/reports/annual/records?region=" + COUNTY + "&year=" + Y + "&figure=proposalsAnswered"));
		assertThat(answered.get("items").valueStream().map(i -> i.get("link").asText()))
			.containsExactly("/proposals/" + opinions.get("p1"));
		for (String figure : List.of("activities", "votersReceived", "draftComments", "committeeAttendance", "stations",
				"upwardProposals", "committeeContacts", "disputesResolved")) {
			JsonNode page = ok(city.get("/api/v1/reports/annual/records?region=" + COUNTY + "&year=" + Y + "&figure=" + figure));
			JsonNode report = ok(city.get("/api/v1/reports/annual?region=" + COUNTY + "&year=" + Y));
			if (!figure.equals("votersReceived")) {
				assertThat(page.get("total").asLong()).as(figure).isEqualTo(report.get(figure).asLong());
			}
			else {
				assertThat(page.get("total").asLong()).as("the activities that received people").isEqualTo(4);
			}
		}
	}

	@Test
	void onlyTheOfficesLeadersAndAdministratorsAskAndOnlyWithinTheirScope() {
		assertThat(Staff.user(port, COUNTY, "LEADER").get("/api/v1/reports/annual?region=" + COUNTY + "&year=" + Y).status())
			.isEqualTo(200);
		assertThat(admin.get("/api/v1/reports/annual?region=" + COUNTY + "&year=" + Y).status()).isEqualTo(200);
		Api countyOffice = Staff.user(port, COUNTY, "ASSESSOR");
		Response defaulted = countyOffice.get("/api/v1/reports/annual");
		assertThat(defaulted.json().get("region").asText()).as("no region: the caller's own").isEqualTo(COUNTY);
		assertThat(defaulted.json().get("year").asInt()).isEqualTo(Y);
		Response cityAsked = countyOffice.get("/api/v1/reports/annual?region=451000&year=" + Y);
		assertThat(cityAsked.status()).as("a county office asking for the city").isEqualTo(404);
		assertThat(cityAsked.contentType()).contains("application/problem+json");
		assertThat(Staff.user(port, "451027", "ASSESSOR").get("/api/v1/reports/annual?region=" + COUNTY).status())
			.isEqualTo(404);
		assertThat(Staff.user(port, COUNTY, "STATION_ADMIN").get("/api/v1/reports/annual?region=" + COUNTY).status())
			.isEqualTo(403);
		assertThat(new Api(port).get("/api/v1/reports/annual?region=" + COUNTY).status()).isEqualTo(401);
	}

	@Test
	void anyPeriodCountsItsDaysBothIncluded() {
		JsonNode day = ok(city.get("/api/v1/reports/annual?region=" + COUNTY + "&from=" + Y + "-01-01&to=" + Y + "-01-01"));
		assertThat(day.get("from").asText()).isEqualTo(Y + "-01-01");
		assertThat(day.get("to").asText()).isEqualTo(Y + "-01-01");
		assertThat(day.get("activities").asLong()).as("the reception at 00:30; not the evening before").isEqualTo(1);
		assertThat(day.get("votersReceived").asLong()).isEqualTo(5);
		assertThat(day.get("committeeContacts").asLong()).as("the one at 00:10").isEqualTo(1);
		assertThat(day.get("opinionsCollected").asLong()).as("o1 at 00:20; not o5 the evening before").isEqualTo(1);
		assertThat(day.get("disputesResolved").asLong()).isEqualTo(1);
		assertThat(day.get("opinionsImplemented").asLong()).isEqualTo(1);
		assertThat(day.get("upwardProposals").asLong()).isEqualTo(1);
		assertThat(day.get("stationParticipationRate").asDouble()).as("a of a and b received that night").isEqualTo(0.5);
		assertThat(day.get("proposalsAssigned").asLong()).as("the session opened on 10 January").isZero();
		assertThat(day.get("byMonth")).hasSize(1);
		assertThat(day.get("byMonth").get(0).get("activities").asLong()).isEqualTo(1);

		JsonNode spring = ok(city.get("/api/v1/reports/annual?region=" + COUNTY + "&from=" + Y + "-03-01&to=" + Y + "-05-01"));
		assertThat(spring.get("activities").asLong()).as("the visit, the two public meetings; 1 May included")
			.isEqualTo(3);
		assertThat(spring.get("thematicActivities").asLong()).isEqualTo(2);
		assertThat(spring.get("votersReceived").asLong()).isEqualTo(20 + 40 + 10);
		assertThat(spring.get("publicMeetings").asLong()).isEqualTo(2);
		assertThat(spring.get("opinionsCollected").asLong()).as("o3, o4, o7").isEqualTo(3);
		assertThat(spring.get("opinionLoop").get("assigned").asLong()).as("o3 (reopened) and o7").isEqualTo(2);
		assertThat(spring.get("committeeContacts").asLong()).isZero();
		assertThat(spring.get("committeeAttendance").asLong()).isZero();
		assertThat(spring.get("stationParticipationRate").asDouble()).isZero();
		assertThat(spring.get("stations").asLong()).as("stations as they stand now").isEqualTo(2);
		assertThat(spring.get("byMonth").valueStream().map(m -> m.get("month").asText()))
			.containsExactly(Y + "-03", Y + "-04", Y + "-05");
		assertThat(spring.get("byRegion").valueStream()
			.filter(part -> part.get("region").asText().equals(TOWN))
			.findFirst().orElseThrow().get("figures").get("activities").asLong()).as("the visit and the 1 May meeting")
			.isEqualTo(2);

		Response records = city.get("/api/v1/reports/annual/records?region=" + COUNTY + "&from=" + Y + "-03-01&to=" + Y
				+ "-05-01&figure=publicMeetings");
		assertThat(ok(records).get("total").asLong()).isEqualTo(2);
	}

	@Test
	void theMonthsOfTheYearAddUpToItsFigures() {
		JsonNode r = ok(city.get("/api/v1/reports/annual?region=" + COUNTY + "&year=" + Y));
		assertThat(r.get("byMonth")).hasSize(12);
		assertThat(r.get("byMonth").valueStream().mapToLong(m -> m.get("activities").asLong()).sum()).isEqualTo(7);
		assertThat(r.get("byMonth").valueStream().mapToLong(m -> m.get("opinionsCollected").asLong()).sum()).isEqualTo(5);
		assertThat(r.get("byMonth").get(2).get("activities").asLong()).as("March: the visit").isEqualTo(1);
		assertThat(r.get("byMonth").get(11).get("activities").asLong()).as("the research at 23:30 on 31 December")
			.isEqualTo(1);
	}

	@Test
	void badPeriodsAreRefusedInChinese() {
		for (String query : List.of("from=" + Y + "-05-01&to=" + Y + "-03-01", "from=" + Y + "-02-30&to=" + Y + "-03-01",
				"from=" + Y + "-01-01", "from=1999-12-31&to=" + Y + "-01-01", "from=" + Y + "-01-01&to=" + (Y + 1) + "-01-01",
				"from=2025/01/01&to=" + Y + "-01-01")) {
			Response r = city.get("/api/v1/reports/annual?region=" + COUNTY + "&" + query);
			assertThat(r.status()).as(query).isEqualTo(400);
			assertThat(r.contentType()).contains("application/problem+json");
			assertThat(r.body()).as(query).containsAnyOf("起始日期不能晚于截止日期", "日期须为");
		}
	}

	@Test
	void badRegionsYearsAndFiguresAreRefusedInChinese() {
		for (String query : List.of("region=abc&year=" + Y, "region=459999&year=" + Y, "region=" + COUNTY + "&year=abc",
				"region=" + COUNTY + "&year=1999", "region=" + COUNTY + "&year=" + (Y + 1))) {
			Response r = city.get("/api/v1/reports/annual?" + query);
			assertThat(r.status()).as(query).isEqualTo(400);
			assertThat(r.contentType()).contains("application/problem+json");
			assertThat(r.body()).as(query).containsAnyOf("行政区划代码不存在", "年度须为");
		}
		Response figure = city.get("/api/v1/reports/annual/records?region=" + COUNTY + "&year=" + Y + "&figure=nonsense");
		assertThat(figure.status()).isEqualTo(400);
		assertThat(figure.body()).contains("没有这项统计数字");
		assertThat(city.get("/api/v1/reports/annual/records?region=" + COUNTY + "&year=" + Y + "&figure=activities&size=500")
			.status()).isEqualTo(400);
		assertThat(city.get("/api/v1/reports/annual/records?region=" + COUNTY + "&year=" + Y + "&figure=activities&page=x")
			.status()).isEqualTo(400);
	}

	@Test
	void theDocumentsStateTheFiguresTheDocxOpensInLibreOfficeAndTheOfficeEditsTheSentences() throws Exception {
		String query = "?region=" + COUNTY + "&year=" + Y;
		Download docx = download(city, "/api/v1/reports/annual.docx" + query);
		assertThat(docx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(docx.disposition()).contains("annual-report-" + COUNTY + "-" + Y + ".docx");
		String fromWord = Documents.text(Documents.libreOfficePdf(docx.body(), "annual-" + COUNTY));
		assertThat(fromWord).contains("那坡县" + Y + "年代表工作综述", "开展各类履职活动7次", "接待选民群众75人次",
				"召开民情沟通会2场", "收集群众意见建议5条", "推动2个“金点子”", "化解矛盾纠纷1件", "常委会组成人员联系代表2人次",
				"代表列席常委会会议2人次", "参与率达50.0%", "意见建议2条", "交办代表建议2件，已答复1件", "提出建议1件",
				"联合监督1次", "代表联络站2个，其中特色联络站1个", "办结率50.0%", "城厢镇");

		Download pdf = download(city, "/api/v1/reports/annual.pdf" + query);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(Documents.embedsAllFonts(pdf.body())).as("the CJK font travels with the PDF").isTrue();
		assertThat(Documents.text(pdf.body())).contains("那坡县" + Y + "年代表工作综述", "开展各类履职活动7次",
				"接待选民群众75人次", "收集群众意见建议5条", "交办代表建议2件，已答复1件", "参与率达50.0%", "城厢镇");

		Files.createDirectories(Path.of("target/report-documents"));
		Files.write(Path.of("target/report-documents/annual-" + COUNTY + "-app.pdf"), pdf.body());

		byte[] xlsx = Staff.download(city, "/api/v1/reports/annual.xlsx" + query);
		assertThat(Staff.headers(xlsx)).startsWith("区划代码", "区域", "履职活动", "主题活动", "接待群众（人次）");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> activities = new ArrayList<>();
			book.getSheetAt(0).forEach(row -> {
				if (row.getRowNum() > 0) {
					activities.add(row.getCell(1).getStringCellValue() + "=" + row.getCell(2).getNumericCellValue());
				}
			});
			assertThat(activities).as("the county's own records, its township, the total")
				.containsExactly("那坡县=2.0", "那坡县城厢镇=5.0", "那坡县合计=7.0");
			assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).startsWith("履职活动：当年开始的全部履职活动");
		}

		assertThat(city.put("/api/v1/reports/template", Map.of("body", "本年{activities}")).status()).as("ADMIN only")
			.isEqualTo(403);
		Response bad = admin.put("/api/v1/reports/template", Map.of("body", "全年活动{activites}次"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("{activites}", "不是可用的名称");
		assertThat(admin.put("/api/v1/reports/template", Map.of("body", "  ")).status()).isEqualTo(400);
		try {
			Response saved = admin.put("/api/v1/reports/template",
					Map.of("body", "{region}{year}年共开展活动{activities}次，接待群众{votersReceived}人次。\n满意率{satisfactionRate}。"));
			assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
			String edited = Documents.text(download(city, "/api/v1/reports/annual.pdf" + query).body());
			assertThat(edited).contains("那坡县" + Y + "年共开展活动7次，接待群众75人次。", "满意率66.7%")
				.doesNotContain("一是密切代表同人民群众的联系");
		}
		finally {
			assertThat(Documents.delete(admin, "/api/v1/reports/template")).isEqualTo(200);
		}
		assertThat(admin.get("/api/v1/reports/template").json().get("body").asText()).startsWith("{year}年，{region}人大常委会");
		assertThat(download(Staff.user(port, "451027", "ASSESSOR"), "/api/v1/reports/annual.pdf" + query).status())
			.isEqualTo(404);
	}

	record Download(int status, byte[] body, String contentType, String disposition) {
	}

	Download download(Api api, String path) throws Exception {
		var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create(api.base() + path)).header("Authorization", "Bearer " + api.token()).build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		return new Download(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
				r.headers().firstValue("Content-Disposition").orElse(""));
	}

	// --- building the year through the services

	static OffsetDateTime at(int year, int month, int day, int hour, int minute) {
		return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, java.time.ZoneOffset.ofHours(8));
	}

	JsonNode ok(Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	UUID deputy(String region, boolean committeeMember) {
		Map<String, Object> body = new HashMap<>(Map.of("name", unique("代表"), "gender", "FEMALE", "levels",
				region.length() == 9 ? List.of("COUNTY", "TOWNSHIP") : List.of("COUNTY"), "regionCode", region));
		if (committeeMember) {
			body.put("committeeMember", true);
			body.put("committeePosition", "MEMBER");
		}
		return id(admin.post("/api/v1/deputies", body));
	}

	Api user(String role, String region, UUID unit, UUID deputy) {
		String name = unique("r");
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "测试", "password", "password-123",
				"roles", List.of(role), "regionCode", region));
		if (unit != null) {
			body.put("unitId", unit.toString());
		}
		if (deputy != null) {
			body.put("deputyId", deputy.toString());
		}
		Response r = admin.post("/api/v1/users", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	UUID station(String kind, String region, String status, List<UUID> roster) {
		UUID id = id(admin.post("/api/v1/stations", Map.of("name", unique("联络站"), "kind", kind, "regionCode", region,
				"address", "镇政府大院", "deputyIds", roster, "status", status)));
		assertThat(admin.get("/api/v1/stations/" + id).json().get("status").asText()).isEqualTo(status);
		return id;
	}

	void activity(String type, OffsetDateTime start, String region, List<UUID> deputies, Object... more) {
		Map<String, Object> body = new HashMap<>(Map.of("type", type, "title", "活动" + type, "startAt", start.toString(),
				"regionCode", region, "deputyIds", deputies));
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		id(city.post("/api/v1/activities", body));
	}

	void contact(UUID member, UUID deputy, OffsetDateTime at) {
		id(city.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", deputy, "at", at.toString(),
				"method", "PHONE")));
	}

	String opinion(String region, String category, OffsetDateTime received) {
		Response r = city.post("/api/v1/opinions", Map.of("content", "群众反映的事项：" + category + unique(""), "regionCode",
				region, "category", category, "kind", "COMPLAINT", "channel", "PUBLIC_MEETING", "receivedAt",
				received.toInstant().toString()));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asText();
	}

	void settle(String id, UUID unit, String result, String grade) {
		step(city, id, "triage", Map.of("route", "ASSIGN", "leadUnitId", unit), "ASSIGNED");
		step(handler, id, "accept", Map.of(), "ACCEPTED");
		step(handler, id, "reply", Map.of("result", result, "text", "已办理并答复。"), "REPLIED");
		step(city, id, "review", Map.of("approve", true), "FED_BACK");
		step(city, id, "evaluation", Map.of("grade", grade), grade.equals("UNSATISFIED") ? "REOPENED" : "CLOSED");
	}

	void implemented(String id) {
		assertThat(ok(city.post("/api/v1/opinions/" + id + "/implemented", Map.of("note", "金点子落地"))).get("implemented")
			.asBoolean()).isTrue();
	}

	void step(Api who, String id, String step, Map<String, ?> body, String status) {
		Response r = who.post("/api/v1/opinions/" + id + "/" + step, body);
		assertThat(r.status()).as(step + " " + r).isEqualTo(200);
		assertThat(r.json().get("status").asText()).isEqualTo(status);
	}

	String session(String region, LocalDate opensOn) {
		for (int attempt = 0; attempt < 20; attempt++) {
			Response r = admin.post("/api/v1/sessions", Map.of("level", "COUNTY", "regionCode", region, "term",
					ThreadLocalRandom.current().nextInt(1, 100), "number", ThreadLocalRandom.current().nextInt(1, 1000),
					"opensOn", opensOn.toString(), "closesOn", opensOn.plusDays(3).toString()));
			if (r.status() == 201) {
				return r.json().get("id").asText();
			}
			assertThat(r.status()).as(r.toString()).isEqualTo(409);
		}
		throw new AssertionError("no free session number");
	}

	String draft(Api deputy, String session) {
		return id(deputy.post("/api/v1/proposals", Map.of("sessionId", session, "title", unique("关于修缮乡村道路的建议"),
				"content", "那坡县城厢镇村道路面破损严重，雨季通行困难，建议列入明年道路改造计划并安排资金。"))).toString();
	}

	/** Drafted, submitted, registered and assigned; answered (class A) by {@code answering} unless it is null. */
	String proposal(Api deputy, String session, UUID unit, Api answering) {
		String id = draft(deputy, session);
		pstep(deputy, id, "submit", Map.of());
		pstep(city, id, "register", Map.of());
		pstep(city, id, "assign", Map.of("mode", "SEPARATE", "leadUnitId", unit));
		if (answering != null) {
			Api unitHandler = answering;
			pstep(unitHandler, id, "accept", Map.of());
			pstep(unitHandler, id, "contact", Map.of("method", "FACE_TO_FACE"));
			pstep(unitHandler, id, "reply", Map.of("replyClass", "A", "text", "已解决。"));
		}
		return id;
	}

	void pstep(Api who, String id, String step, Map<String, ?> body) {
		Response r = who.post("/api/v1/proposals/" + id + "/" + step, body);
		assertThat(r.status()).as(step + " " + r).isEqualTo(200);
	}

	void upward(String region, LocalDate on) {
		id(city.post("/api/v1/proposals/upward", Map.of("delegation", "那坡县代表团", "regionCode", region, "targetLevel",
				"PROVINCIAL", "title", unique("关于支持边境地区发展的建议"), "submittedOn", on.toString())));
	}

	String consultation(String region) {
		LocalDate today = LocalDate.now(AnnualReports.ZONE);
		String id = id(city.post("/api/v1/consultations", Map.of("title", unique("条例草案"), "issuer", "常委会法工委",
				"regionCode", region, "opensOn", today.minusDays(1).toString(), "closesOn", today.plusDays(10).toString(),
				"articles", List.of(Map.of("number", 1, "text", "第一条 为了规范管理，制定本条例。"))))).toString();
		assertThat(city.post("/api/v1/consultations/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	String comment(String consultation) {
		Response r = new Api(port).post("/api/v1/public/consultations/" + consultation + "/comments",
				Map.of("articleNumber", 1, "text", "建议第一条写明适用范围。" + unique("")));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("trackingCode").asText();
	}
}
