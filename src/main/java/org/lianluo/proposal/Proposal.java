package org.lianluo.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A deputy's proposal and the loop it goes through. Every transition is a method that checks the current
 * state, changes it, writes its timeline entry and registers its event; an illegal one is a 409.
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

	private Instant assignedAt;

	private Instant deadline;

	private Integer extensionMonths;

	private String extensionReason;

	private boolean extended;

	private ReplyClass replyClass;

	private String replyText;

	private Instant repliedAt;

	private boolean repliedWithoutContact;

	private Boolean repliedOnTime;

	private Verdict grade;

	private String gradeComment;

	private Instant ratedAt;

	private int rehandlingCount;

	private Instant closedAt;

	private boolean keySupervised;

	private String keyTopic;

	private String keyLeader;

	private int supervisionLevel;

	private Instant nextSupervisionAt;

	private boolean assignmentWarned;

	private boolean replyPublic;

	private String draftedBy;

	private String extensionNotice;

	private Instant extensionNoticedAt;

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
		p.newEntries.add(ProposalTimelineEntry.of(p.id, now, actor, Kind.TRANSITION, null, ProposalStatus.DRAFT, null));
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
		nextSupervisionAt = assignmentDue == null ? null : assignmentDue.plusMillis(1);
		move(ProposalStatus.REGISTERED, actor, now, String.format("第%03d号", sessionNumber));
		registerEvent(new ProposalRegistered(id, sessionId, sessionNumber));
	}

	public void refuseRegistration(String reason, String actor, Instant now) {
		require(ProposalStatus.SUBMITTED);
		notRegisteredReason = reason;
		closedAt = now;
		move(ProposalStatus.NOT_REGISTERED, actor, now, reason);
	}

	// --- assignment (交)

	public void assign(AssignmentMode newMode, UUID leadUnit, Collection<UUID> assisting, Instant newDeadline,
			Instant firstSupervision, String actor, Instant now) {
		assign(newMode, leadUnit, assisting, newDeadline, firstSupervision, null, actor, now);
	}

	/**
	 * The assignment; {@code viewsDue}: by when each assisting unit sends the lead unit its view (协办意见), if there
	 * are assisting units.
	 */
	public void assign(AssignmentMode newMode, UUID leadUnit, Collection<UUID> assisting, Instant newDeadline,
			Instant firstSupervision, Instant viewsDue, String actor, Instant now) {
		require(ProposalStatus.REGISTERED, ProposalStatus.RETURNED);
		mode = newMode;
		leadUnitId = leadUnit;
		assistingUnits.clear();
		assisting.stream().filter(u -> !u.equals(leadUnit)).forEach(u -> assistingUnits.add(new AssistingUnit(u)));
		assistingViews.clear();
		// kept to the microsecond the database stores, so that the end of a day stays on that day
		assistingViewsDue = assistingUnits.isEmpty() || viewsDue == null ? null
				: viewsDue.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		assistingViewsWarned = false;
		assignedAt = now;
		deadline = newDeadline;
		extended = false;
		extensionMonths = null;
		extensionReason = null;
		startSupervision(firstSupervision);
		move(ProposalStatus.ASSIGNED, actor, now, null);
		registerEvent(new ProposalAssigned(id, leadUnit, newDeadline));
	}

	// --- handling (办)

	public void accept(String actor, Instant now) {
		require(ProposalStatus.ASSIGNED);
		move(ProposalStatus.HANDLING, actor, now, null);
	}

	public void returnForReassignment(String reason, Instant returnWindowEnd, String actor, Instant now) {
		require(ProposalStatus.ASSIGNED);
		if (now.isAfter(returnWindowEnd)) {
			throw LianluoException.conflict("proposal.return.too-late");
		}
		leadUnitId = null;
		mode = null;
		assistingUnits.clear();
		assistingViews.clear();
		assistingViewsDue = null;
		assignedAt = null;
		deadline = null;
		nextSupervisionAt = null;
		supervisionLevel = 0;
		move(ProposalStatus.RETURNED, actor, now, reason);
	}

	public void recordContact(UUID unitId, ContactMethod method, String contactNote, String actor, Instant now) {
		require(ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING);
		contacts.add(new Contact(Ids.newId(), unitId, method, contactNote, now, rehandlingCount));
		note(Kind.CONTACT, actor, now, contactNote);
	}

	public void requestExtension(int months, String reason, String actor, Instant now) {
		require(ProposalStatus.HANDLING);
		if (extended) {
			throw LianluoException.conflict("proposal.extension.used");
		}
		if (extensionMonths != null) {
			throw LianluoException.conflict("proposal.extension.pending");
		}
		extensionMonths = months;
		extensionReason = reason;
		note(Kind.EXTENSION_REQUESTED, actor, now, months + ": " + reason);
	}

	public int pendingExtensionMonths() {
		if (extensionMonths == null || status != ProposalStatus.HANDLING) {
			throw LianluoException.conflict("proposal.extension.none");
		}
		return extensionMonths;
	}

	public void decideExtension(boolean approve, Instant newDeadline, Instant nextSupervision, String decisionNote,
			String actor, Instant now) {
		int months = pendingExtensionMonths();
		if (approve) {
			deadline = newDeadline;
			extended = true;
			startSupervision(nextSupervision);
		}
		extensionMonths = null;
		extensionReason = null;
		note(approve ? Kind.EXTENSION_APPROVED : Kind.EXTENSION_DENIED, actor, now,
				months + (decisionNote == null ? "" : ": " + decisionNote));
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
		if (assistingViews.stream().anyMatch(v -> v.unitId().equals(unitId) && v.round() == rehandlingCount)) {
			throw LianluoException.conflict("proposal.assisting-view.sent");
		}
		assistingViews.add(new AssistingView(Ids.newId(), unitId, text, now, actor, rehandlingCount));
		note(Kind.ASSISTING_VIEW, actor, now, text);
	}

	/** The assisting units whose view of this round the lead unit is still waiting for. */
	public Set<UUID> assistingViewsMissing() {
		Set<UUID> missing = new HashSet<>(getAssistingUnitIds());
		assistingViews.stream().filter(v -> v.round() == rehandlingCount).forEach(v -> missing.remove(v.unitId()));
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

	/** Whether the lead unit recorded a contact with the deputy in this round of handling. */
	public boolean contactedThisRound() {
		return contacts.stream().anyMatch(c -> c.unitId().equals(leadUnitId) && c.round() == rehandlingCount);
	}

	public void reply(ReplyClass newClass, String text, boolean withoutContactConfirmed, String actor, Instant now) {
		reply(newClass, text, withoutContactConfirmed, false, actor, now);
	}

	/** The lead unit's reply; {@code publish}: it may appear on the portal (办理结果公开). */
	public void reply(ReplyClass newClass, String text, boolean withoutContactConfirmed, boolean publish, String actor,
			Instant now) {
		require(ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING);
		boolean contacted = contactedThisRound();
		if (!contacted && !withoutContactConfirmed) {
			throw LianluoException.conflict("proposal.reply.contact-first");
		}
		replyClass = newClass;
		replyText = text;
		repliedAt = now;
		repliedWithoutContact = !contacted;
		repliedOnTime = deadline == null || !now.isAfter(deadline);
		replyPublic = publish;
		replies.add(new Reply(Ids.newId(), ReplyKind.REPLY, newClass, text, now, actor, rehandlingCount));
		extensionMonths = null;
		extensionReason = null;
		nextSupervisionAt = null;
		move(ProposalStatus.REPLIED, actor, now, newClass.name() + (contacted ? "" : " (no contact)"));
		registerEvent(new ProposalReplied(id, leadDeputyId, newClass));
	}

	/**
	 * A follow-up reply to a B or C reply once the matter is solved (or now planned): the new class must be better
	 * than the last, the earlier replies stay in the history.
	 */
	public void followUp(ReplyClass newClass, String text, String actor, Instant now) {
		require(ProposalStatus.REPLIED, ProposalStatus.CLOSED);
		if (replyClass != ReplyClass.B && replyClass != ReplyClass.C) {
			throw LianluoException.conflict("proposal.follow-up.not-needed");
		}
		if (newClass == ReplyClass.D || newClass.ordinal() >= replyClass.ordinal()) {
			throw LianluoException.invalidField("replyClass", "proposal.follow-up.class");
		}
		String before = replyClass.name();
		replyClass = newClass;
		replyText = text;
		replies.add(new Reply(Ids.newId(), ReplyKind.FOLLOW_UP, newClass, text, now, actor, rehandlingCount));
		note(Kind.FOLLOW_UP, actor, now, before + " → " + newClass.name());
		registerEvent(new ProposalEvents.ProposalStatusChanged(id, status));
	}

	/** The written notice to the deputy that the deadline was extended, once the extension is approved. */
	public void recordExtensionNotice(String notice, String actor, Instant now) {
		require(ProposalStatus.HANDLING);
		if (!extended) {
			throw LianluoException.conflict("proposal.extension.notice-without-extension");
		}
		if (extensionNotice != null) {
			throw LianluoException.conflict("proposal.extension.notice-recorded");
		}
		extensionNotice = notice;
		extensionNoticedAt = now;
		note(Kind.EXTENSION_NOTICE, actor, now, notice);
	}

	/** The signed reply document (答复函) was uploaded; the file itself is kept with the attachments. */
	public void attachReplyDocument(String filename, String actor, Instant now) {
		require(ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING, ProposalStatus.REPLIED, ProposalStatus.CLOSED);
		note(Kind.REPLY_DOCUMENT, actor, now, filename);
	}

	/** An approved extension whose written notice to the deputy is still to be recorded. */
	public boolean extensionNoticeMissing() {
		return extended && extensionNotice == null && status == ProposalStatus.HANDLING;
	}

	// --- evaluation (评)

	public void evaluate(Verdict verdict, String comment, Instant rehandlingDeadline, Instant rehandlingSupervision,
			String actor, Instant now) {
		require(ProposalStatus.REPLIED);
		grade = verdict;
		gradeComment = comment;
		ratedAt = now;
		String what = verdict.name() + (comment == null ? "" : ": " + comment);
		if (verdict == Verdict.UNSATISFIED && rehandlingCount < MAX_REHANDLINGS) {
			rehandlingCount++;
			deadline = rehandlingDeadline;
			startSupervision(rehandlingSupervision);
			move(ProposalStatus.RE_HANDLING, actor, now, what);
			return;
		}
		closedAt = now;
		move(ProposalStatus.CLOSED, actor, now, what);
		registerEvent(new ProposalClosed(id, verdict));
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
		nextSupervisionAt = null;
		note(Kind.ASSIGNMENT_LATE, "system", now, null);
		registerEvent(new ProposalSupervised(id, null, 0, regionCode));
		return true;
	}

	/** Supervision steps only go up, each once. */
	public boolean supervise(int level, Instant next, Instant now) {
		if (!status.isHandling() || level <= supervisionLevel) {
			return false;
		}
		supervisionLevel = level;
		nextSupervisionAt = next;
		note(Kind.SUPERVISION, "system", now, String.valueOf(level));
		registerEvent(new ProposalSupervised(id, leadUnitId, level, regionCode));
		return true;
	}

	private void startSupervision(Instant first) {
		supervisionLevel = 0;
		nextSupervisionAt = first;
	}

	private void require(ProposalStatus... allowed) {
		for (ProposalStatus s : allowed) {
			if (status == s) {
				return;
			}
		}
		throw notAllowedNow();
	}

	/** The 409 of a step the current state does not allow. */
	public LianluoException notAllowedNow() {
		return LianluoException.conflict("proposal.transition.not-allowed",
				new DefaultMessageSourceResolvable("proposal.status." + status));
	}

	private void move(ProposalStatus to, String actor, Instant now, String note) {
		newEntries.add(ProposalTimelineEntry.of(id, now, actor, Kind.TRANSITION, status, to, note));
		status = to;
		updatedAt = now;
		registerEvent(new ProposalEvents.ProposalStatusChanged(id, to));
	}

	private void note(Kind kind, String actor, Instant now, String note) {
		newEntries.add(ProposalTimelineEntry.of(id, now, actor, kind, status, status, note));
		updatedAt = now;
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
	public record Reply(UUID id, ReplyKind kind, ReplyClass replyClass, String text, Instant at, String actor, int round) {
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
	public Instant getAssignedAt() { return assignedAt; }
	public Instant getDeadline() { return deadline; }
	public Integer getExtensionMonths() { return extensionMonths; }
	public String getExtensionReason() { return extensionReason; }
	public boolean isExtended() { return extended; }
	public ReplyClass getReplyClass() { return replyClass; }
	public String getReplyText() { return replyText; }
	public Instant getRepliedAt() { return repliedAt; }
	public boolean isRepliedWithoutContact() { return repliedWithoutContact; }
	public Boolean getRepliedOnTime() { return repliedOnTime; }
	public Verdict getGrade() { return grade; }
	public String getGradeComment() { return gradeComment; }
	public Instant getRatedAt() { return ratedAt; }
	public int getRehandlingCount() { return rehandlingCount; }
	public Instant getClosedAt() { return closedAt; }
	public boolean isKeySupervised() { return keySupervised; }
	public String getKeyTopic() { return keyTopic; }
	public String getKeyLeader() { return keyLeader; }
	public int getSupervisionLevel() { return supervisionLevel; }
	public Instant getNextSupervisionAt() { return nextSupervisionAt; }
	public boolean isAssignmentWarned() { return assignmentWarned; }
	public Long getVersion() { return version; }
	public boolean isReplyPublic() { return replyPublic; }
	public String getDraftedBy() { return draftedBy; }
	public String getExtensionNotice() { return extensionNotice; }
	public Instant getExtensionNoticedAt() { return extensionNoticedAt; }
	public Instant getAssistingViewsDue() { return assistingViewsDue; }
	public boolean isAssistingViewsWarned() { return assistingViewsWarned; }
	public List<AssistingView> getAssistingViews() { return assistingViews.stream().sorted(Comparator.comparing(AssistingView::at)).toList(); }
	public List<Reply> getReplies() { return replies.stream().sorted(Comparator.comparing(Reply::at).thenComparing(Reply::kind)).toList(); }
	public Set<UUID> getAssistingUnitIds() { return assistingUnits.stream().map(AssistingUnit::unitId).collect(java.util.stream.Collectors.toSet()); }
	public List<Cosigner> getCosigners() { return cosigners.stream().sorted(Comparator.comparing(c -> c.deputyId().toString())).toList(); }
	public List<Contact> getContacts() { return contacts.stream().sorted(Comparator.comparing(Contact::at)).toList(); }
	public Set<UUID> getCosignerIds() { return cosigners.stream().map(Cosigner::deputyId).collect(java.util.stream.Collectors.toSet()); }
}
