package org.lianluo.opinion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.identity.Actor;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Moment;
import org.lianluo.platform.PersonalData;
import org.lianluo.platform.Text;
import org.lianluo.platform.TrackingCodes;
import org.lianluo.region.Regions;
import org.lianluo.station.Stations;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake (收集): an opinion from a citizen on the portal or a station's QR code, or registered by staff. With an
 * idempotency key, the same key and body give the same opinion again and another body with that key is refused
 * (422); personal data is sealed to the row it goes into.
 */
@Service
public class OpinionIntake {

	static final int MIN_CONTENT = 5;

	static final int MAX_CONTENT = 5000;

	private final Opinions opinions;

	private final PersonalData personalData;

	private final Regions regions;

	private final Stations stations;

	private final Deputies deputies;

	private final JdbcClient jdbc;

	OpinionIntake(Opinions opinions, PersonalData personalData, Regions regions, Stations stations, Deputies deputies,
			JdbcClient jdbc) {
		this.opinions = opinions;
		this.personalData = personalData;
		this.regions = regions;
		this.stations = stations;
		this.deputies = deputies;
		this.jdbc = jdbc;
	}

	/** The command: what was said, and the {@code Idempotency-Key} it came with (null: none). */
	public record Submit(Submission submission, String idempotencyKey) {
	}

	/** From a citizen: the timeline names no one but "citizen". */
	@Transactional
	public Opinion fromCitizen(Submit command, Moment at) {
		return submit(command, "citizen", null, at);
	}

	/** Registered by staff (a station, a deputy, the office) for the citizen who said it. */
	@Transactional
	public Opinion fromStaff(Submit command, Actor actor, Moment at) {
		return submit(command, actor.username(), actor, at);
	}

	/** {@code by}: the timeline's actor ("citizen" or an account); {@code actor}: the signed-in one, if any. */
	Opinion submit(Submit command, String by, Actor actor, Moment at) {
		Submission valid = validate(command.submission(), at);
		String key = command.idempotencyKey();
		String requestHash = key == null ? null : hash(valid);
		if (key != null) {
			Optional<Opinion> earlier = replay(key, requestHash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		boolean anonymous = Boolean.TRUE.equals(valid.anonymous());
		String name = anonymous ? null : Text.blankToNull(valid.name());
		String phone = Text.blankToNull(valid.phone());
		UUID id = Ids.newId();
		Opinion opinion = Opinion.receive(id, new Opinion.Intake(valid.content(), valid.regionCode(), valid.stationId(),
				valid.kind(), valid.category(), valid.channel(), personalData.encrypt(name, "opinion", "submitter_name_enc", id),
				personalData.encrypt(phone, "opinion", "submitter_phone_enc", id), personalData.searchHash(phone), anonymous,
				valid.receivedAt(), Set.copyOf(valid.deputyIds())), TrackingCodes.next(), by, at.now());
		opinions.save(opinion, actor);
		if (key != null && jdbc.sql("""
				insert into opinion_idempotency (key, request_hash, opinion_id, created_at) values (?, ?, ?, now())
				on conflict (key) do nothing""").params(key, requestHash, opinion.getId()).update() == 0) {
			// A concurrent request with the same key won; this transaction's opinion must not stay.
			throw new ConcurrentDuplicate();
		}
		return opinion;
	}

	/**
	 * The opinion an earlier request with this key and body made, if any: a retry is answered with it before it is
	 * counted against a sender's limits, and after a {@link ConcurrentDuplicate} it is the answer the winner got.
	 */
	// On the primary, not read-only (issue 25): a retry must find what the first attempt committed a moment ago,
	// whichever read replica has not replayed it yet.
	@Transactional
	public Optional<Opinion> replayed(String idempotencyKey, Submission s, Moment at) {
		return replay(idempotencyKey, hash(validate(s, at)));
	}

	private Optional<Opinion> replay(String key, String requestHash) {
		return jdbc.sql("select request_hash, opinion_id from opinion_idempotency where key = ?")
			.param(key)
			.query((rs, n) -> {
				if (!rs.getString(1).equals(requestHash)) {
					throw LianluoException.of(HttpStatus.UNPROCESSABLE_CONTENT, "opinion.idempotency.mismatch");
				}
				return rs.getObject(2, UUID.class);
			})
			.optional()
			.flatMap(opinions::byId);
	}

	private Submission validate(Submission s, Moment at) {
		List<FieldProblem> problems = new ArrayList<>();
		String content = s.content() == null ? "" : s.content().strip();
		var station = s.stationId() == null ? null : stations.find(s.stationId()).orElse(null);
		if (s.stationId() != null && station == null) {
			problems.add(new FieldProblem("stationId", "opinion.station.missing"));
		}
		// From a station's QR code the region is the station's, unless the citizen chose one.
		String regionCode = s.regionCode() == null && station != null ? station.regionCode() : s.regionCode();
		List<UUID> deputyIds = s.deputyIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(s.deputyIds()));
		if (deputies.findAll(deputyIds).size() != deputyIds.size()) {
			problems.add(new FieldProblem("deputyIds", "opinion.deputy.missing"));
		}
		int length = content.codePointCount(0, content.length());
		if (length < MIN_CONTENT || length > MAX_CONTENT) {
			problems.add(new FieldProblem("content", "opinion.content.length", MIN_CONTENT, MAX_CONTENT));
		}
		if (regionCode == null || !regions.exists(regionCode)) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		String phone = Text.blankToNull(s.phone());
		if (phone != null && !PersonalData.isMobile(phone.trim())) {
			problems.add(new FieldProblem("phone", "opinion.phone.format"));
		}
		if (s.name() != null && s.name().length() > 50) {
			problems.add(new FieldProblem("name", "opinion.text.too-long", 50));
		}
		if (s.channel() == null) {
			problems.add(new FieldProblem("channel", "opinion.channel.required"));
		}
		if (s.receivedAt() != null && s.receivedAt().isAfter(at.now().plusSeconds(300))) {
			problems.add(new FieldProblem("receivedAt", "opinion.received-at.future"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		return new Submission(content, regionCode, s.stationId(), s.kind() == null ? OpinionKind.SUGGESTION : s.kind(),
				s.category() == null ? Category.OTHER : s.category(), s.name() == null ? null : s.name().strip(),
				phone == null ? null : phone.trim(), s.anonymous(), s.channel(), s.receivedAt(), deputyIds);
	}

	private static String hash(Submission s) {
		try {
			String canonical = String.join("\u0000", String.valueOf(s.content()), String.valueOf(s.regionCode()),
					String.valueOf(s.stationId()), String.valueOf(s.kind()), String.valueOf(s.category()),
					String.valueOf(s.name()), String.valueOf(s.phone()), String.valueOf(s.anonymous()),
					String.valueOf(s.channel()), String.valueOf(s.receivedAt()), String.valueOf(s.deputyIds()));
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Two requests with one idempotency key raced; the loser answers with the winner's opinion. */
	public static class ConcurrentDuplicate extends RuntimeException {

		ConcurrentDuplicate() {
			super("idempotency key taken concurrently");
		}
	}
}
