package org.lianluo.consultation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.lianluo.consultation.Consultations.NewComment;
import org.lianluo.platform.LianluoException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's comment under an {@code Idempotency-Key} (issue 24): a comment queued offline and sent twice is stored
 * once, and the second request answers the first one's tracking code. The key is claimed in the comment's own
 * transaction, so a concurrent second request waits for the first; the same key with another body is refused (422).
 */
@Service
public class CommentIntake {

	private final Consultations consultations;

	private final JdbcClient jdbc;

	CommentIntake(Consultations consultations, JdbcClient jdbc) {
		this.consultations = consultations;
		this.jdbc = jdbc;
	}

	/** The tracking code an earlier request with this key and body was answered, if any. */
	public Optional<String> replayed(UUID consultationId, NewComment n, String idempotencyKey) {
		String key = key(idempotencyKey);
		return key == null ? Optional.empty() : earlier(key, hash(consultationId, n));
	}

	@Transactional
	public String comment(UUID consultationId, NewComment n, String idempotencyKey) {
		String key = key(idempotencyKey);
		if (key == null) {
			return consultations.comment(consultationId, n).trackingCode();
		}
		String hash = hash(consultationId, n);
		int claimed = jdbc.sql("""
				insert into consultation_comment_idempotency (key, request_hash, created_at) values (?, ?, now())
				on conflict (key) do nothing""")
			.params(key, hash)
			.update();
		if (claimed == 0) {
			return earlier(key, hash).orElseThrow(() -> LianluoException.of(HttpStatus.CONFLICT, "consultation.idempotency.pending"));
		}
		Comment c = consultations.comment(consultationId, n);
		jdbc.sql("update consultation_comment_idempotency set comment_id = ? where key = ?").params(c.id(), key).update();
		return c.trackingCode();
	}

	private Optional<String> earlier(String key, String hash) {
		return jdbc.sql("""
				select i.request_hash, c.tracking_code from consultation_comment_idempotency i
				left join consultation_comment c on c.id = i.comment_id where i.key = ?""")
			.param(key)
			.query((rs, n) -> {
				if (!rs.getString(1).equals(hash)) {
					throw LianluoException.of(HttpStatus.UNPROCESSABLE_CONTENT, "consultation.idempotency.mismatch");
				}
				return Optional.ofNullable(rs.getString(2));
			})
			.optional()
			.flatMap(o -> o);
	}

	private static String key(String header) {
		String k = header == null || header.isBlank() ? null : header.strip();
		if (k != null && k.length() > 100) {
			throw LianluoException.invalidField("Idempotency-Key", "consultation.idempotency.too-long");
		}
		return k;
	}

	private static String hash(UUID consultationId, NewComment n) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((consultationId + "\n" + n).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
