package org.lianluo.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.proposal.ProposalEvents.ProposalAssigned;
import org.lianluo.proposal.ProposalEvents.ProposalClosed;
import org.lianluo.proposal.ProposalEvents.ProposalRegistered;
import org.lianluo.proposal.ProposalEvents.ProposalReplied;
import org.lianluo.proposal.ProposalEvents.ProposalSupervised;
import org.lianluo.proposal.ProposalTimelineEntry.Kind;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A deputy's proposal and the loop it goes through. Every transition is a method that checks the current
 * state, changes it, writes its timeline entry and registers its event; an illegal one is a 409.
 *
 * <p>Assigned to one unit (SEPARATE with one unit, or LEAD with assisting units) the proposal's own state and
 * {@link Handling} are that unit's. Assigned SEPARATE to several units (分别办理), each unit handles its own part
 * ({@link SeparateUnit}): it accepts or returns it, records contacts, asks for an extension, replies, is rated and
 * re-handles on its own, each step checked against its part's state. The proposal's status then follows its parts
 * that were not returned: ASSIGNED while every part is; HANDLING while any part is still assigned or in its first
 * handling; else RE_HANDLING while any part re-handles; else REPLIED while any reply waits for its rating; CLOSED
 * when every part is closed. When every unit has returned its part the proposal is RETURNED, to be assigned anew.
 * Its own handling then summarises the parts (see {@link Handling#summarise}): it counts as replied, for
 * proposal-level figures such as the annual report's proposalsAnswered, only once every unit has replied.
 */
@Table("proposal")
public class Proposal extends AbstractAggregateRoot<Proposal> {

	/** One re-handling after an UNSATISFIED verdict; the verdict on the second reply closes it. */
	public static final int MAX_REHANDLINGS = 1;

	/** An extension adds at most this many months, once. */
	public static final int MAX_EXTENSION_MONTHS = 3;

	@Id
	private UUID id;

	private UUID sessionId;

	private String regionCode;

	private Integer number;

	private UUID opinionId;

	private ProposalStatus status;

	private String title;

	private String content;

	private UUID leadDeputyId;

	private Instant submittedAt;

	private boolean betweenSessions;

	private Instant registeredAt;

	private Instant assignmentDue;

	private String notRegisteredReason;

	private AssignmentMode mode;

	private UUID leadUnitId;

	@Embedded.Empty
	private Handling handling = new Handling();

	private boolean keySupervised;

	private String keyTopic;

	private String keyLeader;

	private boolean assignmentWarned;

	private String draftedBy;

	private Instant assistingViewsDue;

	private boolean assistingViewsWarned;

	@Version
	private Long version;

	private Instant createdAt;

	private Instant updatedAt;

	@MappedCollection(idColumn = "proposal_id")
	private Set<Cosigner> cosigners = new HashSet<>();

	@MappedCollection(idColumn = "proposal_id")
	private Set<AssistingUnit> assistingUnits = new HashSet<>();

	@MappedCollection(idColumn = "proposal_id")
	private Set<Contact> contacts = new HashSet<>();

	@MappedCollection(idColumn = "proposal_id")
	private Set<Reply> replies = new HashSet<>();

	@MappedCollection(idColumn = "proposal_id")
	private Set<AssistingView> assistingViews = new HashSet<>();

	@MappedCollection(idColumn = "proposal_id")
	private Set<SeparateUnit> separateUnits = new HashSet<>();

	@Transient
	private final List<ProposalTimelineEntry> newEntries = new ArrayList<>();

	Proposal() {
	}

	/** A new draft by its lead deputy for a session of a congress in {@code regionCode}. */
	public static Proposal draft(UUID sessionId, String regionCode, UUID leadDeputyId, String title, String content,
			Collection<UUID> cosignerIds, String actor, Instant now) {
		Proposal p = new Proposal();
		p.id = Ids.newId();
		p.sessionId = sessionId;
		p.regionCode = regionCode;
		p.leadDeputyId = leadDeputyId;
		p.title = title;
		p.content = content;
		p.status = ProposalStatus.DRAFT;
		cosignerIds.stream().filter(d -> !d.equals(leadDeputyId)).distinct()
			.forEach(d -> p.cosigners.add(new Cosigner(d, CosignAnswer.PENDING, null)));
		p.createdAt = now;
		p.updatedAt = now;
		p.newEntries.add(ProposalTimelineEntry.of(p.id, now, actor, Kind.TRANSITION, null, ProposalStatus.DRAFT, null, null));
		return p;
	}

	/** Marks a draft as entered by staff on the lead deputy's behalf; staff may then submit it for the deputy. */
	public void draftedOnBehalfBy(String staff) {
		require(ProposalStatus.DRAFT);
		draftedBy = staff;
	}

	/** Links the draft to the citizen's opinion it was made from. */
	public void drawnFrom(UUID opinion) {
		require(ProposalStatus.DRAFT);
		opinionId = opinion;
	}

	// --- drafting (提)

	public void edit(String newTitle, String newContent) {
		require(ProposalStatus.DRAFT);
		title = newTitle;
		content = newContent;
	}

	public void submit(boolean madeBetweenSessions, String actor, Instant now) {
		require(ProposalStatus.DRAFT);
		submittedAt = now;
		betweenSessions = madeBetweenSessions;
		move(ProposalStatus.SUBMITTED, actor, now, null);
	}

	public void withdraw(String actor, Instant now) {
		require(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
		move(ProposalStatus.WITHDRAWN, actor, now, null);
	}

	public void answerCosign(UUID deputyId, boolean confirm, String actor, Instant now) {
		require(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
		Cosigner c = cosigners.stream().filter(s -> s.deputyId().equals(deputyId)).findFirst()
			.orElseThrow(LianluoException::notFound);
		if (c.answer() != CosignAnswer.PENDING) {
			throw LianluoException.conflict("proposal.cosign.answered");
		}
		cosigners.remove(c);
		cosigners.add(new Cosigner(deputyId, confirm ? CosignAnswer.CONFIRMED : CosignAnswer.DECLINED, now));
		note(confirm ? Kind.COSIGN_CONFIRMED : Kind.COSIGN_DECLINED, actor, now, null);
	}

	// --- registration (立案)

	public void register(int sessionNumber, Instant dueForAssignment, String actor, Instant now) {
		require(ProposalStatus.SUBMITTED);
		number = sessionNumber;
		registeredAt = now;
		assignmentDue = betweenSessions ? dueForAssignment : null;
		handling.startSupervision(assignmentDue == null ? null : assignmentDue.plusMillis(1));
		move(ProposalStatus.REGISTERED, actor, now, String.format("第%03d号", sessionNumber));
		registerEvent(new ProposalRegistered(id, sessionId, sessionNumber));
	}

	public void refuseRegistration(String reason, String actor, Instant now) {
		require(ProposalStatus.SUBMITTED);
		notRegisteredReason = reason;
		handling.close(now);
		move(ProposalStatus.NOT_REGISTERED, actor, now, reason);
	}

	// --- assignment (交)

	public void assign(AssignmentMode newMode, UUID leadUnit, Collection<UUID> assisting, Instant newDeadline,
			Instant firstSupervision, String actor, Instant now) {
		assign(newMode, leadUnit, assisting, newDeadline, firstSupervision, null, actor, now);
	}

	/**
	 * The assignment to one unit; {@code viewsDue}: by when each assisting unit sends the lead unit its view (协办意见),
	 * if there are assisting units.
	 */
	public void assign(AssignmentMode newMode, UUID leadUnit, Collection<UUID> assisting, Instant newDeadline,
			Instant firstSupervision, Instant viewsDue, String actor, Instant now) {
		require(ProposalStatus.REGISTERED, ProposalStatus.RETURNED);
		clearAssignment();
		mode = newMode;
		leadUnitId = leadUnit;
		assisting.stream().filter(u -> !u.equals(leadUnit)).forEach(u -> assistingUnits.add(new AssistingUnit(u)));
		// kept to the microsecond the database stores, so that the end of a day stays on that day
		assistingViewsDue = assistingUnits.isEmpty() || viewsDue == null ? null
				: viewsDue.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		handling.start(now, newDeadline, firstSupervision);
		move(ProposalStatus.ASSIGNED, actor, now, null);
		registerEvent(new ProposalAssigned(id, leadUnit, newDeadline));
	}

	/** SEPARATE to several units (分别办理): each gets its own part with the same deadline, and replies on its own. */
	public void assignSeparately(List<UUID> unitIds, Instant newDeadline, Instant firstSupervision, String actor,
			Instant now) {
		require(ProposalStatus.REGISTERED, ProposalStatus.RETURNED);
		List<UUID> distinct = unitIds.stream().distinct().toList();
		if (distinct.size() < 2) {
			throw new IllegalArgumentException("separately to one unit is an assignment to that unit");
		}
		clearAssignment();
		mode = AssignmentMode.SEPARATE;
		handling.start(now, newDeadline, null);
		for (UUID unit : distinct) {
			SeparateUnit part = new SeparateUnit(Ids.newId(), unit, separateUnits.size());
			part.handling.start(now, newDeadline, firstSupervision);
			separateUnits.add(part);
			registerEvent(new ProposalAssigned(id, unit, newDeadline));
		}
		move(ProposalStatus.ASSIGNED, actor, now, null);
	}

	private void clearAssignment() {
		mode = null;
		leadUnitId = null;
		assistingUnits.clear();
		assistingViews.clear();
		assistingViewsDue = null;
		assistingViewsWarned = false;
		separateUnits.clear();
		handling.stop();
	}

	// --- handling (办), each step by the unit named: the lead unit, or a unit with its own part

	public void accept(UUID unit, String actor, Instant now) {
		Track t = heldBy(unit);
		t.require(ProposalStatus.ASSIGNED);
		t.move(ProposalStatus.HANDLING, actor, now, null);
	}

	/** The unit's track for a handling step; a unit that has not signed for its part yet signs by taking the step. */
	private Track handledBy(UUID unit, String actor, Instant now) {
		Track t = heldBy(unit);
		if (t.status() == ProposalStatus.ASSIGNED) {
			t.move(ProposalStatus.HANDLING, actor, now, null);
		}
		return t;
	}

	/** A wrongly assigned unit gives it back; a part returned leaves the others going, the last one returns it all. */
	public void returnForReassignment(UUID unit, String reason, Instant returnWindowEnd, String actor, Instant now) {
		Track t = heldBy(unit);
		t.require(ProposalStatus.ASSIGNED);
		if (now.isAfter(returnWindowEnd)) {
			throw LianluoException.conflict("proposal.return.too-late");
		}
		t.handling().stop();
		if (t.part != null && activeParts().size() > 1) {
			t.move(ProposalStatus.RETURNED, actor, now, reason);
			return;
		}
		clearAssignment();
		move(ProposalStatus.RETURNED, actor, now, reason);
	}

	public void recordContact(UUID unit, ContactMethod method, String contactNote, String actor, Instant now) {
		Track t = handledBy(unit, actor, now);
		t.require(ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING);
		contacts.add(new Contact(Ids.newId(), unit, method, contactNote, now, t.handling().getRehandlingCount()));
		t.note(Kind.CONTACT, actor, now, contactNote);
	}

	public void requestExtension(UUID unit, int months, String reason, String actor, Instant now) {
		Track t = handledBy(unit, actor, now);
		t.require(ProposalStatus.HANDLING);
		t.handling().requestExtension(months, reason);
		t.note(Kind.EXTENSION_REQUESTED, actor, now, months + ": " + reason);
	}

	/** The months the unit named (null: the lead unit) asked for; 409 when nothing waits for a decision. */
	public int pendingExtensionMonths(UUID unit) {
		Track t = named(unit);
		return t.handling().pendingExtensionMonths(t.status());
	}

	public void decideExtension(UUID unit, boolean approve, Instant newDeadline, Instant nextSupervision,
			String decisionNote, String actor, Instant now) {
		Track t = named(unit);
		int months = t.handling().pendingExtensionMonths(t.status());
		t.handling().decideExtension(approve, newDeadline, nextSupervision);
		t.note(approve ? Kind.EXTENSION_APPROVED : Kind.EXTENSION_DENIED, actor, now,
				months + (decisionNote == null ? "" : ": " + decisionNote));
		followParts(actor, now);
	}

	/**
	 * An assisting unit's view (协办意见) for the lead unit, once per round, while the proposal is assigned or being
	 * handled.
	 */
	public void recordAssistingView(UUID unitId, String text, String actor, Instant now) {
		require(ProposalStatus.ASSIGNED, ProposalStatus.HANDLING);
		if (!getAssistingUnitIds().contains(unitId)) {
			throw LianluoException.forbidden();
		}
		if (assistingViews.stream().anyMatch(v -> v.unitId().equals(unitId) && v.round() == getRehandlingCount())) {
			throw LianluoException.conflict("proposal.assisting-view.sent");
		}
		assistingViews.add(new AssistingView(Ids.newId(), unitId, text, now, actor, getRehandlingCount()));
		note(Kind.ASSISTING_VIEW, actor, now, text);
	}

	/** The assisting units whose view of this round the lead unit is still waiting for. */
	public Set<UUID> assistingViewsMissing() {
		Set<UUID> missing = new HashSet<>(getAssistingUnitIds());
		assistingViews.stream().filter(v -> v.round() == getRehandlingCount()).forEach(v -> missing.remove(v.unitId()));
		return missing;
	}

	/** When the sweep is to warn of late assisting views, or null when nothing is (or can be) late any more. */
	public Instant assistingViewsWarningAt() {
		if (assistingViewsDue == null || assistingViewsWarned
				|| (status != ProposalStatus.ASSIGNED && status != ProposalStatus.HANDLING) || assistingViewsMissing().isEmpty()) {
			return null;
		}
		return assistingViewsDue.plusMillis(1);
	}

	/**
	 * Once past the due date, warns each assisting unit whose view is missing, once: answers how many were warned.
	 * Marks the warning as done even when every view came in time, so that the sweep stops looking.
	 */
	public int warnAssistingViewsLate(Instant now, java.util.function.Function<UUID, String> unitName) {
		if (assistingViewsDue == null || assistingViewsWarned || !now.isAfter(assistingViewsDue)
				|| (status != ProposalStatus.ASSIGNED && status != ProposalStatus.HANDLING)) {
			return 0;
		}
		assistingViewsWarned = true;
		updatedAt = now;
		List<UUID> late = assistingViewsMissing().stream().sorted().toList();
		for (UUID unit : late) {
			note(Kind.ASSISTING_VIEW_LATE, "system", now, unitName.apply(unit));
			registerEvent(new ProposalEvents.AssistingViewOverdue(id, unit, number, assistingViewsDue, regionCode));
		}
		return late.size();
	}

	/** Whether the unit recorded a contact with the deputy in its current round of handling. */
	public boolean contactedThisRound(UUID unit) {
		int round = handlingOf(unit).getRehandlingCount();
		return unit != null && contacts.stream().anyMatch(c -> c.unitId().equals(unit) && c.round() == round);
	}

	/** The unit's reply; {@code publish}: it may appear on the portal (办理结果公开). */
	public void reply(UUID unit, ReplyClass newClass, String text, boolean withoutContactConfirmed, boolean publish,
			String actor, Instant now) {
		Track t = handledBy(unit, actor, now);
		t.require(ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING);
		boolean contacted = contactedThisRound(unit);
		if (!contacted && !withoutContactConfirmed) {
			throw LianluoException.conflict("proposal.reply.contact-first");
		}
		t.handling().reply(newClass, text, contacted, publish, now);
		int round = t.handling().getRehandlingCount();
		replies.add(new Reply(Ids.newId(), ReplyKind.REPLY, newClass, text, now, actor, round, unit));
		t.move(ProposalStatus.REPLIED, actor, now, newClass.name() + (contacted ? "" : " (no contact)"));
		registerEvent(new ProposalReplied(id, leadDeputyId, newClass, t.partUnit(), round));
	}

	/**
	 * A follow-up reply to a B or C reply once the matter is solved (or now planned): the new class must be better
	 * than the last, the earlier replies stay in the history.
	 */
	public void followUp(UUID unit, ReplyClass newClass, String text, String actor, Instant now) {
		Track t = heldBy(unit);
		t.require(ProposalStatus.REPLIED, ProposalStatus.CLOSED);
		ReplyClass before = t.handling().followUp(newClass, text);
		replies.add(new Reply(Ids.newId(), ReplyKind.FOLLOW_UP, newClass, text, now, actor,
				t.handling().getRehandlingCount(), unit));
		t.note(Kind.FOLLOW_UP, actor, now, before.name() + " → " + newClass.name());
		followParts(actor, now);
		registerEvent(new ProposalEvents.ProposalStatusChanged(id, status));
	}

	/** The written notice to the deputy that the deadline was extended, once the extension is approved. */
	public void recordExtensionNotice(UUID unit, String notice, String actor, Instant now) {
		Track t = heldBy(unit);
		t.require(ProposalStatus.HANDLING);
		t.handling().recordExtensionNotice(notice, now);
		t.note(Kind.EXTENSION_NOTICE, actor, now, notice);
	}

	/** The signed reply document (答复函) was uploaded; the file itself is kept with the attachments. */
	public void attachReplyDocument(UUID unit, String filename, String actor, Instant now) {
		Track t = heldBy(unit);
		t.require(ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING, ProposalStatus.REPLIED, ProposalStatus.CLOSED);
		t.note(Kind.REPLY_DOCUMENT, actor, now, filename);
	}

	/** Whom the unit's signed reply documents belong to among the attachments: its part, or the proposal. */
	public UUID replyDocumentOwner(UUID unit) {
		Track t = heldBy(unit);
		return t.part == null ? id : t.part.id;
	}

	/** An approved extension of the unit's whose written notice to the deputy is still to be recorded. */
	public boolean extensionNoticeMissing(UUID unit) {
		Track t = find(unit);
		return t != null && t.handling().isExtended() && t.handling().getExtensionNotice() == null
				&& t.status() == ProposalStatus.HANDLING;
	}

	// --- evaluation (评)

	/** The lead deputy's rating of the reply of the unit named (null: the lead unit's). */
	public void evaluate(UUID unit, Verdict verdict, String comment, Instant rehandlingDeadline,
			Instant rehandlingSupervision, String actor, Instant now) {
		Track t = named(unit);
		t.require(ProposalStatus.REPLIED);
		String what = verdict.name() + (comment == null ? "" : ": " + comment);
		if (t.handling().rate(verdict, comment, now, rehandlingDeadline, rehandlingSupervision)) {
			t.move(ProposalStatus.RE_HANDLING, actor, now, what);
			return;
		}
		t.move(ProposalStatus.CLOSED, actor, now, what);
		if (t.part == null) {
			registerEvent(new ProposalClosed(id, verdict));
		}
	}

	// --- supervision (督)

	public void putUnderKeySupervision(String topic, String leader, Instant now) {
		if (status == ProposalStatus.DRAFT || status == ProposalStatus.SUBMITTED || status == ProposalStatus.WITHDRAWN
				|| status == ProposalStatus.NOT_REGISTERED || status == ProposalStatus.CLOSED) {
			throw notAllowedNow();
		}
		if (keySupervised) {
			throw LianluoException.conflict("proposal.key.already");
		}
		keySupervised = true;
		keyTopic = topic;
		keyLeader = leader;
		note(Kind.KEY_SUPERVISION, leader, now, topic);
	}

	/** Warns once that a proposal made between sessions was not assigned within 5 working days. */
	public boolean warnAssignmentLate(Instant now) {
		if (!status.awaitsAssignment() || assignmentWarned || assignmentDue == null || !now.isAfter(assignmentDue)) {
			return false;
		}
		assignmentWarned = true;
		handling.startSupervision(null);
		note(Kind.ASSIGNMENT_LATE, "system", now, null);
		registerEvent(new ProposalSupervised(id, null, 0, regionCode));
		return true;
	}

	/**
	 * Takes every supervision step due by {@code now} of each unit's deadline, the lead unit's or each separately
	 * replying unit's; {@code nextStep} gives when the step after a level falls due for a deadline. Answers the
	 * steps taken.
	 */
	public int superviseDue(Instant now, java.util.function.BiFunction<Instant, Integer, Instant> nextStep) {
		int steps = 0;
		List<Track> tracks = separateUnits.isEmpty() ? List.of(new Track(null))
				: activeParts().stream().map(Track::new).toList();
		for (Track t : tracks) {
			Handling h = t.handling();
			while (t.status().isHandling() && h.getNextSupervisionAt() != null && !h.getNextSupervisionAt().isAfter(now)
					&& h.getSupervisionLevel() < ProposalDeadlines.MAX_LEVEL) {
				int level = h.getSupervisionLevel() + 1;
				h.supervise(level, nextStep.apply(h.getDeadline(), level));
				t.note(Kind.SUPERVISION, "system", now, String.valueOf(level));
				registerEvent(new ProposalSupervised(id, t.unit(), level, regionCode));
				steps++;
			}
		}
		if (steps > 0) {
			followParts("system", now);
		}
		return steps;
	}

	/** The next time the sweep has something to do for this proposal, or null. */
	public Instant nextSupervisionTime() {
		Stream<Instant> deadlines = separateUnits.isEmpty() ? Stream.of(handling.getNextSupervisionAt())
				: activeParts().stream().filter(u -> u.status.isHandling()).map(u -> u.handling.getNextSupervisionAt());
		return Stream.concat(deadlines, Stream.of(assistingViewsWarningAt())).filter(Objects::nonNull)
			.min(Comparator.naturalOrder()).orElse(null);
	}

	private void require(ProposalStatus... allowed) {
		requireOf(status, allowed);
	}

	private static void requireOf(ProposalStatus current, ProposalStatus... allowed) {
		if (!List.of(allowed).contains(current)) {
			throw notAllowedNow(current);
		}
	}

	/** The 409 of a step the current state does not allow. */
	public LianluoException notAllowedNow() {
		return notAllowedNow(status);
	}

	private static LianluoException notAllowedNow(ProposalStatus current) {
		return LianluoException.conflict("proposal.transition.not-allowed",
				new DefaultMessageSourceResolvable("proposal.status." + current));
	}

	private void move(ProposalStatus to, String actor, Instant now, String note) {
		newEntries.add(ProposalTimelineEntry.of(id, now, actor, Kind.TRANSITION, status, to, note, null));
		status = to;
		updatedAt = now;
		registerEvent(new ProposalEvents.ProposalStatusChanged(id, to));
	}

	private void note(Kind kind, String actor, Instant now, String note) {
		newEntries.add(ProposalTimelineEntry.of(id, now, actor, kind, status, status, note, null));
		updatedAt = now;
	}

	// --- the units' parts

	/** The units holding the proposal now: its lead unit, or the separately replying units that did not return it. */
	public Set<UUID> getHandlingUnitIds() {
		Set<UUID> held = new HashSet<>();
		if (leadUnitId != null) {
			held.add(leadUnitId);
		}
		activeParts().forEach(s -> held.add(s.unitId));
		return held;
	}

	/** The handling of a unit holding the proposal (403 for any other): its part's, or the proposal's own. */
	public Handling handlingOf(UUID unit) {
		Track t = find(unit);
		return t == null ? handling : t.handling();
	}

	private List<SeparateUnit> activeParts() {
		return separateUnits.stream().filter(s -> s.status != ProposalStatus.RETURNED)
			.sorted(Comparator.comparingInt(s -> s.position)).toList();
	}

	/** The unit's track, or null when it holds no part of the proposal. */
	private Track find(UUID unit) {
		if (separateUnits.isEmpty()) {
			return unit == null || unit.equals(leadUnitId) ? new Track(null) : null;
		}
		return activeParts().stream().filter(s -> s.unitId.equals(unit)).findFirst().map(Track::new).orElse(null);
	}

	/** A step of a unit handler: refused (403) unless the unit holds the proposal or a part of it. */
	private Track heldBy(UUID unit) {
		Track t = unit == null ? null : find(unit);
		if (t == null) {
			throw LianluoException.forbidden();
		}
		return t;
	}

	/** A step of the office or the deputy on one unit's part: which one must be said when there are several. */
	private Track named(UUID unit) {
		if (separateUnits.isEmpty()) {
			return new Track(null);
		}
		if (unit == null) {
			throw LianluoException.invalidField("unitId", "proposal.unit.required");
		}
		Track t = find(unit);
		if (t == null) {
			throw LianluoException.invalidField("unitId", "proposal.unit.not-separate");
		}
		return t;
	}

	/** After a part moved: the proposal's status and own handling follow its parts (see the class's Javadoc). */
	private void followParts(String actor, Instant now) {
		if (separateUnits.isEmpty()) {
			return;
		}
		List<SeparateUnit> active = activeParts();
		handling.summarise(active.stream().map(s -> s.handling).toList(),
				active.stream().filter(s -> s.status.isHandling()).map(s -> s.handling).toList());
		ProposalStatus overall = overall(active.stream().map(s -> s.status).toList());
		if (overall != status) {
			move(overall, actor, now, null);
			if (overall == ProposalStatus.CLOSED) {
				handling.close(now);
				registerEvent(new ProposalClosed(id, handling.getGrade()));
			}
		}
	}

	private static ProposalStatus overall(List<ProposalStatus> parts) {
		if (parts.stream().allMatch(s -> s == ProposalStatus.ASSIGNED)) {
			return ProposalStatus.ASSIGNED;
		}
		for (ProposalStatus s : List.of(ProposalStatus.ASSIGNED, ProposalStatus.HANDLING)) {
			if (parts.contains(s)) {
				return ProposalStatus.HANDLING;
			}
		}
		for (ProposalStatus s : List.of(ProposalStatus.RE_HANDLING, ProposalStatus.REPLIED)) {
			if (parts.contains(s)) {
				return s;
			}
		}
		return ProposalStatus.CLOSED;
	}

	/** One unit's handling: the proposal's own (its lead unit's), or a separately replying unit's part. */
	private final class Track {

		private final SeparateUnit part;

		Track(SeparateUnit part) {
			this.part = part;
		}

		Handling handling() {
			return part == null ? handling : part.handling;
		}

		ProposalStatus status() {
			return part == null ? status : part.status;
		}

		UUID unit() {
			return part == null ? leadUnitId : part.unitId;
		}

		/** The unit of a part, null for the proposal's own handling. */
		UUID partUnit() {
			return part == null ? null : part.unitId;
		}

		void require(ProposalStatus... allowed) {
			if (part != null && !List.of(allowed).contains(part.status)) {
				throw LianluoException.conflict("proposal.separate-unit.not-allowed",
						new DefaultMessageSourceResolvable("proposal.status." + part.status));
			}
			requireOf(status(), allowed);
		}

		void move(ProposalStatus to, String actor, Instant now, String note) {
			if (part == null) {
				Proposal.this.move(to, actor, now, note);
				return;
			}
			newEntries.add(ProposalTimelineEntry.of(id, now, actor, Kind.UNIT_TRANSITION, part.status, to, note, part.unitId));
			part.status = to;
			updatedAt = now;
			followParts(actor, now);
		}

		void note(Kind kind, String actor, Instant now, String note) {
			newEntries.add(ProposalTimelineEntry.of(id, now, actor, kind, status(), status(), note, partUnit()));
			updatedAt = now;
		}
	}

	/** The timeline entries made since the proposal was loaded; the repository writes them with it. */
	public List<ProposalTimelineEntry> takeNewEntries() {
		List<ProposalTimelineEntry> taken = List.copyOf(newEntries);
		newEntries.clear();
		return taken;
	}

	/** A co-signer's answer to the lead deputy's request. */
	public enum CosignAnswer {
		PENDING, CONFIRMED, DECLINED
	}

	/** A co-signing deputy (附议代表). */
	@Table("proposal_cosigner")
	public record Cosigner(UUID deputyId, CosignAnswer answer, Instant answeredAt) {
	}

	/** An assisting unit (协办). */
	@Table("proposal_assisting_unit")
	public record AssistingUnit(UUID unitId) {
	}

	/** A reply of a round of handling, or a follow-up reply to a B or C one. */
	public enum ReplyKind {
		REPLY, FOLLOW_UP
	}

	/** One reply in the proposal's history of replies. */
	@Table("proposal_reply")
	public record Reply(UUID id, ReplyKind kind, ReplyClass replyClass, String text, Instant at, String actor, int round,
			UUID unitId) {
	}

	/**
	 * A unit's own part of a proposal assigned SEPARATE to several units (分别办理): its state and its handling, as
	 * the proposal's own for a single unit.
	 */
	@Table("proposal_separate_unit")
	public static class SeparateUnit {

		private UUID id;

		private UUID unitId;

		private int position;

		private ProposalStatus status;

		@Embedded.Empty
		private Handling handling = new Handling();

		SeparateUnit() {
		}

		SeparateUnit(UUID id, UUID unitId, int position) {
			this.id = id;
			this.unitId = unitId;
			this.position = position;
			this.status = ProposalStatus.ASSIGNED;
		}

		public UUID getId() { return id; }
		public UUID getUnitId() { return unitId; }
		public ProposalStatus getStatus() { return status; }
		public Handling getHandling() { return handling; }
	}

	/** An assisting unit's view (协办意见) for the lead unit in a round of handling. */
	@Table("proposal_assisting_view")
	public record AssistingView(UUID id, UUID unitId, String text, Instant at, String actor, int round) {
	}

	/** A unit's contact with the deputy in a round of handling (0 first, 1 re-handling). */
	@Table("proposal_contact")
	public record Contact(UUID id, UUID unitId, ContactMethod method, String note, Instant at, int round) {
	}

	public UUID getId() { return id; }
	public UUID getSessionId() { return sessionId; }
	public UUID getOpinionId() { return opinionId; }
	public String getRegionCode() { return regionCode; }
	public Integer getNumber() { return number; }
	public ProposalStatus getStatus() { return status; }
	public String getTitle() { return title; }
	public String getContent() { return content; }
	public UUID getLeadDeputyId() { return leadDeputyId; }
	public Instant getSubmittedAt() { return submittedAt; }
	public boolean isBetweenSessions() { return betweenSessions; }
	public Instant getRegisteredAt() { return registeredAt; }
	public Instant getAssignmentDue() { return assignmentDue; }
	public String getNotRegisteredReason() { return notRegisteredReason; }
	public AssignmentMode getMode() { return mode; }
	public UUID getLeadUnitId() { return leadUnitId; }
	public Instant getAssignedAt() { return handling.getAssignedAt(); }
	public Instant getDeadline() { return handling.getDeadline(); }
	public Integer getExtensionMonths() { return handling.getExtensionMonths(); }
	public String getExtensionReason() { return handling.getExtensionReason(); }
	public boolean isExtended() { return handling.isExtended(); }
	public ReplyClass getReplyClass() { return handling.getReplyClass(); }
	public String getReplyText() { return handling.getReplyText(); }
	public Instant getRepliedAt() { return handling.getRepliedAt(); }
	public boolean isRepliedWithoutContact() { return handling.isRepliedWithoutContact(); }
	public Boolean getRepliedOnTime() { return handling.getRepliedOnTime(); }
	public Verdict getGrade() { return handling.getGrade(); }
	public String getGradeComment() { return handling.getGradeComment(); }
	public Instant getRatedAt() { return handling.getRatedAt(); }
	public int getRehandlingCount() { return handling.getRehandlingCount(); }
	public Instant getClosedAt() { return handling.getClosedAt(); }
	public boolean isKeySupervised() { return keySupervised; }
	public String getKeyTopic() { return keyTopic; }
	public String getKeyLeader() { return keyLeader; }
	public int getSupervisionLevel() { return handling.getSupervisionLevel(); }
	public Instant getNextSupervisionAt() { return handling.getNextSupervisionAt(); }
	public boolean isAssignmentWarned() { return assignmentWarned; }
	public Long getVersion() { return version; }
	public boolean isReplyPublic() { return handling.isReplyPublic(); }
	public String getDraftedBy() { return draftedBy; }
	public String getExtensionNotice() { return handling.getExtensionNotice(); }
	public Instant getExtensionNoticedAt() { return handling.getExtensionNoticedAt(); }
	public Instant getAssistingViewsDue() { return assistingViewsDue; }
	public boolean isAssistingViewsWarned() { return assistingViewsWarned; }
	public List<AssistingView> getAssistingViews() { return assistingViews.stream().sorted(Comparator.comparing(AssistingView::at)).toList(); }
	public List<Reply> getReplies() { return replies.stream().sorted(Comparator.comparing(Reply::at).thenComparing(Reply::kind)).toList(); }
	public Set<UUID> getAssistingUnitIds() { return assistingUnits.stream().map(AssistingUnit::unitId).collect(java.util.stream.Collectors.toSet()); }
	public List<Cosigner> getCosigners() { return cosigners.stream().sorted(Comparator.comparing(c -> c.deputyId().toString())).toList(); }
	public List<Contact> getContacts() { return contacts.stream().sorted(Comparator.comparing(Contact::at)).toList(); }
	public List<SeparateUnit> getSeparateUnits() { return separateUnits.stream().sorted(Comparator.comparingInt(u -> u.position)).toList(); }
	public Set<UUID> getCosignerIds() { return cosigners.stream().map(Cosigner::deputyId).collect(java.util.stream.Collectors.toSet()); }
}
