package org.lianluo.duty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.platform.LianluoException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An activity with its photos handed in at once, optionally under an {@code Idempotency-Key} (issue 24): a record a
 * deputy queued offline may reach the server twice, and is stored once. The key is claimed first, in the activity's
 * own transaction, so that a second request with it waits for the first and then answers the same activity; a key
 * used by another user or with another body is refused (422), never answered with someone else's record.
 */
@Service
public class ActivityIntake {

	private final Activities activities;

	private final JdbcClient jdbc;

	private final OpinionManagement opinionLoop;

	ActivityIntake(Activities activities, JdbcClient jdbc, OpinionManagement opinionLoop) {
		this.activities = activities;
		this.jdbc = jdbc;
		this.opinionLoop = opinionLoop;
	}

	/**
	 * The tracking codes of the opinions heard, in order: the receipt the registering deputy passes on to the people
	 * who spoke, given in the answer to the registration only, as for any intake (reading the activity shows none).
	 */
	public List<String> receipt(Activity activity) {
		return activity.opinions().stream()
			.map(o -> opinionLoop.byId(o.opinionId()).map(Opinion::getTrackingCode).orElse(null))
			.toList();
	}

	/** A photo as sent with the activity. */
	public record NewPhoto(String filename, byte[] data) {
	}

	@Transactional
	public Activity register(NewActivity activity, List<NewPhoto> photos, String idempotencyKey) {
		String key = key(idempotencyKey);
		List<NewPhoto> given = photos == null ? List.of() : photos.stream().filter(p -> p.data() != null && p.data().length > 0).toList();
		if (key == null) {
			return registerWith(activity, given);
		}
		String hash = hash(Actor.current().username(), activity, given);
		int claimed = jdbc.sql("""
				insert into duty_activity_idempotency (key, request_hash, created_at) values (?, ?, now())
				on conflict (key) do nothing""")
			.params(key, hash)
			.update();
		if (claimed == 0) {
			return earlier(key, hash);
		}
		Activity made = registerWith(activity, given);
		jdbc.sql("update duty_activity_idempotency set activity_id = ? where key = ?").params(made.id(), key).update();
		return made;
	}

	private Activity registerWith(NewActivity activity, List<NewPhoto> photos) {
		Activity made = activities.register(activity);
		if (photos.isEmpty()) {
			return made;
		}
		photos.forEach(p -> activities.attachPhoto(made.id(), p.filename(), p.data()));
		return activities.get(made.id());
	}

	private Activity earlier(String key, String hash) {
		return jdbc.sql("select request_hash, activity_id from duty_activity_idempotency where key = ?")
			.param(key)
			.query((rs, n) -> {
				if (!rs.getString(1).equals(hash)) {
					throw LianluoException.of(HttpStatus.UNPROCESSABLE_CONTENT, "duty.idempotency.mismatch");
				}
				return rs.getObject(2, UUID.class);
			})
			.optional()
			.map(activities::get)
			.orElseThrow(() -> LianluoException.of(HttpStatus.CONFLICT, "duty.idempotency.pending"));
	}

	/** The header's key as stored: none when blank, refused when longer than 100 characters. */
	static String key(String header) {
		String k = header == null || header.isBlank() ? null : header.strip();
		if (k != null && k.length() > 100) {
			throw LianluoException.invalidField("Idempotency-Key", "duty.idempotency.too-long");
		}
		return k;
	}

	/** Who sends it and what: the same key from another user, or with another body, is another request. */
	private static String hash(String username, NewActivity activity, List<NewPhoto> photos) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((username + "\n" + activity).getBytes(StandardCharsets.UTF_8));
			for (NewPhoto p : photos) {
				digest.update(MessageDigest.getInstance("SHA-256").digest(p.data()));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
