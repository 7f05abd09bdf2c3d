package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reference a command carries must lie inside the caller's scope and the record's (issue 18, point 2): a unit of
 * a sibling county never answers a county's opinion, whoever assigns it, and a county's staff cannot reach another
 * county's deputies. Each refusal is a 400 on that field and changes nothing.
 */
@LianluoTest
class ScopeReferenceTests {

	@LocalServerPort
	int port;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void aSiblingCountysUnitIsRefusedAsLeadOrAssistingUnitByTheCountyAndByTheCity() {
		Api admin = Staff.admin(port);
		String tiandongUnit = id(admin.post("/api/v1/units", Map.of("name", Staff.unique("田东县交通局"), "regionCode", "451022")));
		String jingxiUnit = id(admin.post("/api/v1/units", Map.of("name", Staff.unique("靖西市交通局"), "regionCode", "451081")));
		String cityUnit = id(admin.post("/api/v1/units", Map.of("name", Staff.unique("百色市交通局"), "regionCode", "451000")));
		Api county = Staff.user(port, "451022", "ASSESSOR");
		Api city = Staff.user(port, "451000", "ASSESSOR");

		for (Api assessor : List.of(county, city)) {
			String opinion = opinion("451022108");
			Api.Response lead = assessor.post("/api/v1/opinions/" + opinion + "/triage", Map.of("route", "ASSIGN", "leadUnitId", jingxiUnit));
			assertThat(lead.status()).as(lead.toString()).isEqualTo(400);
			assertThat(lead.body()).contains("leadUnitId");
			Api.Response assisting = assessor.post("/api/v1/opinions/" + opinion + "/triage",
					Map.of("route", "ASSIGN", "leadUnitId", tiandongUnit, "assistingUnitIds", List.of(jingxiUnit)));
			assertThat(assisting.status()).as(assisting.toString()).isEqualTo(400);
			assertThat(assisting.body()).contains("assistingUnitIds");
			assertThat(status(opinion)).isEqualTo("RECEIVED");
		}
		// The city's own unit answers a township's opinion when the city assigns it; the county does not see the city's units.
		Api.Response fromCity = city.post("/api/v1/opinions/" + opinion("451022108") + "/triage",
				Map.of("route", "ASSIGN", "leadUnitId", cityUnit));
		assertThat(fromCity.status()).as(fromCity.toString()).isEqualTo(200);
		Api.Response fromCounty = county.post("/api/v1/opinions/" + opinion("451022108") + "/triage",
				Map.of("route", "ASSIGN", "leadUnitId", cityUnit));
		assertThat(fromCounty.status()).as(fromCounty.toString()).isEqualTo(400);
	}

	@Test
	void aCountysAssessorCannotRecordAContactForAnotherCountysDeputy() {
		String member = deputy("451081", true);
		String tiandongDeputy = deputy("451022", false);
		String jingxiDeputy = deputy("451081", false);
		Api jingxi = Staff.user(port, "451081", "ASSESSOR");
		long before = contacts(member);

		Api.Response foreign = jingxi.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", tiandongDeputy,
				"at", "2025-04-01T10:00:00+08:00", "method", "PHONE"));
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
		assertThat(foreign.body()).contains("deputyId");
		assertThat(contacts(member)).isEqualTo(before);

		Api.Response own = jingxi.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", jingxiDeputy,
				"at", "2025-04-01T10:00:00+08:00", "method", "PHONE"));
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
	}

	private String opinion(String township) {
		Api.Response r = new Api(port).post("/api/v1/public/opinions", Map.of("content", Staff.unique("路面坑洼") + "，请尽快修补", "regionCode", township));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return JdbcClient.create(owner).sql("select id::text from opinion where tracking_code = ?")
			.param(r.json().get("trackingCode").asText())
			.query(String.class)
			.single();
	}

	private String status(String opinionId) {
		return JdbcClient.create(owner).sql("select status from opinion where id = ?::uuid").param(opinionId).query(String.class).single();
	}

	private long contacts(String member) {
		return JdbcClient.create(owner).sql("select count(*) from duty_contact where member_id = ?::uuid").param(member).query(Long.class).single();
	}

	private String deputy(String region, boolean committeeMember) {
		Map<String, Object> body = new HashMap<>(Map.of("name", Staff.unique("代表"), "gender", "MALE", "levels", List.of("COUNTY"),
				"regionCode", region));
		if (committeeMember) {
			body.put("committeeMember", true);
			body.put("committeePosition", "MEMBER");
		}
		return id(Staff.admin(port).post("/api/v1/deputies", body));
	}

	private static String id(Api.Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asText();
	}
}
