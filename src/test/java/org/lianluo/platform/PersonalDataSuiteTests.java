package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 23.3: the suite of personal data is a setting, AES-256-GCM or SM4-GCM with HMAC-SM3; each cipher text names
 * its suite and key in its header, so that several keys can be held and one is current; values written before headers
 * are legacy AES-256-GCM under the set's legacy key (its first).
 */
class PersonalDataSuiteTests {

	/** The tests' key ({@code application-test.yml}), the one every existing value of the test database is under. */
	static final String K1 = "DfKOofZOZ2a1Ge/UjnICBGqyADTcD7InaKf6B8yLT8c=";

	static final String K2 = Base64.getEncoder().encodeToString("another key for the rotation!!!!".getBytes(StandardCharsets.US_ASCII));

	private static final UUID ROW = UUID.fromString("0190a4c2-0000-7000-8000-000000000001");

	@Test
	void sm4GcmIsTheModeOfRfc8998AndSm3IsGbT32905() {
		// RFC 8998, appendix A.1 (SM4-GCM test vector).
		HexFormat hex = HexFormat.of();
		byte[] key = hex.parseHex("0123456789abcdeffedcba9876543210");
		byte[] iv = hex.parseHex("00001234567800000000abcd");
		byte[] aad = hex.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
		byte[] plain = hex.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
				+ "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
		byte[] sealed = PiiSuite.SM4_GCM.seal(key, iv, aad, plain);
		assertThat(hex.formatHex(sealed)).isEqualTo("17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
				+ "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d" + "83de3541e4c2b58177e065a9bf7b62ec");
		assertThat(PiiSuite.SM4_GCM.open(key, iv, aad, sealed)).isEqualTo(plain);
		// GB/T 32905 example 1: SM3("abc"); HMAC-SM3 is RFC 2104 over it (a 64-byte block).
		SM3Digest sm3 = new SM3Digest();
		sm3.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
		byte[] digest = new byte[32];
		sm3.doFinal(digest, 0);
		assertThat(hex.formatHex(digest)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		assertThat(PiiSuite.SM4_GCM.mac("key".getBytes(StandardCharsets.US_ASCII), "abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(rfc2104Sm3("key".getBytes(StandardCharsets.US_ASCII), "abc".getBytes(StandardCharsets.US_ASCII)));
		// No provider was registered: the JDK's stay as they were.
		assertThat(Security.getProvider("BC")).isNull();
	}

	@Test
	void eachSuiteSealsUnderItsHeaderAndOpensWhatItSealed() {
		for (PiiSuite suite : PiiSuite.values()) {
			PersonalData pd = new PersonalData(PiiKeys.parse("k1=" + K1 + "\nk2=" + K2 + "\ncurrent=k2\n"), suite);
			String sealed = pd.encrypt("13812345678", "opinion", "submitter_phone_enc", ROW);
			assertThat(sealed).startsWith("v3:" + suite.code() + ":k2:").doesNotContain("13812345678");
			assertThat(pd.decrypt(sealed, "opinion", "submitter_phone_enc", ROW)).isEqualTo("13812345678");
			assertThat(pd.isCurrent(sealed)).isTrue();
			// Sealed to its place, and to its header: another key id or suite named in front does not open.
			assertThatThrownBy(() -> pd.decrypt(sealed, "opinion", "submitter_phone_enc", UUID.randomUUID()))
				.isInstanceOf(IllegalStateException.class);
			String relabelled = sealed.replace(":k2:", ":k1:");
			assertThatThrownBy(() -> pd.decrypt(relabelled, "opinion", "submitter_phone_enc", ROW)).isInstanceOf(IllegalStateException.class);
			for (String broken : List.of("v3:sm4::QUJD", "v3:xyz:k2:QUJD", "v3:aes:k9:QUJD", "v3:" + suite.code() + ":k2:QUJD", "v4:QUJD")) {
				assertThatThrownBy(() -> pd.decrypt(broken, "opinion", "submitter_phone_enc", ROW)).as(broken)
					.isInstanceOf(IllegalStateException.class);
			}
			String otherSuite = "v3:" + (suite == PiiSuite.SM4_GCM ? "aes" : "sm4") + sealed.substring(6);
			assertThatThrownBy(() -> pd.decrypt(otherSuite, "opinion", "submitter_phone_enc", ROW)).isInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void aValueUnderAnotherKeyOfTheSetOpensAndOneUnderAKeyNotInTheSetSaysWhich() {
		PersonalData old = new PersonalData(PiiKeys.one(PiiKeys.decodeKey(K1)), PiiSuite.AES_256_GCM);
		PersonalData rotated = new PersonalData(PiiKeys.parse("k1=" + K1 + "\nk2=" + K2 + "\ncurrent=k2\n"), PiiSuite.SM4_GCM);
		String underK1 = old.encrypt("黄大伟", "opinion", "submitter_name_enc", ROW);
		assertThat(underK1).startsWith("v3:aes:k1:");
		assertThat(rotated.decrypt(underK1, "opinion", "submitter_name_enc", ROW)).isEqualTo("黄大伟");
		assertThat(rotated.isCurrent(underK1)).isFalse();
		String underK2 = rotated.encrypt("黄大伟", "opinion", "submitter_name_enc", ROW);
		assertThatThrownBy(() -> old.decrypt(underK2, "opinion", "submitter_name_enc", ROW)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("'k2' is not in the key set");
	}

	@Test
	void legacyValuesAreAesUnderTheFirstKeyOfTheSet() throws Exception {
		// v2 (today's format before headers): AES-256-GCM, key derived by "encrypt" from the key, sealed to its place.
		String v2 = legacyV2(K1, "13900001111", "opinion/submitter_phone_enc/" + ROW);
		PersonalData rotated = new PersonalData(PiiKeys.parse("k1=" + K1 + "\nk2=" + K2 + "\ncurrent=k2\n"), PiiSuite.SM4_GCM);
		assertThat(rotated.decrypt(v2, "opinion", "submitter_phone_enc", ROW)).isEqualTo("13900001111");
		assertThat(rotated.isCurrent(v2)).isFalse();
		// legacy= names another key: then that one is tried, and k1's value does not open.
		PersonalData elsewhere = new PersonalData(PiiKeys.parse("k1=" + K1 + "\nk2=" + K2 + "\ncurrent=k1\nlegacy=k2\n"),
				PiiSuite.AES_256_GCM);
		assertThatThrownBy(() -> elsewhere.decrypt(v2, "opinion", "submitter_phone_enc", ROW)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void searchHashesAndRatingKeysUnderTodaysKeyAreUnchangedAndStillFoundAfterARotation() throws Exception {
		PersonalData today = new PersonalData(new MockEnvironment().withProperty("lianluo.pii-key", K1));
		// Today's search hash: HMAC-SHA256 under the key derived by "search-hash", of the trimmed upper-cased value.
		byte[] searchKey = hmac(Base64.getDecoder().decode(K1), "search-hash".getBytes(StandardCharsets.UTF_8));
		assertThat(today.searchHash(" 13812345678 "))
			.isEqualTo(HexFormat.of().formatHex(hmac(searchKey, "13812345678".getBytes(StandardCharsets.UTF_8))));

		PersonalData rotated = new PersonalData(PiiKeys.parse("k1=" + K1 + "\nk2=" + K2 + "\ncurrent=k2\n"), PiiSuite.SM4_GCM);
		assertThat(rotated.searchHash("13812345678")).isNotEqualTo(today.searchHash("13812345678")).hasSize(64);
		assertThat(rotated.searchHashes("13812345678")).startsWith(rotated.searchHash("13812345678"))
			.contains(today.searchHash("13812345678"))
			.hasSize(4);
		UUID opinion = UUID.randomUUID();
		assertThat(rotated.ratingKey(opinion)).isNotEqualTo(today.ratingKey(opinion));
		assertThat(rotated.isRatingKey(opinion, today.ratingKey(opinion))).isTrue();
		assertThat(rotated.isRatingKey(opinion, rotated.ratingKey(opinion))).isTrue();
		assertThat(rotated.isRatingKey(UUID.randomUUID(), today.ratingKey(opinion))).isFalse();
	}

	@Test
	void theKeyFileNamesItsKeysAndTheCurrentOne(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("keys");
		Files.writeString(file, "# Lianluo\nk1=" + K1 + "\nk2=" + K2 + "\ncurrent=k2\n");
		PersonalData pd = new PersonalData(new MockEnvironment().withProperty("lianluo.pii.key-file", file.toString())
			.withProperty("lianluo.pii-key", K1)
			.withProperty("lianluo.pii.suite", "SM4-GCM"));
		assertThat(pd.currentKeyId()).isEqualTo("k2");
		assertThat(pd.keyIds()).containsExactly("k1", "k2");
		assertThat(pd.currentHeader()).isEqualTo("v3:sm4:k2:");

		Files.writeString(file, "k1=" + K1 + "\nk2=" + K2 + "\n");
		assertThatThrownBy(() -> new PersonalData(new MockEnvironment().withProperty("lianluo.pii.key-file", file.toString())))
			.hasMessageContaining("current=");
		Files.writeString(file, "k2=" + K2 + "\n");
		assertThatThrownBy(() -> new PersonalData(new MockEnvironment().withProperty("lianluo.pii.key-file", file.toString())
			.withProperty("lianluo.pii-key", K1))).hasMessageContaining("LIANLUO_PII_KEY is set but is not one of the keys");
		assertThatThrownBy(() -> new PersonalData(new MockEnvironment().withProperty("lianluo.pii-key", K1)
			.withProperty("lianluo.pii.suite", "DES"))).hasMessageContaining("AES-256-GCM or SM4-GCM");
		// A one-line key file (data/pii.key as Lianluo writes it) is the key k1.
		Files.writeString(file, K1 + "\n");
		assertThat(new PersonalData(new MockEnvironment().withProperty("lianluo.pii.key-file", file.toString())).currentHeader())
			.isEqualTo("v3:aes:k1:");
	}

	static String legacyV2(String master, String plain, String place) throws Exception {
		byte[] key = hmac(Base64.getDecoder().decode(master), "encrypt".getBytes(StandardCharsets.UTF_8));
		byte[] iv = new byte[12];
		new SecureRandom().nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
		cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
		byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
		return "v2:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
	}

	private static byte[] hmac(byte[] key, byte[] data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	private static byte[] rfc2104Sm3(byte[] key, byte[] data) {
		byte[] k = Arrays.copyOf(key, 64);
		byte[] inner = new byte[64];
		byte[] outer = new byte[64];
		for (int i = 0; i < 64; i++) {
			inner[i] = (byte) (k[i] ^ 0x36);
			outer[i] = (byte) (k[i] ^ 0x5c);
		}
		return sm3(outer, sm3(inner, data));
	}

	private static byte[] sm3(byte[] a, byte[] b) {
		SM3Digest d = new SM3Digest();
		d.update(a, 0, a.length);
		d.update(b, 0, b.length);
		byte[] out = new byte[32];
		d.doFinal(out, 0);
		return out;
	}
}
