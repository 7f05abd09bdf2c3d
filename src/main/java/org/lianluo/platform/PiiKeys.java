package org.lianluo.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The master keys of personal data, each with its id, one of them current (new values are sealed with it) and one the
 * legacy key (values written before cipher texts named their key, {@code v1:}/{@code v2:}, were sealed with it).
 * <p>
 * Where they come from, first found:
 * <ol>
 * <li>a key file {@code lianluo.pii.key-file} ({@code LIANLUO_PII_KEY_FILE}): lines {@code id=base64 of 32 bytes},
 * {@code current=id} (required with more than one key), optionally {@code legacy=id} (else the first key), {@code #}
 * comments. With {@code LIANLUO_PII_KEY} also set, that key must be one of the file's;</li>
 * <li>{@code LIANLUO_PII_KEY} ({@code lianluo.pii-key}): one key, id {@code k1}, current and legacy;</li>
 * <li>embedded database only: the data directory's {@code pii.key}, generated (one key, owner-only) when missing,
 * which may also be written in the key file's form.</li>
 * </ol>
 */
record PiiKeys(Map<String, byte[]> keys, String current, String legacy) {

	private static final Logger log = LoggerFactory.getLogger(PiiKeys.class);

	/** The id of a key given alone, by {@code LIANLUO_PII_KEY} or a one-line {@code pii.key}. */
	static final String SINGLE = "k1";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	PiiKeys {
		keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
		if (!keys.containsKey(current) || !keys.containsKey(legacy)) {
			throw new IllegalStateException("personal-data keys: current '" + current + "' and legacy '" + legacy
					+ "' must be keys of the set " + keys.keySet());
		}
	}

	byte[] key(String id) {
		byte[] key = keys.get(id);
		if (key == null) {
			throw new IllegalStateException("decryption failed: key '" + id + "' is not in the key set " + keys.keySet()
					+ " (lianluo.pii.key-file)");
		}
		return key;
	}

	List<String> ids() {
		return List.copyOf(keys.keySet());
	}

	static PiiKeys from(Environment env, SecureRandom random) throws IOException {
		String single = env.getProperty("LIANLUO_PII_KEY", env.getProperty("lianluo.pii-key"));
		String file = env.getProperty("lianluo.pii.key-file");
		if (file != null && !file.isBlank()) {
			Path path = Path.of(file.strip());
			if (!Files.exists(path)) {
				throw new IllegalStateException("lianluo.pii.key-file " + path.toAbsolutePath() + " does not exist");
			}
			try {
				ownerOnly(path);
			}
			catch (IOException ex) {
				log.warn("Could not narrow the key file {} to its owner: {}", path.toAbsolutePath(), ex.toString());
			}
			PiiKeys set = parse(Files.readString(path));
			if (single != null && !single.isBlank()
					&& set.keys.values().stream().noneMatch(k -> MessageDigest.isEqual(k, decodeKey(single.strip())))) {
				throw new IllegalStateException("LIANLUO_PII_KEY is set but is not one of the keys of " + path.toAbsolutePath());
			}
			return set;
		}
		if (single != null && !single.isBlank()) {
			return one(decodeKey(single.strip()));
		}
		if (env.getProperty("spring.datasource.url") != null) {
			throw new IllegalStateException("LIANLUO_PII_KEY (base64 of 32 random bytes) or LIANLUO_PII_KEY_FILE must be set "
					+ "with an external database");
		}
		Path path = Path.of(env.getProperty("lianluo.data-dir", "./data")).resolve("pii.key");
		if (!Files.exists(path)) {
			byte[] fresh = new byte[32];
			random.nextBytes(fresh);
			Files.createDirectories(path.toAbsolutePath().getParent());
			if (writeOwnerOnly(path, Base64.getEncoder().encodeToString(fresh))) {
				log.warn("\n\n  LIANLUO_PII_KEY is not set: generated a key for personal data into {}.\n"
						+ "  Keep it with the data: without it, phones and ID numbers cannot be read. Set LIANLUO_PII_KEY in production.\n",
						path.toAbsolutePath());
			}
		}
		else {
			ownerOnly(path);
		}
		return parse(Files.readString(path));
	}

	static PiiKeys one(byte[] key) {
		return new PiiKeys(Map.of(SINGLE, key), SINGLE, SINGLE);
	}

	/** A key file's text: one bare base64 key (id {@code k1}), or {@code id=key} lines with {@code current=}. */
	static PiiKeys parse(String text) {
		List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
		if (lines.size() == 1 && !lines.get(0).matches("[A-Za-z0-9_-]{1,16}=.{40,}")) {
			return one(decodeKey(lines.get(0)));
		}
		Map<String, byte[]> keys = new LinkedHashMap<>();
		String current = null;
		String legacy = null;
		for (String line : lines) {
			int eq = line.indexOf('=');
			if (eq < 1) {
				throw new IllegalStateException("personal-data key file: a line is not id=value");
			}
			String name = line.substring(0, eq).strip();
			String value = line.substring(eq + 1).strip();
			switch (name) {
				case "current" -> current = value;
				case "legacy" -> legacy = value;
				default -> {
					if (!ID.matcher(name).matches()) {
						throw new IllegalStateException("personal-data key file: a key id is 1 to 16 of A-Z a-z 0-9 _ -, not '" + name + "'");
					}
					if (keys.put(name, decodeKey(value)) != null) {
						throw new IllegalStateException("personal-data key file: key '" + name + "' is given twice");
					}
				}
			}
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("personal-data key file holds no key");
		}
		if (current == null && keys.size() > 1) {
			throw new IllegalStateException("personal-data key file: with several keys, current=<id> names the one new values use");
		}
		String first = keys.keySet().iterator().next();
		return new PiiKeys(keys, current == null ? first : current, legacy == null ? first : legacy);
	}

	static byte[] decodeKey(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("a personal-data key must be base64 of exactly 32 bytes");
		}
		if (bytes.length != 32) {
			Arrays.fill(bytes, (byte) 0);
			throw new IllegalStateException("a personal-data key (LIANLUO_PII_KEY) must be base64 of exactly 32 bytes");
		}
		return bytes;
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
}
