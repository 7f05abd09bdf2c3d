package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.ChildApplication;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.platform.PersonalData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * ops/backup.sh against the running application's database, ops/restore.sh into a new empty database
 * that Lianluo's migrations have prepared, and everything is there: every table's rows, an attachment's
 * bytes, and a citizen's phone that the application's key still decrypts.
 */
@LianluoTest
class BackupRestoreTests {

	@LocalServerPort
	int port;

	/** The tables' owner, as the backup script signs in: it creates databases, and sees every region's rows. */
	JdbcClient jdbc;

	@Autowired
	void owner(@FlywayDataSource DataSource owner) {
		this.jdbc = JdbcClient.create(owner);
	}

	@Autowired
	PersonalData personalData;

	@Test
	void aBackupRestoresIntoAnEmptyDatabaseWithEverything() throws Exception {
		Api citizen = new Api(port);
		Api.Response r = citizen.post("/api/v1/public/opinions", Map.of("content", "备份恢复测试：村道路灯不亮，请维修。", "regionCode",
				World.TOWNSHIP, "name", "黄大伟", "phone", "13812345678"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		String code = r.json().get("trackingCode").asText();
		Api assessor = Staff.user(port, "451000", "ASSESSOR");
		String opinionId = assessor.get("/api/v1/opinions?q=" + code).json().get("items").get(0).get("id").asText();
		byte[] png = Png.TINY;
		String attachmentId = Staff.upload(assessor, "/api/v1/opinions/" + opinionId + "/attachments", "现场.png", png).json()
			.get("id").asText();

		int pgPort = jdbc.sql("select inet_server_port()").query(Integer.class).single();
		Map<String, Long> before = quietCounts(jdbc);
		Path file = Files.createTempFile("lianluo-backup", ".tar.gz");
		run(List.of("ops/backup.sh", file.toString()), Map.of("PGPORT", String.valueOf(pgPort), "PGDATABASE", "postgres"));
		assertThat(Files.size(file)).isPositive();

		String database = "restore_" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("create database " + database).update();
		try {
			String url = "jdbc:postgresql://localhost:" + pgPort + "/" + database;
			// README: start the same Lianluo once against the new database, stop it, run ops/restore.sh. That start
			// migrates, creates the first administrator and writes it into the append-only audit log.
			startOnceAndStop(url);
			assertThat(JdbcClient.create(new DriverManagerDataSource(url, "postgres", "")).sql("select count(*) from audit_log")
				.query(Long.class).single()).isPositive();
			Map<String, String> target = Map.of("PGPORT", String.valueOf(pgPort), "PGDATABASE", database);
			run(List.of("ops/restore.sh", file.toString()), target);

			DriverManagerDataSource restoredSource = new DriverManagerDataSource(url, "postgres", "");
			JdbcClient restored = JdbcClient.create(restoredSource);
			assertThat(counts(restored)).isEqualTo(before);
			// The opinion loop's monthly sums are not in the backup: the restored opinions made them again, once.
			assertThat(rollup(restored)).isNotEmpty().isEqualTo(rollup(jdbc));
			assertThat(restored.sql("select data from attachment where id = ?").param(UUID.fromString(attachmentId))
				.query(byte[].class).single()).isEqualTo(png);
			String phone = restored.sql("select submitter_phone_enc from opinion where tracking_code = ?").param(code)
				.query(String.class).single();
			assertThat(phone).doesNotContain("13812345678");
			assertThat(personalData.decrypt(phone, "opinion", "submitter_phone_enc", UUID.fromString(opinionId))).isEqualTo("13812345678");

			// A database that holds records is never overwritten: a second restore into it refuses and changes nothing.
			Process again = process(List.of("ops/restore.sh", file.toString()), target);
			String output = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(again.waitFor()).as(output).isEqualTo(4);
			assertThat(output).contains("already holds records");
			assertThat(counts(restored)).isEqualTo(before);
		}
		finally {
			jdbc.sql("drop database " + database + " with (force)").update();
			Files.deleteIfExists(file);
		}
	}

	@Test
	void aRestoreIntoADatabaseOfAnotherSchemaVersionRefusesAndChangesNothing() throws Exception {
		int pgPort = jdbc.sql("select inet_server_port()").query(Integer.class).single();
		Path file = Files.createTempFile("lianluo-backup", ".tar.gz");
		String database = "restore_" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("create database " + database).update();
		try {
			run(List.of("ops/backup.sh", file.toString()), Map.of("PGPORT", String.valueOf(pgPort), "PGDATABASE", "postgres"));
			Process p = process(List.of("ops/restore.sh", file.toString()), Map.of("PGPORT", String.valueOf(pgPort), "PGDATABASE", database));
			String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(p.waitFor()).as(output).isEqualTo(3);
			assertThat(output).contains("start the matching Lianluo once against it first");
		}
		finally {
			jdbc.sql("drop database " + database + " with (force)").update();
			Files.deleteIfExists(file);
		}
	}

	/** Lianluo in a JVM of its own against {@code url}, started until healthy and stopped as an operator would. */
	private static void startOnceAndStop(String url) throws Exception {
		Path dataDir = Files.createTempDirectory("lianluo-restore-start");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process app = ChildApplication.start(dataDir, port, List.of("--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--spring.datasource.password="));
		app.destroy();
		assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

	/** Row counts once the application has stopped writing in the background (listeners after a commit). */
	private static Map<String, Long> quietCounts(JdbcClient jdbc) throws InterruptedException {
		Map<String, Long> last = counts(jdbc);
		for (int i = 0; i < 50; i++) {
			Thread.sleep(200);
			Map<String, Long> now = counts(jdbc);
			if (now.equals(last)) {
				return now;
			}
			last = now;
		}
		return last;
	}

	static Map<String, Long> counts(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = current_schema() "
				+ "and tablename <> 'flyway_schema_history' and coalesce(obj_description(format('%I.%I', schemaname, "
				+ "tablename)::regclass, 'pg_class'), '') not like 'Derived%' order by 1").query(String.class).list();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String t : tables) {
			counts.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
		}
		return counts;
	}

	/** The opinion module's monthly sums, folded or not, as text lines. */
	static List<String> rollup(JdbcClient jdbc) {
		return jdbc.sql("""
				select concat_ws(' ', dimension, region_code, month, key, sum(received), sum(assigned), sum(settled),
				  sum(on_time), sum(rated), sum(satisfied), sum(replied), sum(resolved), sum(implemented), sum(closed),
				  sum(closed_timed), round(sum(closed_days), 6), sum(closed_resolved))
				from (select * from opinion_rollup union all select * from opinion_rollup_delta) r
				group by dimension, region_code, month, key having sum(received) <> 0 or sum(settled) <> 0 order by 1""")
			.query(String.class)
			.list();
	}

	private static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
		Process p = process(command, env);
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(p.exitValue()).as(command + ": " + output).isZero();
	}

	private static Process process(List<String> command, Map<String, String> env) throws IOException {
		ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
		b.environment().putAll(env);
		b.environment().put("PGHOST", "localhost");
		b.environment().put("PGUSER", "postgres");
		return b.start();
	}
}
