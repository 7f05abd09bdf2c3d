package org.lianluo.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest: AES-256-GCM with the key from {@code LIANLUO_PII_KEY} (base64 of 32 bytes),
 * and a keyed hash beside each cipher text so that a full phone number can still be searched for. In
 * embedded mode a missing key is generated into the data directory, with a loud warning.
 */
@Component
public class PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

	private static final String PREFIX = "v1:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private final SecretKeySpec hashKey;

	private final SecretKeySpec ratingKeyKey;

	PersonalData(Environment env) throws IOException, GeneralSecurityException {
		byte[] master = masterKey(env);
		this.ratingKeyKey = new SecretKeySpec(derive(master, "rating-key"), "HmacSHA256");
		this.key = new SecretKeySpec(derive(master, "encrypt"), "AES");
		this.hashKey = new SecretKeySpec(derive(master, "search-hash"), "HmacSHA256");
	}

	public String encrypt(String plain) {
		if (plain == null || plain.isEmpty()) {
			return null;
		}
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(String stored) {
		if (stored == null || stored.isEmpty()) {
			return null;
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("decryption failed: wrong LIANLUO_PII_KEY?", ex);
		}
	}

	/** A keyed hash of the normalised value, to find a record by a full phone or ID number. */
	public String searchHash(String plain) {
		if (plain == null || plain.isBlank()) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return HexFormat.of().formatHex(mac.doFinal(plain.trim().toUpperCase().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The rating key (评价码) of a record: 20 characters of Crockford's base-32 (100 bits) of an HMAC of its id under
	 * a key of its own. Derived, never stored: whoever holds the master key can give it again (the feedback SMS), a
	 * database dump reveals none.
	 */
	public String ratingKey(java.util.UUID id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(ratingKeyKey);
			byte[] digest = mac.doFinal(id.toString().getBytes(StandardCharsets.UTF_8));
			char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
			StringBuilder key = new StringBuilder(20);
			for (int i = 0; i < 20; i++) {
				int bit = i * 5;
				int value = ((digest[bit / 8] & 0xFF) << 8 | (digest[bit / 8 + 1] & 0xFF)) >> (11 - bit % 8) & 0x1F;
				key.append(alphabet[value]);
			}
			return key.toString();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** 13812341234 → 138****1234; an ID number keeps its first 3 and last 4 characters. */
	public static String mask(String plain) {
		if (plain == null || plain.isEmpty()) {
			return null;
		}
		if (plain.length() <= 7) {
			return "*".repeat(plain.length());
		}
		int tail = 4;
		int head = 3;
		return plain.substring(0, head) + "*".repeat(plain.length() - head - tail) + plain.substring(plain.length() - tail);
	}

	/** A mainland mobile number: 11 digits starting 13–19. */
	public static boolean isMobile(String phone) {
		return phone != null && phone.matches("1[3-9]\\d{9}");
	}

	private static byte[] masterKey(Environment env) throws IOException {
		String configured = env.getProperty("LIANLUO_PII_KEY", env.getProperty("lianluo.pii-key"));
		if (configured != null && !configured.isBlank()) {
			return decodeKey(configured.trim());
		}
		if (env.getProperty("spring.datasource.url") != null) {
			throw new IllegalStateException("LIANLUO_PII_KEY must be set (base64 of 32 random bytes) with an external database");
		}
		Path file = Path.of(env.getProperty("lianluo.data-dir", "./data")).resolve("pii.key");
		if (!Files.exists(file)) {
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
			log.warn("\n\n  LIANLUO_PII_KEY is not set: generated a key for personal data into {}.\n"
					+ "  Keep it with the data: without it, phones and ID numbers cannot be read. Set LIANLUO_PII_KEY in production.\n", file.toAbsolutePath());
		}
		return decodeKey(Files.readString(file).trim());
	}

	private static byte[] decodeKey(String base64) {
		byte[] bytes = Base64.getDecoder().decode(base64);
		if (bytes.length != 32) {
			throw new IllegalStateException("LIANLUO_PII_KEY must be base64 of exactly 32 bytes");
		}
		return bytes;
	}

	private static byte[] derive(byte[] master, String purpose) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(master, "HmacSHA256"));
		return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
	}
}
