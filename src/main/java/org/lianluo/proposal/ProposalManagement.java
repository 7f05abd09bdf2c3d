package org.lianluo.proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.platform.Text;
import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Session;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.platform.Attachments;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.proposal.internal.ProposalTimeline;
import org.lianluo.proposal.internal.ProposalTimers;
import org.lianluo.proposal.internal.Proposals;
import org.lianluo.region.RegionCode;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commands of the proposal loop: one method per user action, in one transaction, that checks who may
 * do it, lets the aggregate change its state, and stores it with its timeline and events.
 */
@Service
public class ProposalManagement {

	static final int MAX_TITLE = 200;

	static final int MIN_CONTENT = 10;

	static final int MAX_CONTENT = 20000;

	static final int MIN_VIEW = 5;

	static final int MAX_VIEW = 5000;

	/** A signed reply document is a scanned letter of a few pages. */
	public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

	static final String REPLY_DOCUMENT = "proposal-reply";

	private final Proposals proposals;

	private final ProposalTimeline timeline;

	private final ProposalTimers timers;

	private final ProposalDeadlines deadlines;

	private final Congresses congresses;

	private final Deputies deputies;

	private final Units units;

	private final Clock clock;

	private final OpinionManagement opinions;

	private final Attachments attachments;

	private final ApplicationEventPublisher events;

	ProposalManagement(Proposals proposals, ProposalTimeline timeline, ProposalTimers timers,
			ProposalDeadlines deadlines, Congresses congresses, Deputies deputies, Units units, Clock clock,
			OpinionManagement opinions, Attachments attachments, ApplicationEventPublisher events) {
		this.opinions = opinions;
		this.attachments = attachments;
		this.events = events;
		this.proposals = proposals;
		this.timeline = timeline;
		this.timers = timers;
		this.deadlines = deadlines;
		this.congresses = congresses;
		this.deputies = deputies;
		this.units = units;
		this.clock = clock;
	}

	// --- drafting (提), by the lead deputy

	@Transactional
	public Proposal draft(Draft d) {
		Actor user = requireRole(Role.DEPUTY);
		if (user.deputyId() == null) {
			throw LianluoException.conflict("proposal.deputy.unlinked");
		}
		return draftFor(user, user.deputyId(), d);
	}

	/**
	 * A draft entered by the office on a deputy's behalf (代为录入), e.g. from the paper form handed in at the session:
	 * the deputy is its lead deputy, the office may submit it for them, the timeline names who entered it.
	 */
	@Transactional
	public Proposal draftOnBehalf(UUID leadDeputyId, Draft d) {
		Actor user = requireRole(Role.ASSESSOR);
		// The session first: a congress outside the caller's region is not theirs to enter for (404), whoever the deputy.
		if (d.sessionId() != null) {
			congresses.findSession(d.sessionId()).ifPresent(s -> user.scope().check(s.regionCode()));
		}
		if (leadDeputyId == null || deputies.find(leadDeputyId).isEmpty()) {
			throw LianluoException.invalidField("leadDeputyId", "proposal.lead-deputy.missing");
		}
		Proposal p = draftFor(user, leadDeputyId, d);
		p.draftedOnBehalfBy(user.username());
		return save(p);
	}

	private Proposal draftFor(Actor user, UUID leadDeputyId, Draft d) {
		List<FieldProblem> problems = new ArrayList<>();
		Session session = d.sessionId() == null ? null : congresses.findSession(d.sessionId()).orElse(null);
		if (session == null) {
			problems.add(new FieldProblem("sessionId", "proposal.session.missing"));
		}
		String title = Text.blankToNull(d.title());
		if (title == null || title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "proposal.title.length", MAX_TITLE));
		}
		String content = Text.blankToNull(d.content());
		if (content == null || content.length() < MIN_CONTENT || content.length() > MAX_CONTENT) {
			problems.add(new FieldProblem("content", "proposal.content.length", MIN_CONTENT, MAX_CONTENT));
		}
		Set<UUID> cosigners = d.coSignerIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(d.coSignerIds());
		if (cosigners.contains(null) || deputies.findAll(cosigners).size() != cosigners.size()) {
			problems.add(new FieldProblem("coSignerIds", "proposal.cosigner.missing"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		return save(Proposal.draft(session.id(), session.regionCode(), leadDeputyId, title, content, cosigners,
				user.username(), clock.instant()));
	}

	/** A draft from an opinion the deputy received; the opinion leaves triage as TO_PROPOSAL, in one transaction. */
	@Transactional
	public Proposal draftFromOpinion(UUID opinionId, UUID sessionId, String title, String content) {
		Actor user = requireRole(Role.DEPUTY);
		if (opinionId == null) {
			throw LianluoException.invalidField("opinionId", "proposal.opinion.required");
		}
		Opinion opinion = opinions.get(opinionId);
		if (proposals.findFirstByOpinionId(opinion.getId()).isPresent()) {
			throw LianluoException.conflict("proposal.opinion.already-drafted");
		}
		Proposal p = draft(new Draft(sessionId, title, content == null || content.isBlank() ? opinion.getContent() : content, null));
		p.drawnFrom(opinion.getId());
		opinions.markTurnedIntoProposal(opinion.getId(), p.getId());
		return save(p);
	}

	/** The opinion a deputy would draft from (404 unless they may see it), and the draft already made from it. */
	@Transactional(readOnly = true)
	public SourceOpinion sourceOpinion(UUID opinionId) {
		Opinion opinion = opinions.get(opinionId);
		return new SourceOpinion(opinion, proposals.findFirstByOpinionId(opinionId).map(Proposal::getId).orElse(null));
	}

	/** An opinion to draft from; {@code draftedAs}: the proposal made from it already, if any. */
	public record SourceOpinion(Opinion opinion, UUID draftedAs) {
	}

	@Transactional
	public Proposal submit(UUID id) {
		Actor user = Actor.current();
		Proposal p = user.has(Role.ASSESSOR) && !user.has(Role.DEPUTY) ? draftedByOffice(id, user)
				: leadDeputyOnly(id, requireRole(Role.DEPUTY));
		Instant now = clock.instant();
		Session session = congresses.findSession(p.getSessionId()).orElseThrow(LianluoException::notFound);
		p.submit(betweenSessions(session, now), user.username(), now);
		return save(p);
	}

	@Transactional
	public Proposal withdraw(UUID id) {
		Actor user = requireRole(Role.DEPUTY);
		Proposal p = leadDeputyOnly(id, user);
		p.withdraw(user.username(), clock.instant());
		return save(p);
	}

	/** A co-signer confirms or declines. */
	@Transactional
	public Proposal answerCosign(UUID id, Boolean confirm) {
		Actor user = requireRole(Role.DEPUTY);
		Proposal p = visible(id, user);
		if (user.deputyId() == null || !p.getCosignerIds().contains(user.deputyId())) {
			throw LianluoException.forbidden();
		}
		if (confirm == null) {
			throw LianluoException.invalidField("confirm", "proposal.confirm.required");
		}
		p.answerCosign(user.deputyId(), confirm, user.username(), clock.instant());
		return save(p);
	}

	// --- registration (立案), by the office

	@Transactional
	public Proposal register(UUID id) {
		Actor user = requireRole(Role.ASSESSOR);
		Proposal p = visible(id, user);
		Instant now = clock.instant();
		// A refused transition rolls the counter back with it: numbers have no gaps.
		p.register(timeline.nextNumber(p.getSessionId()), deadlines.assignmentDue(now), user.username(), now);
		return save(p);
	}

	@Transactional
	public Proposal refuseRegistration(UUID id, String reason) {
		Actor user = requireRole(Role.ASSESSOR);
		Proposal p = visible(id, user);
		p.refuseRegistration(Text.required("reason", reason, 1000), user.username(), clock.instant());
		return save(p);
	}

	// --- assignment (交)

	@Transactional
	public Proposal assign(UUID id, Assignment a) {
		Actor user = requireRole(Role.ASSESSOR);
		Proposal p = visible(id, user);
		List<UUID> assisting = distinct(a.assistingUnitIds());
		List<UUID> separate = distinct(a.unitIds());
		List<FieldProblem> problems = new ArrayList<>();
		if (a.mode() == null) {
			problems.add(new FieldProblem("mode", "proposal.mode.required"));
		}
		boolean several = a.mode() == AssignmentMode.SEPARATE && !separate.isEmpty();
		RegionCode region = new RegionCode(p.getRegionCode());
		if (several ? a.leadUnitId() != null && !allAnswer(region, List.of(a.leadUnitId()))
				: a.leadUnitId() == null || !allAnswer(region, List.of(a.leadUnitId()))) {
			problems.add(new FieldProblem("leadUnitId", "proposal.unit.missing"));
		}
		if (!allAnswer(region, assisting)) {
			problems.add(new FieldProblem("assistingUnitIds", "proposal.unit.missing"));
		}
		else if (a.mode() == AssignmentMode.SEPARATE && !assisting.isEmpty()) {
			problems.add(new FieldProblem("assistingUnitIds", "proposal.assign.separate-alone"));
		}
		if (!allAnswer(region, separate)) {
			problems.add(new FieldProblem("unitIds", "proposal.unit.missing"));
		}
		else if (a.mode() == AssignmentMode.LEAD && !separate.isEmpty()) {
			problems.add(new FieldProblem("unitIds", "proposal.assign.units-separate-only"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		if (several && a.leadUnitId() != null) {
			separate.add(0, a.leadUnitId());
			separate = distinct(separate);
		}
		assign(p, a.mode(), several ? separate : List.of(a.leadUnitId()), assisting, user.username());
		return save(p);
	}

	/**
	 * Assigns one proposal (also from the bulk sheet): to its one unit (with any assisting units), or SEPARATE to each
	 * of several units, with the deadlines of the day.
	 */
	void assign(Proposal p, AssignmentMode mode, List<UUID> unitIds, List<UUID> assisting, String actor) {
		Instant now = clock.instant();
		Instant deadline = deadlines.reply(now);
		if (unitIds.size() > 1) {
			p.assignSeparately(unitIds, deadline, deadlines.stepAt(deadline, 1), actor, now);
		}
		else {
			p.assign(mode, unitIds.get(0), assisting, deadline, deadlines.stepAt(deadline, 1), deadlines.assistingView(now),
					actor, now);
		}
	}

	/**
	 * Whether every unit exists for the caller (who sees the units of their scope only) and may answer a record of
	 * this region: a unit of its line, not of a sibling county.
	 */
	private boolean allAnswer(RegionCode region, List<UUID> ids) {
		return ids.stream().allMatch(java.util.Objects::nonNull) && units.findAll(new java.util.HashSet<>(ids)).stream()
			.filter(u -> region.onLineWith(u.regionCode()))
			.count() == ids.size();
	}

	private static List<UUID> distinct(List<UUID> ids) {
		return ids == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(ids));
	}

	// --- handling (办), by the lead unit

	@Transactional
	public Proposal accept(UUID id) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = heldByCallersUnit(id, user);
		p.accept(user.unitId(), user.username(), clock.instant());
		return save(p);
	}

	@Transactional
	public Proposal returnForReassignment(UUID id, String reason) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = heldByCallersUnit(id, user);
		Instant now = clock.instant();
		String why = Text.required("reason", reason, 1000);
		Instant assignedAt = p.handlingOf(user.unitId()).getAssignedAt();
		p.returnForReassignment(user.unitId(), why, assignedAt == null ? now : deadlines.returnWindowEnd(assignedAt),
				user.username(), now);
		return save(p);
	}

	@Transactional
	public Proposal recordContact(UUID id, ContactMethod method, String note) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = heldByCallersUnit(id, user);
		if (method == null) {
			throw LianluoException.invalidField("method", "proposal.contact.method.required");
		}
		p.recordContact(user.unitId(), method, Text.optional("note", note, 2000), user.username(), clock.instant());
		return save(p);
	}

	/** An assisting unit's view (协办意见) for the lead unit, by one of its handlers, once per round. */
	@Transactional
	public Proposal recordAssistingView(UUID id, String text) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = proposals.findById(id).orElseThrow(LianluoException::notFound);
		// Outside assignment and handling no view is due: a unit of its region asking is out of order.
		if (p.getStatus() != ProposalStatus.ASSIGNED && p.getStatus() != ProposalStatus.HANDLING
				&& new Scope(user.regionCode(), null, null).covers(p.getRegionCode())) {
			throw p.notAllowedNow();
		}
		p = visible(id, user);
		if (user.unitId() == null || !p.getAssistingUnitIds().contains(user.unitId())) {
			throw LianluoException.forbidden();
		}
		String v = Text.blankToNull(text);
		if (v == null || v.length() < MIN_VIEW || v.length() > MAX_VIEW) {
			throw LianluoException.invalidField("text", "proposal.assisting-view.length", MIN_VIEW, MAX_VIEW);
		}
		p.recordAssistingView(user.unitId(), v, user.username(), clock.instant());
		return save(p);
	}

	@Transactional
	public Proposal requestExtension(UUID id, Integer months, String reason) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = heldByCallersUnit(id, user);
		if (months == null || months < 1 || months > Proposal.MAX_EXTENSION_MONTHS) {
			throw LianluoException.invalidField("months", "proposal.extension.months", Proposal.MAX_EXTENSION_MONTHS);
		}
		p.requestExtension(user.unitId(), months, Text.required("reason", reason, 1000), user.username(), clock.instant());
		return save(p);
	}

	@Transactional
	public Proposal decideExtension(UUID id, Boolean approve, String note) {
		return decideExtension(id, null, approve, note);
	}

	/** The office's decision on the extension a unit asked for; {@code unitId} names it when several reply separately. */
	@Transactional
	public Proposal decideExtension(UUID id, UUID unitId, Boolean approve, String note) {
		Actor user = requireRole(Role.ASSESSOR);
		Proposal p = visible(id, user);
		if (approve == null) {
			throw LianluoException.invalidField("approve", "proposal.approve.required");
		}
		int months = p.pendingExtensionMonths(unitId);
		Instant newDeadline = deadlines.extend(p.handlingOf(unitId).getDeadline(), months);
		p.decideExtension(unitId, approve, newDeadline, deadlines.stepAt(newDeadline, 1), Text.optional("note", note, 1000),
				user.username(), clock.instant());
		return save(p);
	}

	@Transactional
	public Proposal reply(UUID id, ReplyClass replyClass, String text, Boolean confirmedWithoutContact) {
		return reply(id, replyClass, text, confirmedWithoutContact, false);
	}

	/** The reply; {@code publish}: the reply may appear on the portal, without the deputy's or anyone's name. */
	@Transactional
	public Proposal reply(UUID id, ReplyClass replyClass, String text, Boolean confirmedWithoutContact, Boolean publish) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = heldByCallersUnit(id, user);
		if (replyClass == null) {
			throw LianluoException.invalidField("replyClass", "proposal.reply.class.required");
		}
		p.reply(user.unitId(), replyClass, Text.required("text", text, MAX_CONTENT), Boolean.TRUE.equals(confirmedWithoutContact),
				Boolean.TRUE.equals(publish), user.username(), clock.instant());
		Proposal saved = save(p);
		List<UUID> confirmed = saved.getCosigners().stream()
			.filter(c -> c.answer() == Proposal.CosignAnswer.CONFIRMED).map(Proposal.Cosigner::deputyId).toList();
		if (!confirmed.isEmpty()) {
			Handling replied = saved.handlingOf(user.unitId());
			events.publishEvent(new ProposalEvents.ProposalReplyCopied(saved.getId(), saved.getNumber(),
					replied.getReplyClass(), replied.getRehandlingCount(), confirmed,
					saved.getSeparateUnits().isEmpty() ? null : user.unitId()));
		}
		return saved;
	}

	/** A follow-up reply to a B or C reply, by the lead unit, when the matter is solved; the earlier reply stays. */
	@Transactional
	public Proposal followUp(UUID id, ReplyClass replyClass, String text) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = heldByCallersUnit(id, user);
		if (replyClass == null) {
			throw LianluoException.invalidField("replyClass", "proposal.reply.class.required");
		}
		p.followUp(user.unitId(), replyClass, Text.required("text", text, MAX_CONTENT), user.username(), clock.instant());
		return save(p);
	}

	/** The written notice to the deputy of an approved extension (延期告知), by the lead unit. */
	@Transactional
	public Proposal recordExtensionNotice(UUID id, String notice) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = heldByCallersUnit(id, user);
		p.recordExtensionNotice(user.unitId(), Text.required("notice", notice, 2000), user.username(), clock.instant());
		return save(p);
	}

	/** The signed reply document (答复函) as a PDF, checked by its content, by the lead unit. */
	@Transactional
	public Attachments.Attachment attachReplyDocument(UUID id, String filename, byte[] data) {
		Actor user = requireRole(Role.UNIT_HANDLER);
		Proposal p = heldByCallersUnit(id, user);
		if (data == null || data.length == 0) {
			throw LianluoException.invalidField("file", "proposal.document.empty");
		}
		if (data.length > MAX_DOCUMENT_BYTES) {
			throw LianluoException.of(HttpStatus.CONTENT_TOO_LARGE, "proposal.document.too-large",
					MAX_DOCUMENT_BYTES / 1024 / 1024);
		}
		if (!isPdf(data)) {
			throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "proposal.document.pdf");
		}
		Instant now = clock.instant();
		p.attachReplyDocument(user.unitId(), filename == null ? "" : filename, user.username(), now);
		save(p);
		return attachments.store(REPLY_DOCUMENT, p.replyDocumentOwner(user.unitId()), filename, data, user.username());
	}

	/** The signed reply documents of a proposal the caller may see, oldest first. */
	@Transactional(readOnly = true)
	public List<Attachments.Attachment> replyDocuments(UUID id) {
		return replyDocuments(visible(id, Actor.current()));
	}

	/**
	 * The signed reply documents of a proposal already read (a unit that just returned it no longer sees it), oldest
	 * first: its lead unit's, or each separately replying unit's, kept under the unit's part.
	 */
	public List<Attachments.Attachment> replyDocuments(Proposal p) {
		List<Attachments.Attachment> all = new ArrayList<>(attachments.of(REPLY_DOCUMENT, p.getId()));
		p.getSeparateUnits().forEach(s -> all.addAll(attachments.of(REPLY_DOCUMENT, s.getId())));
		all.sort(java.util.Comparator.comparing(Attachments.Attachment::createdAt));
		return all;
	}

	/** Whose signed reply document it is: the proposal's lead unit or a separately replying unit, or null. */
	public UUID replyDocumentUnit(Proposal p, Attachments.Attachment document) {
		return p.getSeparateUnits().stream().filter(s -> s.getId().equals(document.ownerId()))
			.map(Proposal.SeparateUnit::getUnitId).findFirst().orElse(p.getLeadUnitId());
	}

	/** One signed reply document of a proposal the caller may see, or 404. */
	@Transactional(readOnly = true)
	public Attachments.Attachment replyDocument(UUID id, UUID documentId) {
		Proposal p = visible(id, Actor.current());
		Set<UUID> owners = new java.util.HashSet<>(Set.of(id));
		p.getSeparateUnits().forEach(s -> owners.add(s.getId()));
		return attachments.find(documentId)
			.filter(a -> REPLY_DOCUMENT.equals(a.ownerType()) && owners.contains(a.ownerId()))
			.orElseThrow(LianluoException::notFound);
	}

	public byte[] replyDocumentContent(UUID documentId) {
		return attachments.content(documentId);
	}

	private static boolean isPdf(byte[] data) {
		byte[] magic = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		return data.length >= magic.length && java.util.Arrays.equals(java.util.Arrays.copyOf(data, magic.length), magic);
	}

	// --- evaluation (评), by the lead deputy

	@Transactional
	public Proposal evaluate(UUID id, Verdict grade, String comment) {
		return evaluate(id, null, grade, comment);
	}

	/** The lead deputy's rating of a reply; {@code unitId} names the unit when several reply separately. */
	@Transactional
	public Proposal evaluate(UUID id, UUID unitId, Verdict grade, String comment) {
		Actor user = requireRole(Role.DEPUTY);
		Proposal p = leadDeputyOnly(id, user);
		if (grade == null) {
			throw LianluoException.invalidField("grade", "proposal.grade.required");
		}
		Instant now = clock.instant();
		Instant rehandling = deadlines.rehandling(now);
		p.evaluate(unitId, grade, Text.optional("comment", comment, 1000), rehandling, deadlines.stepAt(rehandling, 1),
				user.username(), now);
		return save(p);
	}

	// --- key supervision (重点督办), by a leader

	@Transactional
	public Proposal putUnderKeySupervision(UUID id, String topic) {
		Actor user = requireRole(Role.LEADER);
		Proposal p = visible(id, user);
		p.putUnderKeySupervision(Text.required("topic", topic, 100), user.username(), clock.instant());
		return save(p);
	}

	// --- reads

	/** A proposal the caller may see, or 404. */
	@Transactional(readOnly = true)
	public Proposal get(UUID id) {
		return visible(id, Actor.current());
	}

	public List<ProposalTimelineEntry> timeline(UUID id) {
		return timeline.of(id);
	}

	Proposal save(Proposal p) {
		List<ProposalTimelineEntry> entries = p.takeNewEntries();
		Proposal saved = proposals.save(p);
		timeline.append(entries);
		Instant next = saved.nextSupervisionTime();
		if (next != null) {
			timers.set(saved.getId(), next);
		}
		else if (saved.getRegisteredAt() != null) {
			timers.cancel(saved.getId());
		}
		return saved;
	}

	/** Made between sessions (闭会期间) unless submitted while the session sits. */
	private static boolean betweenSessions(Session s, Instant now) {
		LocalDate day = now.atZone(WorkingCalendar.ZONE).toLocalDate();
		LocalDate closes = s.closesOn() == null ? s.opensOn() : s.closesOn();
		return day.isBefore(s.opensOn()) || day.isAfter(closes);
	}

	Proposal visible(UUID id, Actor user) {
		Proposal p = proposals.findById(id).orElseThrow(LianluoException::notFound);
		if (!ProposalQueries.canSee(user, p)) {
			throw LianluoException.notFound();
		}
		return p;
	}

	/** A draft the office entered on a deputy's behalf, which the office may submit for them. */
	private Proposal draftedByOffice(UUID id, Actor user) {
		// Submitting is the deputy's step unless the office entered the draft: refused as for any other staff first.
		if (proposals.findById(id).orElseThrow(LianluoException::notFound).getDraftedBy() == null) {
			throw LianluoException.forbidden();
		}
		return visible(id, user);
	}

	private Proposal leadDeputyOnly(UUID id, Actor user) {
		Proposal p = visible(id, user);
		if (user.deputyId() == null || !user.deputyId().equals(p.getLeadDeputyId())) {
			throw LianluoException.forbidden();
		}
		return p;
	}

	/** A step of the unit holding the proposal, or holding a part of it when several units reply separately. */
	private Proposal heldByCallersUnit(UUID id, Actor user) {
		Proposal p = proposals.findById(id).orElseThrow(LianluoException::notFound);
		// Before assignment and after a return no unit holds it: a step by a unit of its region is out of order.
		if (p.getHandlingUnitIds().isEmpty() && new Scope(user.regionCode(), null, null).covers(p.getRegionCode())) {
			throw p.notAllowedNow();
		}
		p = visible(id, user);
		if (user.unitId() == null || !p.getHandlingUnitIds().contains(user.unitId())) {
			throw LianluoException.forbidden();
		}
		return p;
	}

	private static Actor requireRole(Role role) {
		Actor user = Actor.current();
		if (!user.has(role)) {
			throw LianluoException.forbidden();
		}
		return user;
	}




	/** {@code POST /api/v1/proposals}. */
	public record Draft(UUID sessionId, String title, String content, List<UUID> coSignerIds) {
	}

	/**
	 * {@code /assign}: SEPARATE with one unit ({@code leadUnitId}), LEAD with assisting units, or SEPARATE with several
	 * units that each reply on their own: {@code unitIds}, to which a {@code leadUnitId} given as well is added first.
	 */
	public record Assignment(AssignmentMode mode, UUID leadUnitId, List<UUID> assistingUnitIds, List<UUID> unitIds) {

		public Assignment(AssignmentMode mode, UUID leadUnitId, List<UUID> assistingUnitIds) {
			this(mode, leadUnitId, assistingUnitIds, null);
		}
	}
}
