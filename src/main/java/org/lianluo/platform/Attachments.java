package org.lianluo.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Files attached to records, stored in PostgreSQL so that every node serves them. A file's type is told by
 * its first bytes, never by its name: PDF, PNG, JPEG, and Office documents (.docx, .xlsx); anything else is
 * refused. Who may attach to or read a record is the owning module's business.
 */
@Service
public class Attachments {

	public static final int MAX_BYTES = 20 * 1024 * 1024;

	private final JdbcClient jdbc;

	Attachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Attachment store(String ownerType, UUID ownerId, String filename, byte[] data, String actor) {
		if (data == null || data.length == 0) {
			throw LianluoException.invalidField("file", "attachment.empty");
		}
		if (data.length > MAX_BYTES) {
			throw LianluoException.of(HttpStatus.CONTENT_TOO_LARGE, "attachment.too-large", MAX_BYTES / 1024 / 1024);
		}
		String type = detect(data).orElseThrow(
				() -> LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type"));
		String name = filename == null || filename.isBlank() ? "file" : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_");
		name = name.length() > 200 ? name.substring(name.length() - 200) : name;
		UUID id = Ids.newId();
		jdbc.sql("""
				insert into attachment (id, owner_type, owner_id, filename, content_type, size_bytes, sha256, data, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")
			.params(id, ownerType, ownerId, name, type, data.length, sha256(data), data, actor)
			.update();
		return find(id).orElseThrow();
	}

	public List<Attachment> of(String ownerType, UUID ownerId) {
		return jdbc.sql("""
				select id, owner_type, owner_id, filename, content_type, size_bytes, created_by, created_at
				from attachment where owner_type = ? and owner_id = ? order by created_at, id""")
			.params(ownerType, ownerId)
			.query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class).toInstant()))
			.list();
	}

	public Optional<Attachment> find(UUID id) {
		return jdbc.sql("""
				select id, owner_type, owner_id, filename, content_type, size_bytes, created_by, created_at
				from attachment where id = ?""")
			.param(id)
			.query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class).toInstant()))
			.optional();
	}

	public byte[] content(UUID id) {
		return jdbc.sql("select data from attachment where id = ?").param(id).query(byte[].class).single();
	}

	/** The type a file's first bytes show, if it is one Lianluo accepts. */
	static Optional<String> detect(byte[] d) {
		if (starts(d, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of("application/pdf");
		}
		if (starts(d, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return Optional.of("image/png");
		}
		if (starts(d, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of("image/jpeg");
		}
		if (starts(d, new byte[] { 'P', 'K', 3, 4 })) {
			String head = new String(d, 0, Math.min(d.length, 4096), StandardCharsets.ISO_8859_1);
			if (head.contains("word/")) {
				return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
			}
			if (head.contains("xl/")) {
				return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			}
			if (head.contains("[Content_Types].xml")) {
				return Optional.of("application/vnd.openxmlformats-officedocument");
			}
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] data, byte[] magic) {
		return data.length >= magic.length && Arrays.equals(Arrays.copyOf(data, magic.length), magic);
	}

	private static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A stored file, without its bytes. */
	public record Attachment(UUID id, String ownerType, UUID ownerId, String filename, String contentType, long size,
			String createdBy, Instant createdAt) {
	}
}
