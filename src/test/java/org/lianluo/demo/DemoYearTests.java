package org.lianluo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianluo.Api;
import org.lianluo.LianluoApplication;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.platform.PersonalData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The demo set with its year 2025, loaded the way {@code ./mvnw spring-boot:run} loads it (by the runner, at the
 * start of an application on an empty database), and the annual report of 百色 for 2025 asked over HTTP: it states
 * the figures of 百色's 2025 summary. The application runs on a database of its own in the test JVM's PostgreSQL
 * server, so that the demo's thousands of records never meet the other tests' records (and theirs never change
 * these figures).
 */
@LianluoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoYearTests {

	/** The shared server's owner, who creates and drops the demo's database. */
	JdbcClient shared;

	@Autowired
	void owner(@FlywayDataSource DataSource owner) {
		this.shared = JdbcClient.create(owner);
	}

	@LocalServerPort
	int mainPort;

	String database;

	ConfigurableApplicationContext demo;

	JdbcClient jdbc;

	Api office;

	long loadMillis;

	@BeforeAll
	void startAnApplicationThatLoadsTheDemo() throws Exception {
		int pgPort = shared.sql("select inet_server_port()").query(Integer.class).single();
		database = "demo_year_" + UUID.randomUUID().toString().substring(0, 8);
		shared.sql("create database " + database).update();
		long start = System.nanoTime();
		demo = new SpringApplicationBuilder(LianluoApplication.class).profiles("test")
			.properties("spring.main.banner-mode=off")
			// As arguments: they win over application-test.yml, which keeps the demo off for the other tests.
			.run("--server.port=0", "--lianluo.demo-data=on",
					"--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/" + database,
					// Two roles, as README says for an external server: the owner migrates, the application's role is limited by
					// the row-level security, and the whole year is loaded through it.
					"--spring.datasource.username=lianluo_app", "--spring.datasource.password=", "--spring.flyway.user=postgres",
					"--spring.flyway.password=");
		loadMillis = (System.nanoTime() - start) / 1_000_000;
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/demo-load-time.txt"),
				"start with the demo set and its year 2025 loaded: " + loadMillis + " ms\n");
		jdbc = demo.getBean(JdbcClient.class);
		int port = demo.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		office = Staff.user(port, "451000", "ASSESSOR");
	}

	@AfterAll
	void stop() {
		if (demo != null) {
			demo.close();
		}
		if (database != null) {
			shared.sql("drop database if exists " + database + " with (force)").update();
		}
	}

	@Test
	void theAnnualReportOfBaiseFor2025StatesTheSummarysFigures() {
		JsonNode r = report("451000", 2025);
		assertThat(r.get("activities").asLong()).as("3,200+ activities").isGreaterThanOrEqualTo(3_200);
		assertThat(r.get("votersReceived").asLong()).isEqualTo(25_000);
		assertThat(r.get("publicMeetings").asLong()).isEqualTo(823);
		assertThat(r.get("opinionsCollected").asLong()).isEqualTo(2_677);
		assertThat(r.get("opinionsImplemented").asLong()).as("1,500+ implemented").isGreaterThanOrEqualTo(1_500)
			.isLessThan(2_677);
		assertThat(r.get("committeeContacts").asLong()).isEqualTo(277);
		assertThat(r.get("committeeAttendance").asLong()).isEqualTo(360);
		assertThat(Math.round(r.get("stationParticipationRate").asDouble() * 1000)).as("96.8%").isEqualTo(968);
		assertThat(r.get("draftComments").asLong()).isEqualTo(345);
		assertThat(r.get("proposalsAssigned").asLong()).isEqualTo(104);
		assertThat(r.get("proposalsAnswered").asLong()).isEqualTo(104);
		assertThat(r.get("upwardProposals").asLong()).isEqualTo(67);
		assertThat(r.get("jointSupervisions").asLong()).isEqualTo(89);
		assertThat(r.get("disputesResolved").asLong()).isEqualTo(47);
		assertThat(r.get("stations").asLong()).isEqualTo(823);
		assertThat(r.get("specialStations").asLong()).isEqualTo(10);
		assertThat(r.get("thematicActivities").asLong()).as("2,100+ 专题视察、政策宣讲、民情走访 under the year's themes")
			.isGreaterThanOrEqualTo(2_100)
			.isLessThan(r.get("activities").asLong());
		assertThat(r.get("stationsUpgraded").asLong()).as("the 823 stations' 提档升级").isEqualTo(823);
		long byOpinions = r.get("disputesResolvedByOpinions").asLong();
		long atActivities = r.get("disputesResolvedAtActivities").asLong();
		assertThat(byOpinions).as("disputes resolved by the opinion loop").isPositive();
		assertThat(atActivities).as("朔良镇's mediations at its stations").isPositive();
		assertThat(byOpinions + atActivities).as("the two parts of the 47").isEqualTo(47);
		JsonNode byKind = r.get("specialStationsByKind");
		assertThat(byKind.get("CROSS_REGION").asLong() + byKind.get("INDUSTRY_CHAIN").asLong() + byKind.get("PARK").asLong())
			.as("跨区域、产业链、园区: the 10 special stations").isEqualTo(10);
		byKind.forEach(n -> assertThat(n.asLong()).isPositive());

		JsonNode o = r.get("opinionLoop");
		assertThat(o.get("assigned").asLong()).isGreaterThan(1_000);
		assertThat(o.get("closureRate").asDouble()).as("a few replied at the year's end still wait for review")
			.isGreaterThan(0.9);
		assertThat(o.get("satisfactionRate").asDouble()).isGreaterThan(0.9);
		assertThat(o.get("disputesClosed").asLong()).isGreaterThanOrEqualTo(47);
		assertThat(o.get("disputeAverageDaysToClose").asDouble()).as("closed within weeks, in 2025").isBetween(3.0, 60.0);
		JsonNode p = r.get("proposalLoop");
		assertThat(p.get("replyRate").asDouble()).isEqualTo(1.0);
		assertThat(p.get("onTimeRate").asDouble()).isEqualTo(1.0);
		assertThat(p.get("satisfactionRate").asDouble()).isEqualTo(1.0);
		assertThat(r.get("byCategory")).hasSize(12);
		assertThat(r.get("byRegion")).as("the city's own records and its twelve counties").hasSize(13);
		for (String key : List.of("activities", "votersReceived", "publicMeetings", "opinionsCollected",
				"opinionsImplemented", "committeeContacts", "committeeAttendance", "draftComments", "jointSupervisions",
				"disputesResolved", "disputesResolvedAtActivities", "stations", "specialStations", "stationsUpgraded",
				"thematicActivities")) {
			long sum = 0;
			for (JsonNode part : r.get("byRegion")) {
				sum += part.get("figures").get(key).asLong();
			}
			assertThat(sum).as(key + " summed over the regions").isEqualTo(r.get(key).asLong());
		}
	}

	@Test
	void aCountysReportIsAPlausibleShareOfTheCitys() {
		JsonNode city = report("451000", 2025);
		JsonNode tiandong = report("451022", 2025);
		assertThat(tiandong.get("regionName").asText()).isEqualTo("田东县");
		Map<String, Long> share = new HashMap<>();
		for (String key : List.of("activities", "votersReceived", "publicMeetings", "opinionsCollected",
				"opinionsImplemented", "stations", "committeeAttendance", "committeeContacts", "jointSupervisions")) {
			long part = tiandong.get(key).asLong();
			long whole = city.get(key).asLong();
			assertThat(part).as(key).isPositive().isLessThan(whole);
			share.put(key, part * 100 / whole);
		}
		assertThat(share.get("activities")).as("one county of twelve, give or take").isBetween(3L, 20L);
		assertThat(share.get("opinionsCollected")).isBetween(3L, 20L);
		assertThat(share.get("stations")).isBetween(3L, 20L);
		assertThat(tiandong.get("proposalsAssigned").asLong()).as("the city congress's proposals are the city's")
			.isZero();
		assertThat(tiandong.get("upwardProposals").asLong()).isZero();
		assertThat(tiandong.get("specialStations").asLong()).as("its park station").isEqualTo(1);
		assertThat(tiandong.get("stationParticipationRate").asDouble()).isBetween(0.9, 1.0);

		JsonNode township = report("451022100", 2025);
		assertThat(township.get("activities").asLong()).isPositive().isLessThan(tiandong.get("activities").asLong());
	}

	@Test
	void theYearBeforeIsEmptyButForTheStationsThatStandToday() {
		JsonNode before = report("451000", 2024);
		for (String key : List.of("activities", "votersReceived", "publicMeetings", "opinionsCollected",
				"opinionsImplemented", "committeeContacts", "committeeAttendance", "draftComments", "proposalsAssigned",
				"proposalsAnswered", "upwardProposals", "jointSupervisions", "disputesResolved")) {
			assertThat(before.get(key).asLong()).as(key).isZero();
		}
		assertThat(before.get("stationParticipationRate").asDouble()).isZero();
		assertThat(before.get("stations").asLong()).as("stations count as they stand").isEqualTo(823);
		assertThat(before.get("stationsUpgraded").asLong()).as("all upgraded in 2025").isZero();
		assertThat(before.get("disputesResolvedAtActivities").asLong()).isZero();
		JsonNode change = report("451000", 2025).get("yearOnYear");
		assertThat(change.get("activities").isNull()).as("nothing to compare with").isTrue();
	}

	@Test
	void jointActivitiesCountOnceAndTheLegalServiceStationsShowTheirMembers() {
		JsonNode r = report("451000", 2025);
		assertThat(r.get("activities").asLong()).as("an activity held by several stations counts once")
			.isEqualTo(count("select count(*) from duty_activity"));
		assertThat(count("select count(*) from (select activity_id from duty_activity_station group by activity_id"
				+ " having count(*) > 1) j")).as("joint supervisions held by several stations").isPositive();
		JsonNode legal = new Api(demo.getEnvironment().getRequiredProperty("local.server.port", Integer.class))
			.get("/api/v1/public/stations?region=451022&q=" + java.net.URLEncoder.encode("石化园区",
					java.nio.charset.StandardCharsets.UTF_8)).json();
		assertThat(legal.get("total").asLong()).isEqualTo(1);
		assertThat(legal.get("items").get(0).get("members").valueStream().map(m -> m.get("kind").asText()))
			.as("田东's 联络站+法律诉讼服务: a judge, a prosecutor, a mediator").containsExactly("JUDGE", "PROSECUTOR", "MEDIATOR");
		JsonNode withJudges = office.get("/api/v1/activities?type=JOINT_SUPERVISION&region=451022&size=200").json();
		assertThat(withJudges.get("items").valueStream().filter(a -> !a.get("members").isEmpty()).count())
			.as("田东's joint supervisions with a member of its legal-service station").isPositive();
	}

	@Test
	void theRecordsCarryTheirDatesOf2025() {
		OffsetDateTime from = LocalDate.of(2025, 1, 1).atStartOfDay(DemoYear.ZONE).toOffsetDateTime();
		OffsetDateTime to = LocalDate.of(2026, 1, 1).atStartOfDay(DemoYear.ZONE).toOffsetDateTime();
		assertThat(count("select count(*) from opinion where received_at < ? or received_at >= ?", from, to)).isZero();
		assertThat(count("select count(*) from opinion_event where at < ?", from)).isZero();
		assertThat(count("select count(*) from opinion_event where at >= ?", to.plusMonths(3)))
			.as("the last of the year's opinions are settled in the first weeks of 2026").isZero();
		assertThat(count("select count(*) from opinion where status = 'CLOSED' and closed_at >= ?", to.plusMonths(3))).isZero();
		assertThat(count("select count(*) from duty_activity where created_at < ? or created_at >= ?", from, to)).isZero();
		assertThat(count("select count(*) from duty_contact where created_at < ? or created_at >= ?", from, to)).isZero();
		assertThat(count("select count(*) from consultation_comment where created_at < ? or created_at >= ?", from, to))
			.isZero();
		assertThat(count("select count(*) from proposal where assigned_at < ? or assigned_at >= ?", from, to)).isZero();
		assertThat(count("select count(*) from proposal where replied_at < ? or replied_at >= ?", from, to)).isZero();

		assertThat(count("select count(distinct status) from opinion")).as("every route of the loop")
			.isGreaterThanOrEqualTo(7);
		for (String status : List.of("CLOSED", "ANSWERED", "MERGED", "REJECTED", "TO_PROPOSAL", "TO_CONSULTATION",
				"REPLIED")) {
			assertThat(count("select count(*) from opinion where status = ?", status)).as(status).isPositive();
		}
		assertThat(count("select count(*) from opinion where reopen_count > 0")).as("some went round again").isPositive();
	}

	@Test
	void theSearchIndexHoldsEveryOpinionAndProposalAsTheyStand() {
		assertThat(count("select count(*) from search_document where type = 'OPINION'"))
			.isEqualTo(count("select count(*) from opinion"));
		assertThat(count("select count(*) from search_document where type = 'PROPOSAL'")).as("a draft is its deputy's alone")
			.isEqualTo(count("select count(*) from proposal where status <> 'DRAFT'"));
		assertThat(count("select count(*) from proposal where status = 'DRAFT'")).as("drafted from opinions").isPositive();
		assertThat(count("""
				select count(*) from search_document d join opinion o on o.id = d.id
				where d.type = 'OPINION' and d.status <> o.status""")).as("indexed as they stand at the end").isZero();
		Api.Response found = office.get("/api/v1/search?q=" + java.net.URLEncoder.encode("芒果",
				java.nio.charset.StandardCharsets.UTF_8));
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().get("total").asLong()).isPositive();
	}

	@Test
	void citizensNamesAndPhonesAreStoredEncrypted() {
		PersonalData personalData = demo.getBean(PersonalData.class);
		List<String> phones = jdbc.sql("select submitter_phone_enc from opinion where submitter_phone_enc is not null")
			.query(String.class).list();
		assertThat(phones).hasSizeGreaterThan(100);
		assertThat(phones).noneMatch(p -> p.matches(".*1[3-9][0-9]{9}.*"));
		UUID withPhone = jdbc.sql("select id from opinion where submitter_phone_enc = ?").param(phones.get(0)).query(UUID.class).single();
		assertThat(personalData.decrypt(phones.get(0), "opinion", "submitter_phone_enc", withPhone)).matches("1[3-9][0-9]{9}");
		List<String> names = jdbc.sql("select submitter_name_enc from opinion where submitter_name_enc is not null")
			.query(String.class).list();
		assertThat(names).hasSizeGreaterThan(1_000);
		UUID withName = jdbc.sql("select id from opinion where submitter_name_enc = ?").param(names.get(0)).query(UUID.class).single();
		assertThat(personalData.decrypt(names.get(0), "opinion", "submitter_name_enc", withName)).matches("\\p{IsHan}{2,3}");
		assertThat(count("select count(*) from consultation_comment where phone_enc ~ '1[3-9][0-9]{9}'")).isZero();
	}

	@Test
	void theYearReplayedTextsAndMailsNobody() {
		assertThat(count("select count(*) from opinion where submitter_phone_enc is not null")).as("citizens who left a phone")
			.isPositive();
		assertThat(count("select count(*) from notification_delivery")).as("no SMS or e-mail for a step of 2025").isZero();
	}

	@Test
	void everyRoleHasADemoUserWhoSeesTheirOwnWork() {
		int port = demo.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		Api city = new Api(port).as("baise-assessor", DemoUsers.PASSWORD);
		assertThat(city.get("/api/v1/opinions?size=1").json().get("total").asLong()).as("the city office sees every opinion")
			.isEqualTo(2_677);
		Api county = new Api(port).as("tiandong-assessor", DemoUsers.PASSWORD);
		JsonNode countyPage = county.get("/api/v1/opinions?size=100").json();
		assertThat(countyPage.get("total").asLong()).isPositive().isLessThan(2_677);
		countyPage.get("items").forEach(o -> assertThat(o.get("regionCode").asText()).startsWith("451022"));

		for (String who : List.of("tiandong-unit", "baise-unit")) {
			Api unit = new Api(port).as(who, DemoUsers.PASSWORD);
			JsonNode mine = unit.get("/api/v1/opinions?size=100").json();
			assertThat(mine.get("total").asLong()).as(who + " has opinions of the year to see at once").isPositive();
			String leadUnit = mine.get("items").get(0).get("leadUnitId").asText();
			mine.get("items").forEach(o -> assertThat(o.get("leadUnitId").asText()).as("only its own unit's").isEqualTo(leadUnit));
		}
		for (String who : List.of("tiandong-deputy", "baise-deputy", "tiandong-station", "baise-station", "tiandong-leader",
				"baise-leader", "tiandong-admin")) {
			assertThat(new Api(port).as(who, DemoUsers.PASSWORD).get("/api/v1/opinions?size=1").status()).as(who)
				.isIn(200, 403);
		}
		// The demo's users come with the demo only: the tests' own application, which starts without it, has none.
		Api.Response none = new Api(mainPort).post("/api/v1/auth/token",
				java.util.Map.of("username", "tiandong-assessor", "password", DemoUsers.PASSWORD));
		assertThat(none.status()).isEqualTo(401);
	}

	private JsonNode report(String region, int year) {
		Api.Response r = office.get("/api/v1/reports/annual?region=" + region + "&year=" + year);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
