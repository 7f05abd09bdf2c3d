package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.ChildApplication;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import tools.jackson.databind.JsonNode;

/**
 * Issue 23.3 end to end, on Lianluo in JVMs of its own against databases of the test's PostgreSQL, through HTTP:
 * personal data sealed with AES-256-GCM under the key {@code k1}, read and found by phone; a backup; the key file
 * given a new current key {@code k2} and the suite SM4-GCM; a rotation started by the ADMIN, stopped after three
 * batches (the instance may run no more: {@code lianluo.pii.rotation.max-batches}) and the instance killed; a write
 * with the old key behind the rotation's cursor, as an instance not yet restarted would make; another start, which
 * goes on from the persisted cursor to the end: every value then under {@code v3:sm4:k2:}, every search hash HMAC-SM3
 * under k2, the values the first instance re-sealed untouched, the whole audited. Then the backup, restored as the
 * README says into a new database, reads with the key file of its day.
 */
@LianluoTest
class KeyRotationTests {

	private static final String K1 = PersonalDataSuiteTests.K1;

	private static final String K2 = PersonalDataSuiteTests.K2;

	/** The sealed columns of the schema, as {@code table.column}; the id column of each table. */
	private static final Map<String, String> SEALED = new LinkedHashMap<>();

	static {
		SEALED.put("deputy.phone_cipher", "id");
		SEALED.put("opinion.submitter_name_enc", "id");
		SEALED.put("opinion.submitter_phone_enc", "id");
		SEALED.put("consultation_comment.name_enc", "id");
		SEALED.put("consultation_comment.phone_enc", "id");
		SEALED.put("notification_delivery.recipient_enc", "id");
		SEALED.put("notification_preference.email_enc", "user_id");
		SEALED.put("notification_preference.phone_enc", "user_id");
	}

	JdbcClient owner;

	int pgPort;

	@Autowired
	void owner(@FlywayDataSource DataSource owner) {
		this.owner = JdbcClient.create(owner);
		this.pgPort = this.owner.sql("select inet_server_port()").query(Integer.class).single();
	}

	@Test
	void aRotationToSm4StoppedHalfWayGoesOnAfterARestartToTheEndAndAnOldBackupStillReads() throws Exception {
		Path dir = Files.createTempDirectory("lianluo-keys");
		Path keyFile = dir.resolve("pii.keys");
		Files.createFile(keyFile, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
				java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
		Files.writeString(keyFile, "# the key of before\nk1=" + K1 + "\n");
		String database = "rotation_" + UUID.randomUUID().toString().substring(0, 8);
		String restoredDb = "restored_" + UUID.randomUUID().toString().substring(0, 8);
		owner.sql("create database " + database).update();
		owner.sql("create database " + restoredDb).update();
		String url = "jdbc:postgresql://localhost:" + pgPort + "/" + database;
		JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
		Path backup = dir.resolve("backup.tar.gz");
		List<Process> apps = new ArrayList<>();
		try {
			// 1. AES-256-GCM under k1: written, read back, found by phone.
			int port = ChildApplication.freePort();
			apps.add(start(dir.resolve("a"), port, url, keyFile, "AES-256-GCM"));
			Api admin = Staff.admin(port);
			Map<String, String> phones = new LinkedHashMap<>();
			for (int i = 0; i < 6; i++) {
				String phone = "1390000" + (1000 + i);
				phones.put(submit(port, "轮换前的意见" + i + "：村道路灯不亮", phone), phone);
			}
			List<String> deputies = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				deputies.add(deputy(admin, "1370000" + (2000 + i)));
			}
			String firstOpinion = phones.keySet().iterator().next();
			assertThat(reveal(admin, firstOpinion)).isEqualTo(phones.get(firstOpinion));
			assertThat(admin.get("/api/v1/deputies?q=13700002001").json().get("total").asInt()).isEqualTo(1);
			assertThat(values(db)).isNotEmpty().allMatch(v -> v.startsWith("v3:aes:k1:"));
			PersonalData before = new PersonalData(PiiKeys.one(PiiKeys.decodeKey(K1)), PiiSuite.AES_256_GCM);
			assertThat(hash(db, "deputy", "phone_hash", deputies.get(1))).isEqualTo(before.searchHash("13700002001"));
			run(List.of("ops/backup.sh", backup.toString()), Map.of("PGPORT", String.valueOf(pgPort), "PGDATABASE", database));
			stop(apps.remove(0));

			// 2. A new current key and the SM4 suite; the rotation stopped after three batches of two rows.
			Files.writeString(keyFile, "k1=" + K1 + "\nk2=" + K2 + "\ncurrent=k2\n");
			PersonalData after = new PersonalData(PiiKeys.parse(Files.readString(keyFile)), PiiSuite.SM4_GCM);
			apps.add(start(dir.resolve("b"), port, url, keyFile, "SM4-GCM", "--lianluo.pii.rotation.batch-size=2",
					"--lianluo.pii.rotation.max-batches=3", "--lianluo.pii.rotation.interval=PT1S"));
			admin = Staff.admin(port);
			assertThat(reveal(admin, firstOpinion)).as("values under k1 still read").isEqualTo(phones.get(firstOpinion));
			assertThat(admin.get("/api/v1/deputies?q=13700002001").json().get("total").asInt()).as("found by its k1 hash").isEqualTo(1);
			Api.Response started = admin.post("/api/v1/admin/key-rotations", Map.of());
			assertThat(started.status()).as(started.toString()).isEqualTo(202);
			String rotation = started.json().get("id").asText();
			assertThat(started.json().get("keyId").asText()).isEqualTo("k2");
			assertThat(started.json().get("suite").asText()).isEqualTo("SM4-GCM");
			assertThat(admin.post("/api/v1/admin/key-rotations", Map.of()).status()).as("one at a time").isEqualTo(409);
			Api a = admin;
			waitFor(() -> a.get("/api/v1/admin/key-rotations/" + rotation).json(), r -> r.get("batches").asInt() == 3);
			Thread.sleep(3000);
			JsonNode halfway = admin.get("/api/v1/admin/key-rotations/" + rotation).json();
			assertThat(halfway.get("batches").asInt()).as("the instance ran its three batches and no more").isEqualTo(3);
			assertThat(halfway.get("status").asText()).isEqualTo("RUNNING");
			Map<String, String> resealed = current(db, "v3:sm4:k2:");
			assertThat(resealed).as("half done").isNotEmpty().hasSizeLessThan(values(db).size());
			// While it runs: a citizen's new opinion is sealed with k2 and SM4 at once and found by its SM4 hash ...
			String during = submit(port, "轮换中的意见：水管破了", "13900009999");
			assertThat(reveal(admin, during)).isEqualTo("13900009999");
			// ... and an instance not yet restarted writes a deputy's phone with k1 behind the cursor.
			String stale = resealed.keySet().stream().filter(k -> k.startsWith("deputy.phone_cipher ")).findFirst().orElseThrow();
			UUID staleId = UUID.fromString(stale.substring(stale.indexOf(' ') + 1));
			db.sql("update deputy set phone_cipher = ?, phone_hash = ? where id = ?")
				.params(before.encrypt("13700002222", "deputy", "phone_cipher", staleId), before.searchHash("13700002222"), staleId)
				.update();
			resealed.remove(stale);
			// The node dies (SIGKILL) with its rotation half done.
			Process killed = apps.remove(0);
			killed.destroyForcibly();
			assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(db.sql("select status || ' ' || batches from pii_rotation").query(String.class).single()).isEqualTo("RUNNING 3");

			// 3. Started again: the rotation goes on from its cursor to the end (once db-scheduler has given up on the dead
			// node's execution, if it died inside one: 4 heartbeats of 30 s).
			apps.add(start(dir.resolve("c"), port, url, keyFile, "SM4-GCM", "--lianluo.pii.rotation.batch-size=2",
					"--lianluo.pii.rotation.interval=PT1S"));
			Api c = Staff.admin(port);
			JsonNode done = waitFor(() -> c.get("/api/v1/admin/key-rotations/" + rotation).json(), r -> r.get("status").asText().equals("DONE"));
			assertThat(done.get("round").asInt()).as("the k1 write found by a later round").isGreaterThanOrEqualTo(2);
			assertThat(done.get("remaining").valueStream().mapToLong(JsonNode::asLong).sum()).isZero();
			assertThat(values(db)).allMatch(v -> v.startsWith("v3:sm4:k2:"));
			Map<String, String> now = current(db, "v3:sm4:k2:");
			resealed.forEach((k, v) -> assertThat(now.get(k)).as("%s re-sealed once, before the stop", k).isEqualTo(v));
			for (Map.Entry<String, String> o : phones.entrySet()) {
				assertThat(reveal(c, o.getKey())).isEqualTo(o.getValue());
			}
			assertThat(c.post("/api/v1/deputies/" + staleId + "/phone", Map.of()).json().get("phone").asText()).isEqualTo("13700002222");
			assertThat(c.get("/api/v1/deputies?q=13700002222").json().get("total").asInt()).isEqualTo(1);
			assertThat(hash(db, "deputy", "phone_hash", staleId.toString())).isEqualTo(after.searchHash("13700002222"));
			for (Map.Entry<String, String> o : phones.entrySet()) {
				assertThat(hash(db, "opinion", "submitter_phone_hash", o.getKey())).as("HMAC-SM3 under k2")
					.isEqualTo(after.searchHash(o.getValue())).isNotEqualTo(before.searchHash(o.getValue()));
			}
			assertThat(db.sql("select action || ' ' || coalesce(actor, '') from audit_log where action like 'KEY_ROTATION%' order by at")
				.query(String.class).list()).containsExactly("KEY_ROTATION_STARTED admin", "KEY_ROTATION_RESUMED system",
						"KEY_ROTATION_FINISHED system");
			String screen = Staff.screen(port, "admin", ChildApplication.ADMIN_PASSWORD, "/admin/keys");
			assertThat(screen).contains("个人信息密钥", "SM4-GCM", "k2", "已完成", "发起密钥轮换");
			stop(apps.remove(0));

			// 4. The backup of before the rotation, restored as the README says, reads with the key file of its day.
			Files.writeString(keyFile, "k1=" + K1 + "\n");
			String restoredUrl = "jdbc:postgresql://localhost:" + pgPort + "/" + restoredDb;
			stop(start(dir.resolve("d"), port, restoredUrl, keyFile, "AES-256-GCM"));
			run(List.of("ops/restore.sh", backup.toString()), Map.of("PGPORT", String.valueOf(pgPort), "PGDATABASE", restoredDb));
			apps.add(start(dir.resolve("e"), port, restoredUrl, keyFile, "AES-256-GCM"));
			Api e = Staff.admin(port);
			for (Map.Entry<String, String> o : phones.entrySet()) {
				assertThat(reveal(e, o.getKey())).isEqualTo(o.getValue());
			}
			assertThat(e.get("/api/v1/deputies?q=13700002001").json().get("total").asInt()).isEqualTo(1);
		}
		finally {
			for (Process p : apps) {
				p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			owner.sql("drop database if exists " + database + " with (force)").update();
			owner.sql("drop database if exists " + restoredDb + " with (force)").update();
		}
	}

	private static Process start(Path dataDir, int port, String url, Path keyFile, String suite, String... more) throws Exception {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--lianluo.pii.key-file=" + keyFile, "--lianluo.pii.suite=" + suite));
		args.addAll(List.of(more));
		return ChildApplication.start(dataDir, port, args);
	}

	private static void stop(Process app) throws InterruptedException {
		app.destroy();
		assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

	/** A citizen's opinion with a name and phone; its id. */
	private static String submit(int port, String content, String phone) {
		Api.Response r = new Api(port).post("/api/v1/public/opinions", Map.of("content", content, "regionCode", "451022108",
				"name", "黄大伟", "phone", phone));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		String code = r.json().get("trackingCode").asText();
		return Staff.admin(port).get("/api/v1/opinions?q=" + code).json().get("items").get(0).get("id").asText();
	}

	private static String deputy(Api admin, String phone) {
		return Staff.id(admin.post("/api/v1/deputies", Map.of("name", Staff.unique("韦代表"), "gender", "FEMALE", "levels",
				List.of("COUNTY"), "regionCode", "451022", "phone", phone))).toString();
	}

	/** The full phone of an opinion, as the office's assessor reveals it (audited). */
	private static String reveal(Api admin, String opinionId) {
		Api staff = assessors.computeIfAbsent(admin.token(), t -> assessor(admin));
		Api.Response r = staff.post("/api/v1/opinions/" + opinionId + "/reveal", Map.of());
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json().get("phone").asText();
	}

	private static final Map<String, Api> assessors = new java.util.concurrent.ConcurrentHashMap<>();

	private static Api assessor(Api admin) {
		String name = Staff.unique("assessor");
		Api.Response r = admin.post("/api/v1/users", Map.of("username", name, "displayName", "测试", "password", "password-123",
				"roles", List.of("ASSESSOR"), "regionCode", "451000"));
		if (r.status() == 409 || r.status() == 422) {
			throw new AssertionError(r.toString());
		}
		return new Api(Integer.parseInt(admin.base().replaceAll(".*:", ""))).as(name, "password-123");
	}

	private static String hash(JdbcClient db, String table, String column, String id) {
		return db.sql("select " + column + " from " + table + " where id = ?").param(UUID.fromString(id)).query(String.class).single();
	}

	/** Every sealed value of the database. */
	private static List<String> values(JdbcClient db) {
		List<String> values = new ArrayList<>();
		SEALED.forEach((column, id) -> {
			String[] tc = column.split("\\.");
			values.addAll(db.sql("select " + tc[1] + " from " + tc[0] + " where " + tc[1] + " is not null").query(String.class).list());
		});
		return values;
	}

	/** The sealed values under this header, by {@code table.column id}. */
	private static Map<String, String> current(JdbcClient db, String header) {
		Map<String, String> values = new LinkedHashMap<>();
		SEALED.forEach((column, id) -> {
			String[] tc = column.split("\\.");
			db.sql("select " + id + ", " + tc[1] + " from " + tc[0] + " where starts_with(" + tc[1] + ", ?)").param(header)
				.query((rs, n) -> values.put(column + " " + rs.getString(1), rs.getString(2)))
				.list();
		});
		return values;
	}

	private static JsonNode waitFor(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> until) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		JsonNode last = null;
		while (System.nanoTime() < deadline) {
			last = read.get();
			if (until.test(last)) {
				return last;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("not reached within 5 minutes: " + last);
	}

	private static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
		ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
		b.environment().putAll(env);
		b.environment().put("PGHOST", "localhost");
		b.environment().put("PGUSER", "postgres");
		Process p = b.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(p.exitValue()).as(command + ": " + output).isZero();
	}
}
