package org.lianluo.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
 * embedded mode a missing key is generated into the data directory, readable by its owner only, with a
 * loud warning.
 * <p>
 * Each value is sealed to its place: the associated data of the cipher is {@code table/column/rowId}, so a
 * cipher text copied to another row or column does not decrypt ({@code v2:}). Values written before that
 * ({@code v1:}, no associated data) are still read. Every use of the master key has its own key derived from
 * it with its own label ({@link Purpose}): encryption, the stored search hashes, the anti-abuse counters of
 * addresses and of phones, the signatures of challenges.
 */
@Component
public class PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

	private static final String LEGACY = "v1:";

	private static final String PREFIX = "v2:";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private final Map<Purpose, SecretKeySpec> hashKeys = new EnumMap<>(Purpose.class);

	/** What a keyed hash is for; each has its own key, derived from the master with its label. */
	public enum Purpose {

		/** The hash stored beside a phone or e-mail, to find a record by it. */
		SEARCH("search-hash"),
		/** Anti-abuse counters per client address. */
		GUARD_ADDRESS("guard-address"),
		/** Anti-abuse counters per phone. */
		GUARD_PHONE("guard-phone"),
		/** Signatures of the sums asked of the public. */
		CHALLENGE("challenge-signature");

		private final String label;

		Purpose(String label) {
			this.label = label;
		}
	}

	private final SecretKeySpec ratingKeyKey;

	PersonalData(Environment env) throws IOException, GeneralSecurityException {
		byte[] master = masterKey(env);
		this.ratingKeyKey = new SecretKeySpec(derive(master, "rating-key"), "HmacSHA256");
		this.key = new SecretKeySpec(derive(master, "encrypt"), "AES");
		for (Purpose purpose : Purpose.values()) {
			hashKeys.put(purpose, new SecretKeySpec(derive(master, purpose.label), "HmacSHA256"));
		}
	}

	/** Seals a value to its place: {@code table}, {@code column} and the row's id. */
	public String encrypt(String plain, String table, String column, UUID rowId) {
		if (plain == null || plain.isEmpty()) {
			return null;
		}
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			cipher.updateAAD(place(table, column, rowId));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	/**
	 * Opens a value read from {@code table.column} of the row {@code rowId}; fails when it was sealed to another
	 * place. A {@code v1:} value (written before values were sealed to their place) is opened without.
	 */
	public String decrypt(String stored, String table, String column, UUID rowId) {
		if (stored == null || stored.isEmpty()) {
			return null;
		}
		boolean legacy = stored.startsWith(LEGACY);
		if (!legacy && !stored.startsWith(PREFIX)) {
			throw new IllegalStateException("decryption failed: not a cipher text of Lianluo");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
			if (!legacy) {
				cipher.updateAAD(place(table, column, rowId));
			}
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("decryption failed: wrong LIANLUO_PII_KEY, or a value moved from its row?", ex);
		}
	}

	private static byte[] place(String table, String column, UUID rowId) {
		if (table == null || column == null || rowId == null) {
			throw new IllegalArgumentException("a sealed value needs its table, column and row");
		}
		return (table + "/" + column + "/" + rowId).getBytes(StandardCharsets.UTF_8);
	}

	/** A keyed hash of the normalised value, to find a record by a full phone or ID number. */
	public String searchHash(String plain) {
		if (plain == null || plain.isBlank()) {
			return null;
		}
		return hash(Purpose.SEARCH, plain.trim().toUpperCase());
	}

	/** A keyed hash of the value as given, with the key of its purpose. */
	public String hash(Purpose purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKeys.get(purpose));
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
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
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (writeOwnerOnly(file, Base64.getEncoder().encodeToString(fresh))) {
				log.warn("\n\n  LIANLUO_PII_KEY is not set: generated a key for personal data into {}.\n"
						+ "  Keep it with the data: without it, phones and ID numbers cannot be read. Set LIANLUO_PII_KEY in production.\n", file.toAbsolutePath());
			}
		}
		else {
			ownerOnly(file);
		}
		return decodeKey(Files.readString(file).trim());
	}

	/**
	 * Creates the key file readable and writable by its owner only from the start (never widened then narrowed);
	 * false when another process created it first.
	 */
	private static boolean writeOwnerOnly(Path file, String content) throws IOException {
		boolean posix = Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null;
		Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		try (SeekableByteChannel channel = posix
				? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
				: Files.newByteChannel(file, options)) {
			channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
	}

	/** A key file that others may read (an older version wrote it so) is narrowed to its owner, with a warning. */
	private static void ownerOnly(Path file) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		if (view == null) {
			return;
		}
		Set<PosixFilePermission> now = view.readAttributes().permissions();
		if (!OWNER_ONLY.containsAll(now)) {
			view.setPermissions(OWNER_ONLY);
			log.warn("The key file {} was readable by others ({}): narrowed to its owner (rw-------).", file.toAbsolutePath(),
					PosixFilePermissions.toString(now));
		}
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
