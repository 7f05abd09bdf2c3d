package org.lianluo.proposal;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.casework.Supervised;
import org.lianluo.platform.casework.SupervisionLadder;
import org.lianluo.proposal.ProposalEvents.ProposalRegistered;
import org.lianluo.proposal.ProposalEvents.ProposalSupervised;
import org.lianluo.proposal.ProposalTimelineEntry.Kind;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A deputy's proposal: drafted by its lead deputy with co-signers, submitted, registered (立案, 第N号) or not, then
 * assigned to its units and handled in their parts ({@link HandledProposal}). Every transition is a method that checks
 * the current state, changes it, writes its timeline entry and registers its event; an illegal one is a 409.
 */
public class Proposal extends HandledProposal {

	UUID sessionId;

	UUID opinionId;

	String title;

	String content;

	Instant submittedAt;

	boolean betweenSessions;

	Instant registeredAt;

	Instant assignmentDue;

	String notRegisteredReason;
	NotRegisteredAs notRegisteredAs;

	boolean keySupervised;

	String keyTopic, keyLeader;

	boolean assignmentWarned;

	String draftedBy;

	Long version;

	Instant createdAt;

	Set<Cosigner> cosigners = new HashSet<>();

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
		requireOwn(ProposalStatus.DRAFT);
		draftedBy = staff;
	}

	/** Links the draft to the citizen's opinion it was made from. */
	public void drawnFrom(UUID opinion) {
		requireOwn(ProposalStatus.DRAFT);
		opinionId = opinion;
	}

	// --- drafting (提)

	public void edit(String newTitle, String newContent) {
		requireOwn(ProposalStatus.DRAFT);
		title = newTitle;
		content = newContent;
	}

	public void submit(boolean madeBetweenSessions, String actor, Instant now) {
		requireOwn(ProposalStatus.DRAFT);
		submittedAt = now;
		betweenSessions = madeBetweenSessions;
		move(ProposalStatus.SUBMITTED, actor, now, null);
	}

	public void withdraw(String actor, Instant now) {
		requireOwn(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
		move(ProposalStatus.WITHDRAWN, actor, now, null);
	}

	public void answerCosign(UUID deputyId, boolean confirm, String actor, Instant now) {
		requireOwn(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
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
		requireOwn(ProposalStatus.SUBMITTED);
		number = sessionNumber;
		registeredAt = now;
		assignmentDue = betweenSessions ? dueForAssignment : null;
		handling.startSupervision(assignmentDue == null ? null : assignmentDue.plusMillis(1));
		move(ProposalStatus.REGISTERED, actor, now, String.format("第%03d号", sessionNumber));
		registerEvent(new ProposalRegistered(id, sessionId, sessionNumber));
	}

	public void refuseRegistration(NotRegisteredAs as, String reason, String actor, Instant now) {
		requireOwn(ProposalStatus.SUBMITTED);
		notRegisteredAs = Objects.requireNonNull(as);
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
	 * The assignment to one unit (LEAD, or SEPARATE alone); {@code viewsDue}: by when each assisting unit sends the
	 * lead unit its view (协办意见), if there are assisting units.
	 */
	public void assign(AssignmentMode newMode, UUID leadUnit, Collection<UUID> assisting, Instant newDeadline,
			Instant firstSupervision, Instant viewsDue, String actor, Instant now) {
		assignParts(newMode, List.of(leadUnit), assisting, newDeadline, firstSupervision, viewsDue, actor, now);
	}

	/** SEPARATE to several units (分别办理): each gets its own part with the same deadline, and replies on its own. */
	public void assignSeparately(List<UUID> unitIds, Instant newDeadline, Instant firstSupervision, String actor,
			Instant now) {
		if (unitIds.stream().distinct().count() < 2) {
			throw new IllegalArgumentException("separately to one unit is an assignment to that unit");
		}
		assignParts(AssignmentMode.SEPARATE, unitIds, List.of(), newDeadline, firstSupervision, null, actor, now);
	}

	// --- the assisting units' views (协办意见) for the lead unit

	/** An assisting unit's view for the lead unit, once per round, while the proposal is assigned or being handled. */
	public void recordAssistingView(UUID unitId, String text, String actor, Instant now) {
		requireOwn(ProposalStatus.ASSIGNED, ProposalStatus.HANDLING);
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
		if (assistingViewsDue == null || assistingViewsWarned || !viewsRunning() || assistingViewsMissing().isEmpty()) {
			return null;
		}
		return assistingViewsDue.plusMillis(1);
	}

	private boolean viewsRunning() {
		return status == ProposalStatus.ASSIGNED || status == ProposalStatus.HANDLING;
	}

	/**
	 * Once past the due date, warns each assisting unit whose view is missing, once: answers how many were warned.
	 * Marks the warning as done even when every view came in time, so that the sweep stops looking.
	 */
	public int warnAssistingViewsLate(Instant now, Function<UUID, String> unitName) {
		if (assistingViewsDue == null || assistingViewsWarned || !now.isAfter(assistingViewsDue) || !viewsRunning()) {
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

	/** Takes every supervision step of each part's reply deadline due by {@code now}, on the shared ladder. */
	public int superviseDue(Instant now, SupervisionLadder ladder) {
		int steps = 0;
		for (Part t : activeParts()) {
			steps += ladder.climb(new PartSupervision(this, t), now);
		}
		return steps;
	}

	/** One unit's part as it climbs the ladder: each step on the proposal's timeline, and published. */
	private record PartSupervision(Proposal proposal, Part part) implements Supervised {

		@Override
		public boolean underSupervision() {
			return part.getStatus().isHandling();
		}

		@Override
		public Instant supervisionDeadline() {
			return part.getHandling().getDeadline();
		}

		@Override
		public int supervisionLevel() {
			return part.getHandling().getSupervisionLevel();
		}

		@Override
		public Instant nextSupervisionAt() {
			return part.getHandling().getNextSupervisionAt();
		}

		@Override
		public boolean supervise(int level, Instant next, Instant now) {
			part.getHandling().supervise(level, next);
			proposal.notePart(part, Kind.SUPERVISION, "system", now, String.valueOf(level));
			proposal.registerEvent(new ProposalSupervised(proposal.id, part.getUnitId(), level, proposal.regionCode));
			return true;
		}
	}

	/** The next time the sweep has something to do for this proposal, or null. */
	public Instant nextSupervisionTime() {
		Stream<Instant> due = parts.isEmpty() ? Stream.of(handling.getNextSupervisionAt())
				: activeParts().stream().map(Part::nextSupervisionAt);
		return Stream.concat(due, Stream.of(assistingViewsWarningAt())).filter(Objects::nonNull)
			.min(Comparator.naturalOrder()).orElse(null);
	}

	static LianluoException notAllowedNow(ProposalStatus current) {
		return LianluoException.conflict("proposal.transition.not-allowed",
				new DefaultMessageSourceResolvable("proposal.status." + current));
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
	public record Cosigner(UUID deputyId, CosignAnswer answer, Instant answeredAt) {
	}

	/** An assisting unit (协办) of the only part. */
	public record AssistingUnit(UUID unitId) {
	}

	/** A reply of a round of handling, or a follow-up reply to a B or C one. */
	public enum ReplyKind {
		REPLY, FOLLOW_UP
	}

	/** One reply in the proposal's history of replies, by the unit whose part it answers. */
	public record Reply(UUID id, ReplyKind kind, ReplyClass replyClass, String text, Instant at, String actor, int round,
			UUID unitId) {
	}

	/** An assisting unit's view (协办意见) for the lead unit in a round of handling. */
	public record AssistingView(UUID id, UUID unitId, String text, Instant at, String actor, int round) {
	}

	/** A unit's contact with the deputy in a round of handling (0 first, 1 re-handling). */
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
	public NotRegisteredAs getNotRegisteredAs() { return notRegisteredAs; }
	public AssignmentMode getMode() { return mode; }
	/** The unit of the only part; null before assignment and when several units reply separately. */
	public UUID getLeadUnitId() { return leadUnitId; }
	/** The parts' handling as lists and figures read it (see {@link Handling#summarise}). */
	public Handling getHandling() { return handling; }
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
	public int getRehandlingCount() { return handling.getRehandlingCount(); }
	public Instant getClosedAt() { return handling.getClosedAt(); }
	public boolean isKeySupervised() { return keySupervised; }
	public String getKeyTopic() { return keyTopic; }
	public String getKeyLeader() { return keyLeader; }
	public int getSupervisionLevel() { return handling.getSupervisionLevel(); }
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
	public Set<UUID> getAssistingUnitIds() { return assistingUnits.stream().map(AssistingUnit::unitId).collect(Collectors.toSet()); }
	public List<Cosigner> getCosigners() { return cosigners.stream().sorted(Comparator.comparing(c -> c.deputyId().toString())).toList(); }
	public List<Contact> getContacts() { return contacts.stream().sorted(Comparator.comparing(Contact::at)).toList(); }
	public Set<UUID> getCosignerIds() { return cosigners.stream().map(Cosigner::deputyId).collect(Collectors.toSet()); }
}
