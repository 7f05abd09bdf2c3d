package org.lianluo.opinion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.lianluo.platform.Text;
import org.lianluo.consultation.Consultations;
import org.lianluo.deputy.Deputies;
import org.lianluo.identity.AuditLog;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.internal.DeadlineTimers;
import org.lianluo.opinion.internal.Timeline;
import org.lianluo.platform.Attachments;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.TrackingCodes;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.PersonalData;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.lianluo.station.Stations;
import org.lianluo.unit.Units;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commands of the opinion loop: one method per user action, in one transaction, that checks who may
 * do it, lets the aggregate change its state, and stores it with its timeline and events.
 */
@Service
public class OpinionManagement {

	static final int MIN_CONTENT = 5;

	static final int MAX_CONTENT = 5000;

	static final String ATTACHMENT_OWNER = "opinion";

	private final OpinionStore opinions;

	private final Timeline timeline;

	private final Deadlines deadlines;

	private final OpinionProperties rules;

	private final PersonalData personalData;

	private final Regions regions;

	private final Units units;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DeadlineTimers timers;

	private final Stations stations;

	private final Deputies deputies;

	private final Attachments attachments;

	private final Consultations consultations;

	private final AuditLog audit;

	OpinionManagement(AuditLog audit, Consultations consultations, OpinionStore opinions, Timeline timeline, Deadlines deadlines, OpinionProperties rules,
			PersonalData personalData, Regions regions, Units units, JdbcClient jdbc, Clock clock, DeadlineTimers timers,
			Stations stations, Deputies deputies, Attachments attachments) {
		this.audit = audit;
		this.consultations = consultations;
		this.attachments = attachments;
		this.timers = timers;
		this.stations = stations;
		this.deputies = deputies;
		this.opinions = opinions;
		this.timeline = timeline;
		this.deadlines = deadlines;
		this.rules = rules;
		this.personalData = personalData;
		this.regions = regions;
		this.units = units;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// --- intake (收集)

	/**
	 * Registers an opinion. With an idempotency key, the same key and body give the same opinion again and
	 * another body with that key is refused (422).
	 */
	@Transactional
	public Opinion submit(Submission s, String idempotencyKey, String actor) {
		Submission valid = validate(s);
		String requestHash = idempotencyKey == null ? null : hash(valid);
		if (idempotencyKey != null) {
			Optional<Opinion> earlier = replay(idempotencyKey, requestHash);
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
				valid.receivedAt(), Set.copyOf(valid.deputyIds())), TrackingCodes.next(), actor, clock.instant());
		save(opinion);
		if (idempotencyKey != null) {
			int inserted = jdbc.sql("""
					insert into opinion_idempotency (key, request_hash, opinion_id, created_at) values (?, ?, ?, now())
					on conflict (key) do nothing""")
				.params(idempotencyKey, requestHash, opinion.getId())
				.update();
			if (inserted == 0) {
				// A concurrent request with the same key won; this transaction's opinion must not stay.
				throw new ConcurrentDuplicate();
			}
		}
		return opinion;
	}

	/**
	 * The opinion an earlier request with this key and body made, if any: a retry is answered with it before it is
	 * counted against a sender's limits, and after a {@link ConcurrentDuplicate} it is the answer the winner got.
	 */
	@Transactional(readOnly = true)
	public Optional<Opinion> replayed(String idempotencyKey, Submission s) {
		return replay(idempotencyKey, hash(validate(s)));
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
			.flatMap(opinions::findById);
	}

	// --- triage (研判)

	@Transactional
	public Opinion triage(UUID id, Triage t) {
		Actor user = requireRole(Role.ASSESSOR);
		Opinion o = visible(id, user);
		if (t.route() == null) {
			throw LianluoException.invalidField("route", "opinion.route.required");
		}
		String note = Text.optional("note", t.note(), 1000);
		Instant now = clock.instant();
		o.classify(t.kind(), t.category());
		switch (t.route()) {
			case ANSWER -> o.answer(Text.required("answer", t.answer(), 2000), user.username(), now);
			case MERGE -> {
				if (t.primaryId() == null) {
					throw LianluoException.invalidField("primaryId", "opinion.primary.required");
				}
				Opinion primary = visible(t.primaryId(), user);
				o.mergeInto(primary, user.username(), now);
				noteOnPrimary(primary.getId(), o, user.username(), now, "merged " + o.getTrackingCode());
			}
			case REJECT -> o.reject(Text.required("reason", t.reason(), 1000), Text.blankToNull(t.referral()), user.username(), now);
			case ASSIGN -> assign(o, t, user, now);
			case TO_PROPOSAL -> o.routeToProposal(proposalDeputies(o, t.deputyId()), user.username(), now);
			case TO_CONSULTATION -> {
				if (t.consultationId() == null) {
					throw LianluoException.invalidField("consultationId", "opinion.consultation.required");
				}
				consultations.commentFromOpinion(t.consultationId(), t.articleNumber(), o.getContent(), o.getId());
				o.toConsultation(t.consultationId(), user.username(), now);
			}
		}
		o.noteOnTriage(note);
		return save(o);
	}

	/** Who drafts the proposal: the deputy named, with those who received the opinion; without any, 400. */
	private Set<UUID> proposalDeputies(Opinion o, UUID named) {
		Set<UUID> to = new LinkedHashSet<>(o.getDeputyIds());
		if (named != null) {
			if (deputies.findAll(List.of(named)).isEmpty()) {
				throw LianluoException.invalidField("deputyId", "opinion.deputy.missing");
			}
			to.add(named);
		}
		if (to.isEmpty()) {
			throw LianluoException.invalidField("deputyId", "opinion.route.to-proposal.deputy-required");
		}
		return to;
	}

	private void assign(Opinion o, Triage t, Actor user, Instant now) {
		// The caller sees only the units of their scope; of those, only the units of the opinion's own line answer it.
		RegionCode region = new RegionCode(o.getRegionCode());
		if (t.leadUnitId() == null || units.find(t.leadUnitId()).filter(u -> region.onLineWith(u.regionCode())).isEmpty()) {
			throw LianluoException.invalidField("leadUnitId", "opinion.unit.missing");
		}
		List<UUID> assisting = t.assistingUnitIds() == null ? List.of() : t.assistingUnitIds();
		Set<UUID> distinct = new HashSet<>(assisting);
		if (units.findAll(distinct).stream().filter(u -> region.onLineWith(u.regionCode())).count() != distinct.size()) {
			throw LianluoException.invalidField("assistingUnitIds", "opinion.unit.missing");
		}
		Instant deadline = deadlines.forKind(o.getKind(), now);
		o.assign(t.leadUnitId(), assisting, deadline, deadlines.stepAt(deadline, 1), user.username(), now);
	}

	/**
	 * Marks an opinion as turned into a proposal by a deputy who received it; the proposal module calls
	 * this in the transaction that creates the draft, so the opinion module knows nothing of proposals.
	 */
	@Transactional
	public Opinion markTurnedIntoProposal(UUID opinionId, UUID proposalId) {
		Actor user = Actor.current();
		Opinion o = visible(opinionId, user);
		if (user.deputyId() == null || !o.getDeputyIds().contains(user.deputyId())) {
			throw LianluoException.forbidden();
		}
		o.turnIntoProposal(proposalId, user.username(), clock.instant());
		return save(o);
	}

	@Transactional
	public Opinion unmerge(UUID id) {
		Actor user = requireRole(Role.ASSESSOR);
		Opinion o = visible(id, user);
		UUID primaryId = o.getPrimaryId();
		o.unmerge(user.username(), clock.instant());
		Opinion saved = save(o);
		noteOnPrimary(primaryId, o, user.username(), clock.instant(), "unmerged " + o.getTrackingCode());
		return saved;
	}

	/** The primary's timeline records each merge into it and its undoing (the primary itself is not changed). */
	private void noteOnPrimary(UUID primaryId, Opinion duplicate, String actor, Instant now, String note) {
		timeline.append(List.of(new TimelineEntry(org.lianluo.platform.Ids.newId(), primaryId, now, actor,
				TimelineEntry.Kind.MERGE_NOTE, null, null, note, null)));
	}

	// --- handling by the lead unit (签收, 退回, 延期, 答复)

	@Transactional
	public Opinion accept(UUID id) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Opinion o = leadUnitOnly(id, user);
		o.accept(user.username(), clock.instant());
		return save(o);
	}

	@Transactional
	public Opinion returnToTriage(UUID id, String reason) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Opinion o = leadUnitOnly(id, user);
		String why = Text.required("reason", reason, 1000);
		o.returnToTriage(why, o.getAssignedAt() == null ? clock.instant() : deadlines.returnWindowEnd(o.getAssignedAt()),
				user.username(), clock.instant());
		return save(o);
	}

	@Transactional
	public Opinion requestExtension(UUID id, Integer workingDays, String reason) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Opinion o = leadUnitOnly(id, user);
		if (workingDays == null || workingDays < 1 || workingDays > rules.maxExtensionWorkingDays()) {
			throw LianluoException.invalidField("workingDays", "opinion.extension.days", rules.maxExtensionWorkingDays());
		}
		o.requestExtension(workingDays, Text.required("reason", reason, 1000), rules.maxExtensionsPerRound(), user.username(),
				clock.instant());
		return save(o);
	}

	@Transactional
	public Opinion decideExtension(UUID id, Boolean approve, String note) {
		Actor user = requireRole(Role.ASSESSOR);
		Opinion o = visible(id, user);
		if (approve == null) {
			throw LianluoException.invalidField("approve", "opinion.approve.required");
		}
		int days = o.pendingExtensionDays();
		Instant newDeadline = o.getDeadline() == null ? null : deadlines.extend(o.getDeadline(), days);
		o.decideExtension(approve, newDeadline, newDeadline == null ? null : deadlines.stepAt(newDeadline, 1),
				Text.blankToNull(note), user.username(), clock.instant());
		return save(o);
	}

	@Transactional
	public Opinion recordAssistingView(UUID id, String view) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Opinion o = opinions.findById(id).orElseThrow(LianluoException::notFound);
		if (user.unitId() == null || o.getAssistingUnits().stream().noneMatch(a -> a.unitId().equals(user.unitId()))) {
			throw LianluoException.notFound();
		}
		o.recordAssistingView(user.unitId(), Text.required("view", view, 5000), user.username(), clock.instant());
		return save(o);
	}

	@Transactional
	public Opinion reply(UUID id, ReplyResult result, String text) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Opinion o = leadUnitOnly(id, user);
		if (result == null) {
			throw LianluoException.invalidField("result", "opinion.reply.result.required");
		}
		o.reply(result, Text.required("text", text, 5000), user.username(), clock.instant());
		return save(o);
	}

	/**
	 * A file attached to the opinion: the unit's signed reply or photos of the result (lead unit), or what
	 * the office or the station received with it. Checked by content, stored with the opinion's timeline.
	 */
	@Transactional
	public Attachments.Attachment attach(UUID id, String filename, byte[] data) {
		Actor user = Actor.current();
		Opinion o = visible(id, user);
		boolean leadUnit = user.has(Role.UNIT_HANDLER) && user.unitId() != null && user.unitId().equals(o.getLeadUnitId());
		if (!leadUnit && !user.hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN))) {
			throw LianluoException.forbidden();
		}
		Attachments.Attachment a = attachments.store(ATTACHMENT_OWNER, id, filename, data, user.username());
		timeline.append(List.of(new TimelineEntry(org.lianluo.platform.Ids.newId(), id, clock.instant(), user.username(),
				TimelineEntry.Kind.ATTACHMENT, o.getStatus(), o.getStatus(), a.filename(), null)));
		return a;
	}

	public List<Attachments.Attachment> attachments(UUID id) {
		get(id);
		return attachments.of(ATTACHMENT_OWNER, id);
	}

	/** A file of an opinion the caller may see. */
	public Attachments.Attachment attachment(UUID id, UUID attachmentId) {
		get(id);
		return attachments.find(attachmentId)
			.filter(a -> a.ownerType().equals(ATTACHMENT_OWNER) && a.ownerId().equals(id))
			.orElseThrow(LianluoException::notFound);
	}

	public byte[] attachmentContent(UUID attachmentId) {
		return attachments.content(attachmentId);
	}

	// --- review, feedback, evaluation (审核, 反馈, 评价)

	@Transactional
	public Opinion review(UUID id, Boolean approve, String note) {
		Actor user = requireRole(Role.ASSESSOR);
		Opinion o = visible(id, user);
		if (approve == null) {
			throw LianluoException.invalidField("approve", "opinion.approve.required");
		}
		if (!approve && Text.blankToNull(note) == null) {
			throw LianluoException.invalidField("note", "opinion.review.note.required");
		}
		o.review(approve, Text.blankToNull(note), user.username(), clock.instant());
		return save(o);
	}

	/**
	 * The citizen's rating, by tracking code and with the opinion's rating key (API.md): without it, or with another,
	 * 403 and nothing changes. A merged duplicate's own key rates the reply it follows.
	 */
	@Transactional
	public Opinion evaluateByCitizen(String trackingCode, String ratingKey, Grade grade, String comment) {
		Opinion o = opinions.findByTrackingCode(TrackingCodes.normalise(trackingCode)).orElseThrow(LianluoException::notFound);
		if (ratingKey == null || ratingKey.isBlank()) {
			throw LianluoException.of(HttpStatus.FORBIDDEN, "opinion.rating-key.missing");
		}
		byte[] expected = ratingKey(o.getId()).getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(expected, TrackingCodes.normalise(ratingKey).getBytes(StandardCharsets.UTF_8))) {
			throw LianluoException.of(HttpStatus.FORBIDDEN, "opinion.rating-key.wrong");
		}
		if (o.getStatus() == OpinionStatus.MERGED) {
			// A merged duplicate's submitter keeps the right to rate: their grade is the primary's.
			evaluate(opinions.findById(o.getPrimaryId()).orElseThrow(LianluoException::notFound), grade, comment,
					Rater.CITIZEN, "citizen " + o.getTrackingCode());
			return o;
		}
		return evaluate(o, grade, comment, Rater.CITIZEN, "citizen");
	}

	/**
	 * The opinion's rating key (评价码), for the citizen only: in the intake's answer, on the station's receipt and in
	 * the link of the feedback SMS. Derived from its id, never stored.
	 */
	public String ratingKey(UUID opinionId) {
		return personalData.ratingKey(opinionId);
	}

	/** A rating the office took by phone (回访): a staff action, marked as such on the opinion and audited. */
	@Transactional
	public Opinion evaluateByPhone(UUID id, Grade grade, String comment) {
		Actor user = requireRole(Role.ASSESSOR);
		Opinion rated = evaluate(visible(id, user), grade, comment, Rater.FOLLOW_UP, user.username());
		audit.record(AuditLog.Action.FOLLOW_UP_RATED, "opinion " + id, grade.name());
		return rated;
	}

	private Opinion evaluate(Opinion o, Grade grade, String comment, Rater rater, String actor) {
		if (grade == null) {
			throw LianluoException.invalidField("grade", "opinion.grade.required");
		}
		if (comment != null && comment.length() > 1000) {
			throw LianluoException.invalidField("comment", "opinion.text.too-long", 1000);
		}
		Instant now = clock.instant();
		Instant reopenDeadline = deadlines.reopened(now);
		o.evaluate(grade, Text.blankToNull(comment), rater, reopenDeadline, deadlines.stepAt(reopenDeadline, 1), actor, now);
		return save(o);
	}

	@Transactional
	public Opinion markImplemented(UUID id, String note) {
		Actor user = requireRole(Role.ASSESSOR);
		Opinion o = visible(id, user);
		o.markImplemented(Text.required("note", note, 2000), user.username(), clock.instant());
		return save(o);
	}

	// --- reads

	/** An opinion the caller may see, or 404. */
	@Transactional(readOnly = true)
	public Opinion get(UUID id) {
		return visible(id, Actor.current());
	}

	public Optional<Opinion> byTrackingCode(String code) {
		return opinions.findByTrackingCode(TrackingCodes.normalise(code));
	}

	public Optional<Opinion> byId(UUID id) {
		return opinions.findById(id);
	}

	public List<TimelineEntry> timeline(UUID id) {
		return timeline.of(id);
	}

	/** The citizen's phone, for the notification module to send SMS to; read alone, not with the aggregate. */
	public Optional<String> citizenPhone(UUID opinionId) {
		return jdbc.sql("select submitter_phone_enc from opinion where id = ?")
			.param(opinionId)
			.query((rs, n) -> rs.getString(1))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.map(cipher -> personalData.decrypt(cipher, "opinion", "submitter_phone_enc", opinionId));
	}

	public String revealPhone(Opinion o) {
		return personalData.decrypt(o.getSubmitterPhoneEnc(), "opinion", "submitter_phone_enc", o.getId());
	}

	public String revealName(Opinion o) {
		return personalData.decrypt(o.getSubmitterNameEnc(), "opinion", "submitter_name_enc", o.getId());
	}

	Opinion save(Opinion o) {
		List<TimelineEntry> entries = o.takeNewEntries();
		Opinion saved = opinions.save(o);
		timeline.append(entries);
		int nextLevel = saved.getSupervisionLevel() + 1;
		if (saved.getNextSupervisionAt() != null) {
			timers.set(saved.getId(), nextLevel, saved.getNextSupervisionAt());
		}
		else if (saved.getAssignedAt() != null && nextLevel <= Deadlines.MAX_LEVEL) {
			timers.cancel(saved.getId(), nextLevel);
		}
		return saved;
	}

	private Opinion visible(UUID id, Actor user) {
		Opinion o = opinions.findById(id).orElseThrow(LianluoException::notFound);
		if (!OpinionQueries.canSee(user, o.getRegionCode(), o.getLeadUnitId(),
				o.getAssistingUnits().stream().map(Opinion.AssistingUnit::unitId).toList(), o.getDeputyIds(),
				() -> o.getStationId() != null && stations.onRoster(o.getStationId(), user.deputyId()))) {
			throw LianluoException.notFound();
		}
		return o;
	}

	private Opinion leadUnitOnly(UUID id, Actor user) {
		Opinion o = visible(id, user);
		if (user.unitId() == null || !user.unitId().equals(o.getLeadUnitId())) {
			throw LianluoException.forbidden();
		}
		return o;
	}

	private static Actor requireRole(Role role) {
		Actor user = Actor.current();
		if (!user.has(role)) {
			throw LianluoException.forbidden();
		}
		return user;
	}

	private Submission validate(Submission s) {
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
		if (content.codePointCount(0, content.length()) < MIN_CONTENT
				|| content.codePointCount(0, content.length()) > MAX_CONTENT) {
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
		if (s.receivedAt() != null && s.receivedAt().isAfter(clock.instant().plusSeconds(300))) {
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




	/**
	 * What an ASSESSOR decides in triage (API.md's body, with {@code consultationId} and {@code articleNumber} for
	 * TO_CONSULTATION and {@code deputyId} for TO_PROPOSAL).
	 */
	public record Triage(TriageRoute route, String note, String answer, UUID primaryId, String reason, String referral,
			UUID leadUnitId, List<UUID> assistingUnitIds, OpinionKind kind, Category category, UUID consultationId,
			Integer articleNumber, UUID deputyId) {
	}

	/** Two requests with one idempotency key raced; the loser answers with the winner's opinion. */
	public static class ConcurrentDuplicate extends RuntimeException {

		ConcurrentDuplicate() {
			super("idempotency key taken concurrently");
		}
	}
}
