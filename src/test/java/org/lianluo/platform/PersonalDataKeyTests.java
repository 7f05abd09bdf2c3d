package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 18, point 9: the generated key file is its owner's only; each cipher text is bound to its table, column and
 * row, so that one copied elsewhere does not open (values written before still do); and the hashes of the anti-abuse
 * counters and the challenges' signatures have keys of their own, apart from the stored search hashes.
 */
@LianluoTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataKeyTests {

	private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'Q');

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void theGeneratedKeyFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
		new PersonalData(new MockEnvironment().withProperty("lianluo.data-dir", dir.toString()));
		Path file = dir.resolve("pii.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
	}

	@Test
	void aKeyFileOthersCanReadIsNarrowedToItsOwnerWithAWarning(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path file = dir.resolve("pii.key");
		Files.writeString(file, MASTER);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		PersonalData opened = new PersonalData(new MockEnvironment().withProperty("lianluo.data-dir", dir.toString()));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(output.getAll()).contains("pii.key", "rw-r--r--");
		assertThat(Files.readString(file)).as("the key itself is kept").isEqualTo(MASTER);
		UUID row = UUID.randomUUID();
		assertThat(opened.decrypt(opened.encrypt("13800001111", "opinion", "submitter_phone_enc", row), "opinion",
				"submitter_phone_enc", row)).isEqualTo("13800001111");
	}

	@Test
	void aValueCopiedToAnotherRowColumnOrTableDoesNotDecrypt() {
		UUID row = UUID.randomUUID();
		String sealed = personalData.encrypt("13812340000", "opinion", "submitter_phone_enc", row);
		assertThat(sealed).startsWith("v3:aes:k1:").doesNotContain("13812340000");
		assertThat(personalData.decrypt(sealed, "opinion", "submitter_phone_enc", row)).isEqualTo("13812340000");
		assertThatThrownBy(() -> personalData.decrypt(sealed, "opinion", "submitter_phone_enc", UUID.randomUUID()))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> personalData.decrypt(sealed, "opinion", "submitter_name_enc", row))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> personalData.decrypt(sealed, "consultation_comment", "submitter_phone_enc", row))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aCitizensPhoneMovedToAnotherOpinionInTheDatabaseDoesNotOpenThere() throws Exception {
		String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		UUID first = submit("小区门口的路灯坏了很久了", phone);
		UUID second = submit("村里的道路需要硬化一下", null);
		jdbc.sql("update opinion set submitter_phone_enc = (select submitter_phone_enc from opinion where id = ?) where id = ?")
			.params(first, second)
			.update();
		String moved = jdbc.sql("select submitter_phone_enc from opinion where id = ?").param(second).query(String.class).single();
		assertThat(personalData.decrypt(moved, "opinion", "submitter_phone_enc", first)).isEqualTo(phone);
		assertThatThrownBy(() -> personalData.decrypt(moved, "opinion", "submitter_phone_enc", second))
			.isInstanceOf(IllegalStateException.class);
		jdbc.sql("update opinion set submitter_phone_enc = null where id = ?").param(second).update();
	}

	@Test
	void valuesWrittenBeforeTheyWereBoundToTheirPlaceAreStillRead() throws Exception {
		PersonalData keyed = new PersonalData(new MockEnvironment().withProperty("lianluo.pii-key", MASTER));
		// The format of v1: AES-256-GCM with the key derived by the label "encrypt", no associated data.
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(MASTER), "HmacSHA256"));
		byte[] iv = new byte[12];
		new SecureRandom().nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(mac.doFinal("encrypt".getBytes(StandardCharsets.UTF_8)), "AES"),
				new GCMParameterSpec(128, iv));
		byte[] sealed = cipher.doFinal("农美兰".getBytes(StandardCharsets.UTF_8));
		String v1 = "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
		assertThat(keyed.decrypt(v1, "opinion", "submitter_name_enc", UUID.randomUUID())).isEqualTo("农美兰");
	}

	@Test
	void countersAndChallengesHashWithKeysOfTheirOwn() throws Exception {
		String value = "13812345678";
		Set<String> hashes = Set.of(personalData.searchHash(value),
				personalData.hash(PersonalData.Purpose.GUARD_ADDRESS, value),
				personalData.hash(PersonalData.Purpose.GUARD_PHONE, value),
				personalData.hash(PersonalData.Purpose.CHALLENGE, value));
		assertThat(hashes).hasSize(4);

		// A citizen's submission over HTTP: the counter of the phone cannot be joined to the opinion's stored hash.
		String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/public/opinions"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"屯里的自来水浑浊好几天了\",\"regionCode\":\"451022\",\"phone\":\""
					+ phone + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		String stored = jdbc.sql("select submitter_phone_hash from opinion where submitter_phone_hash = ?")
			.param(personalData.searchHash(phone)).query(String.class).single();
		List<String> keys = jdbc.sql("select key from submission_counter").query(String.class).list();
		assertThat(keys).contains("p:" + personalData.hash(PersonalData.Purpose.GUARD_PHONE, phone),
				"a:" + personalData.hash(PersonalData.Purpose.GUARD_ADDRESS, address));
		assertThat(keys).noneMatch(k -> k.endsWith(stored)).noneMatch(k -> k.endsWith(personalData.searchHash(address)));
	}

	private UUID submit(String content, String phone) throws Exception {
		String body = "{\"content\":\"" + content + "\",\"regionCode\":\"451022\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
				+ "}";
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/public/opinions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		String code = r.body().replaceAll(".*\"trackingCode\":\"([^\"]+)\".*", "$1");
		return jdbc.sql("select id from opinion where tracking_code = ?").param(code).query(UUID.class).single();
	}
}
