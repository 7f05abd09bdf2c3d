package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Issue 23.3 on the test's own application: every column of the schema that holds sealed personal data is declared to
 * the key rotation by its module; only an ADMIN of the whole installation starts a rotation; and a rotation to the key
 * and suite already current re-seals what is not under them (here a value of the format before headers) and nothing
 * else, audited.
 */
@LianluoTest
class SealedDataTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<SealedTable> sealed;

	@Autowired
	PersonalData personalData;

	@Test
	void everySealedColumnOfTheSchemaIsDeclaredToTheRotation() {
		Set<String> declared = new TreeSet<>();
		for (SealedTable t : sealed) {
			for (SealedTable.Column c : t.columns()) {
				declared.add(t.table() + "." + c.name());
				assertThat(column(t.table(), t.idColumn())).as(t.table() + "." + t.idColumn()).isEqualTo("uuid");
				if (c.hashColumn() != null) {
					assertThat(column(t.table(), c.hashColumn())).as(t.table() + "." + c.hashColumn()).isNotNull();
				}
			}
		}
		Set<String> schema = new TreeSet<>(jdbc.sql("""
				select table_name || '.' || column_name from information_schema.columns
				where table_schema = current_schema() and (column_name like '%\\_enc' or column_name like '%\\_cipher')""")
			.query(String.class).list());
		assertThat(declared).isEqualTo(schema);
	}

	@Test
	void onlyAnAdministratorOfTheWholeInstallationStartsOrFollowsARotation() {
		Api county = Staff.user(port, "451022", "ADMIN");
		Api assessor = Staff.user(port, "451000", "ASSESSOR");
		for (Api.Response r : List.of(county.post("/api/v1/admin/key-rotations", Map.of()), county.get("/api/v1/admin/key-rotations"),
				assessor.post("/api/v1/admin/key-rotations", Map.of()), assessor.get("/api/v1/admin/key-rotations"))) {
			assertThat(r.status()).as(r.toString()).isEqualTo(403);
		}
		assertThat(new Api(port).post("/api/v1/admin/key-rotations", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void aRotationToTheCurrentKeyReSealsALegacyValueAndNothingElse() throws Exception {
		Api citizen = new Api(port);
		Api.Response r = citizen.post("/api/v1/public/opinions", Map.of("content", "旧格式的电话：村口路灯坏了", "regionCode",
				"451022108", "phone", "13911112222"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		UUID id = jdbc.sql("select id from opinion where tracking_code = ?").param(r.json().get("trackingCode").asText())
			.query(UUID.class).single();
		String legacy = PersonalDataSuiteTests.legacyV2(PersonalDataSuiteTests.K1, "13911112222", "opinion/submitter_phone_enc/" + id);
		jdbc.sql("update opinion set submitter_phone_enc = ? where id = ?").params(legacy, id).update();
		String other = jdbc.sql("select submitter_name_enc from opinion where submitter_name_enc is not null limit 1").query(String.class)
			.optional().orElse(null);

		Api admin = Staff.admin(port);
		JsonNode keys = admin.get("/api/v1/admin/key-rotations").json();
		assertThat(keys.get("keyId").asText()).isEqualTo("k1");
		assertThat(keys.get("suite").asText()).isEqualTo("AES-256-GCM");
		assertThat(keys.get("remaining").get("opinion").asLong()).isPositive();
		Api.Response started = admin.post("/api/v1/admin/key-rotations", Map.of());
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String rotation = started.json().get("id").asText();
		long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		JsonNode done = admin.get("/api/v1/admin/key-rotations/" + rotation).json();
		while (!done.get("status").asText().equals("DONE") && System.nanoTime() < until) {
			Thread.sleep(500);
			done = admin.get("/api/v1/admin/key-rotations/" + rotation).json();
		}
		assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
		assertThat(done.get("remaining").valueStream().mapToLong(JsonNode::asLong).sum()).isZero();

		String now = jdbc.sql("select submitter_phone_enc from opinion where id = ?").param(id).query(String.class).single();
		assertThat(now).startsWith("v3:aes:k1:");
		assertThat(personalData.decrypt(now, "opinion", "submitter_phone_enc", id)).isEqualTo("13911112222");
		if (other != null) {
			assertThat(jdbc.sql("select count(*) from opinion where submitter_name_enc = ?").param(other).query(Long.class).single())
				.as("a value already current is left as it was").isEqualTo(1);
		}
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'KEY_ROTATION_FINISHED' and target = ?")
			.param("pii_rotation " + rotation).query(Long.class).single()).isEqualTo(1);
	}

	private String column(String table, String column) {
		return jdbc.sql("select data_type from information_schema.columns where table_schema = current_schema() and table_name = ? "
				+ "and column_name = ?").params(table, column).query(String.class).optional().orElse(null);
	}
}
