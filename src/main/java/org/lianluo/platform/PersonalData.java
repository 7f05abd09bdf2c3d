package org.lianluo.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest: each value sealed with the suite of {@code lianluo.pii.suite} ({@link PiiSuite}: AES-256-GCM,
 * the default, or SM4-GCM with HMAC-SM3) under the current key of the key set ({@link PiiKeys}: {@code LIANLUO_PII_KEY},
 * or several keys with ids in {@code LIANLUO_PII_KEY_FILE}), and a keyed hash beside each cipher text so that a full
 * phone number can still be searched for. In embedded mode a missing key is generated into the data directory,
 * readable by its owner only, with a loud warning.
 * <p>
 * A cipher text names its suite and key in a header, {@code v3:<suite>:<key id>:} then base64 of nonce and sealed
 * bytes, so keys can rotate ({@code KeyRotation} re-seals everything to the current key and suite). Each value is
 * sealed to its place: the associated data is the header and {@code table/column/rowId}, so a cipher text copied to
 * another row or column, or given another header, does not open. Values written before headers are read as
 * <em>legacy AES-256-GCM under the key set's legacy key</em> (its first key, or {@code legacy=}; with
 * {@code LIANLUO_PII_KEY} alone, that key): {@code v2:} sealed to its place, {@code v1:} without.
 * <p>
 * Every use of a master key has its own key derived from it with its own label ({@link Purpose}), by the suite's keyed
 * hash: encryption, the stored search hashes, the anti-abuse counters of addresses and of phones, the signatures of
 * challenges, the rating keys. New hashes use the current key and suite; a stored search hash is recomputed with its
 * value when the value is re-sealed, and a search looks for the hashes under every key and suite of the set.
 */
@Component
public class PersonalData {

	private static final String V1 = "v1:";

	private static final String V2 = "v2:";

	private static final String V3 = "v3:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String RATING = "rating-key";

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

	/** The working keys of one master key under one suite. */
	private record Working(String keyId, PiiSuite suite, byte[] data, Map<Purpose, byte[]> hashes, byte[] rating) {

		static Working of(String keyId, byte[] master, PiiSuite suite) {
			Map<Purpose, byte[]> hashes = new EnumMap<>(Purpose.class);
			for (Purpose p : Purpose.values()) {
				hashes.put(p, suite.derive(master, p.label));
			}
			return new Working(keyId, suite, suite.dataKey(master), hashes, suite.derive(master, RATING));
		}

		String header() {
			return V3 + suite.code + ":" + keyId + ":";
		}
	}

	private final PiiKeys keys;

	private final PiiSuite suite;

	private final Working current;

	/** Every key of the set under every suite, the current first: what a stored value or hash may be under. */
	private final List<Working> all = new ArrayList<>();

	private final Map<String, Working> byHeader = new HashMap<>();

	/** From the settings: the key set and {@code lianluo.pii.suite} (public for the benchmark, which has no context). */
	@Autowired
	public PersonalData(Environment env) throws IOException, GeneralSecurityException {
		this(PiiKeys.from(env, RANDOM), PiiSuite.parse(env.getProperty("lianluo.pii.suite", "AES-256-GCM")));
	}

	PersonalData(PiiKeys keys, PiiSuite suite) {
		this.keys = keys;
		this.suite = suite;
		this.current = Working.of(keys.current(), keys.key(keys.current()), suite);
		all.add(current);
		for (String id : keys.ids()) {
			for (PiiSuite s : PiiSuite.values()) {
				Working w = id.equals(current.keyId) && s == suite ? current : Working.of(id, keys.key(id), s);
				if (w != current) {
					all.add(w);
				}
				byHeader.put(w.header(), w);
			}
		}
	}

	/** The id of the key new values are sealed with. */
	public String currentKeyId() {
		return current.keyId;
	}

	public PiiSuite suite() {
		return suite;
	}

	/** The ids of the key set, in the file's order. */
	public List<String> keyIds() {
		return keys.ids();
	}

	/** What every value sealed now starts with, e.g. {@code v3:sm4:k2:}: a value without it is due for re-sealing. */
	public String currentHeader() {
		return current.header();
	}

	/** Seals a value to its place: {@code table}, {@code column} and the row's id, with the current key and suite. */
	public String encrypt(String plain, String table, String column, UUID rowId) {
		if (plain == null || plain.isEmpty()) {
			return null;
		}
		byte[] iv = new byte[12];
		RANDOM.nextBytes(iv);
		String header = current.header();
		byte[] sealed = suite.seal(current.data, iv, aad(header, table, column, rowId), plain.getBytes(StandardCharsets.UTF_8));
		return header + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
	}

	/**
	 * Opens a value read from {@code table.column} of the row {@code rowId} with the key and suite its header names;
	 * fails when it was sealed to another place or its key is not in the set. A value without a header ({@code v2:},
	 * or {@code v1:} written before values were sealed to their place) is legacy AES-256-GCM under the legacy key.
	 */
	public String decrypt(String stored, String table, String column, UUID rowId) {
		if (stored == null || stored.isEmpty()) {
			return null;
		}
		String header;
		Working w;
		byte[] aad;
		if (stored.startsWith(V3)) {
			int end = stored.indexOf(':', stored.indexOf(':', V3.length()) + 1);
			if (end < 0) {
				throw new IllegalStateException("decryption failed: not a cipher text of Lianluo");
			}
			header = stored.substring(0, end + 1);
			w = byHeader.get(header);
			if (w == null) {
				String[] parts = header.split(":");
				if (parts.length == 3) {
					PiiSuite.ofCode(parts[1]);
					keys.key(parts[2]);
				}
				throw new IllegalStateException("decryption failed: not a cipher text of Lianluo");
			}
			aad = aad(header, table, column, rowId);
		}
		else if (stored.startsWith(V2) || stored.startsWith(V1)) {
			header = stored.substring(0, V2.length());
			w = byHeader.get(V3 + PiiSuite.AES_256_GCM.code + ":" + keys.legacy() + ":");
			aad = stored.startsWith(V2) ? place(table, column, rowId) : null;
		}
		else {
			throw new IllegalStateException("decryption failed: not a cipher text of Lianluo");
		}
		byte[] all;
		try {
			all = Base64.getDecoder().decode(stored.substring(header.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("decryption failed: not a cipher text of Lianluo", ex);
		}
		if (all.length < 12 + 16) {
			throw new IllegalStateException("decryption failed: not a cipher text of Lianluo");
		}
		byte[] iv = java.util.Arrays.copyOf(all, 12);
		byte[] sealed = java.util.Arrays.copyOfRange(all, 12, all.length);
		return new String(w.suite.open(w.data, iv, aad, sealed), StandardCharsets.UTF_8);
	}

	/** Whether a stored value is sealed with the current key and suite (null is: there is nothing to re-seal). */
	public boolean isCurrent(String stored) {
		return stored == null || stored.isEmpty() || stored.startsWith(current.header());
	}

	private static byte[] aad(String header, String table, String column, UUID rowId) {
		byte[] place = place(table, column, rowId);
		byte[] h = header.getBytes(StandardCharsets.US_ASCII);
		return ByteBuffer.allocate(h.length + place.length).put(h).put(place).array();
	}

	private static byte[] place(String table, String column, UUID rowId) {
		if (table == null || column == null || rowId == null) {
			throw new IllegalArgumentException("a sealed value needs its table, column and row");
		}
		return (table + "/" + column + "/" + rowId).getBytes(StandardCharsets.UTF_8);
	}

	/** A keyed hash of the normalised value, under the current key and suite, to find a record by a full phone. */
	public String searchHash(String plain) {
		if (plain == null || plain.isBlank()) {
			return null;
		}
		return hash(current, Purpose.SEARCH, normal(plain));
	}

	/**
	 * The search hashes a stored row may hold for this value: under the current key and suite first, then every other
	 * key and suite of the set (rows not yet re-sealed by a rotation). Empty for no value.
	 */
	public List<String> searchHashes(String plain) {
		if (plain == null || plain.isBlank()) {
			return List.of();
		}
		Set<String> hashes = new LinkedHashSet<>();
		for (Working w : all) {
			hashes.add(hash(w, Purpose.SEARCH, normal(plain)));
		}
		return List.copyOf(hashes);
	}

	private static String normal(String plain) {
		return plain.trim().toUpperCase();
	}

	/** A keyed hash of the value as given, with the key of its purpose, under the current key and suite. */
	public String hash(Purpose purpose, String value) {
		return hash(current, purpose, value);
	}

	private static String hash(Working w, Purpose purpose, String value) {
		return HexFormat.of().formatHex(w.suite.mac(w.hashes.get(purpose), value.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The rating key (评价码) of a record: 20 characters of Crockford's base-32 (100 bits) of a keyed hash of its id under
	 * a key of its own. Derived, never stored: whoever holds the master key can give it again (the feedback SMS), a
	 * database dump reveals none. Given under the current key and suite; {@link #isRatingKey} also accepts one given
	 * under another key or suite of the set, so a citizen's key outlives a rotation while its key is kept.
	 */
	public String ratingKey(UUID id) {
		return ratingKey(current, id);
	}

	/** Whether {@code given} (normalised) is the rating key of this record under any key and suite of the set. */
	public boolean isRatingKey(UUID id, String given) {
		if (given == null) {
			return false;
		}
		boolean match = false;
		byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
		for (Working w : all) {
			match |= MessageDigest.isEqual(ratingKey(w, id).getBytes(StandardCharsets.UTF_8), bytes);
		}
		return match;
	}

	private static String ratingKey(Working w, UUID id) {
		byte[] digest = w.suite.mac(w.rating, id.toString().getBytes(StandardCharsets.UTF_8));
		char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
		StringBuilder key = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			int bit = i * 5;
			int value = ((digest[bit / 8] & 0xFF) << 8 | (digest[bit / 8 + 1] & 0xFF)) >> (11 - bit % 8) & 0x1F;
			key.append(alphabet[value]);
		}
		return key.toString();
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
}
