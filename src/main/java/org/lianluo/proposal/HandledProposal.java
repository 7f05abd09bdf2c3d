package org.lianluo.proposal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.proposal.ProposalEvents.ProposalAssigned;
import org.lianluo.proposal.ProposalEvents.ProposalClosed;
import org.lianluo.proposal.ProposalEvents.ProposalReplied;
import org.lianluo.proposal.ProposalTimelineEntry.Kind;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A proposal as its units handle it (交、办、督、评): always a list of {@link Part}s, one per unit assigned. Each step
 * of a unit is checked against its part's state and changes only its part; the proposal's status and outcome then
 * follow the parts that were not returned ({@link #follow}): {@link ProposalStatus#following} for the status,
 * {@link Handling#summarise} for the columns that lists and figures read. When every part is returned the proposal
 * is RETURNED, to be assigned anew. {@link Proposal} adds drafting and registration (提、立案).
 */
public abstract class HandledProposal extends AbstractAggregateRoot<Proposal> {

	/** One re-handling after an UNSATISFIED verdict; the verdict on the second reply closes it. */
	public static final int MAX_REHANDLINGS = 1;

	/** An extension adds at most this many months, once. */
	public static final int MAX_EXTENSION_MONTHS = 3;

	UUID id;

	String regionCode;

	Integer number;

	UUID leadDeputyId;

	ProposalStatus status;

	AssignmentMode mode;

	/** The unit of the only part, null when several units reply separately: for lists and figures. */
	UUID leadUnitId;

	/** The parts' handling as lists and figures read it, written by {@link #follow} only. */
	Handling handling = new Handling();

	Instant assistingViewsDue;

	boolean assistingViewsWarned;

	Instant updatedAt;

	Set<Part> parts = new HashSet<>();

	Set<Proposal.AssistingUnit> assistingUnits = new HashSet<>();

	Set<Proposal.AssistingView> assistingViews = new HashSet<>();

	Set<Proposal.Contact> contacts = new HashSet<>();

	Set<Proposal.Reply> replies = new HashSet<>();

	final List<ProposalTimelineEntry> newEntries = new ArrayList<>();

	/** The rows of its collections as the store last read or wrote them: what a save compares to write only changes. */
	Map<String, Map<Object, Map<String, Object>>> stored = Map.of();

	// --- assignment (交)

	/**
	 * Assigns the proposal: to one unit, with its assisting units ({@code viewsDue}: by when each sends the lead unit its
	 * view, 协办意见), or SEPARATE to several units, each getting its own part with the same deadline.
	 */
	void assignParts(AssignmentMode newMode, List<UUID> units, Collection<UUID> assisting, Instant deadline,
			Instant firstSupervision, Instant viewsDue, String actor, Instant now) {
		requireOwn(ProposalStatus.REGISTERED, ProposalStatus.RETURNED);
		List<UUID> distinct = units.stream().distinct().toList();
		clearAssignment();
		mode = newMode;
		for (UUID unit : distinct) {
			// The only part carries the proposal's id: what it files (reply documents) is the proposal's.
			parts.add(new Part(distinct.size() == 1 ? id : Ids.newId(), unit, parts.size(), now, deadline, firstSupervision));
			registerEvent(new ProposalAssigned(id, unit, deadline));
		}
		if (distinct.size() == 1) {
			assisting.stream().filter(u -> !u.equals(distinct.get(0))).forEach(u -> assistingUnits.add(new Proposal.AssistingUnit(u)));
		}
		// kept to the microsecond the database stores, so that the end of a day stays on that day
		assistingViewsDue = assistingUnits.isEmpty() || viewsDue == null ? null : viewsDue.truncatedTo(ChronoUnit.MICROS);
		handling.start(now, deadline, firstSupervision);
		follow(actor, now, null);
	}

	private void clearAssignment() {
		mode = null;
		leadUnitId = null;
		parts.clear();
		assistingUnits.clear();
		assistingViews.clear();
		assistingViewsDue = null;
		assistingViewsWarned = false;
		handling.stop();
	}

	// --- handling (办), each step by the unit whose part it is

	public void accept(UUID unit, String actor, Instant now) {
		Part t = heldBy(unit);
		t.require(isSeparate(), ProposalStatus.ASSIGNED);
		movePart(t, ProposalStatus.HANDLING, actor, now, null);
	}

	/** The unit's part for a handling step; a unit that has not signed for its part yet signs by taking the step. */
	private Part handledBy(UUID unit, String actor, Instant now, ProposalStatus... allowed) {
		Part t = heldBy(unit);
		List<ProposalStatus> ok = new ArrayList<>(List.of(allowed));
		ok.add(ProposalStatus.ASSIGNED);
		t.require(isSeparate(), ok.toArray(ProposalStatus[]::new));
		if (t.getStatus() == ProposalStatus.ASSIGNED && List.of(allowed).contains(ProposalStatus.HANDLING)) {
			movePart(t, ProposalStatus.HANDLING, actor, now, null);
		}
		t.require(isSeparate(), allowed);
		return t;
	}

	/** A wrongly assigned unit gives it back; a part returned leaves the others going, the last one returns it all. */
	public void returnForReassignment(UUID unit, String reason, Instant returnWindowEnd, String actor, Instant now) {
		Part t = heldBy(unit);
		t.require(isSeparate(), ProposalStatus.ASSIGNED);
		if (now.isAfter(returnWindowEnd)) {
			throw LianluoException.conflict("proposal.return.too-late");
		}
		t.getHandling().stop();
		if (activeParts().size() > 1) {
			movePart(t, ProposalStatus.RETURNED, actor, now, reason);
			return;
		}
		clearAssignment();
		move(ProposalStatus.RETURNED, actor, now, reason);
	}

	public void recordContact(UUID unit, ContactMethod method, String contactNote, String actor, Instant now) {
		Part t = handledBy(unit, actor, now, ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING);
		contacts.add(new Proposal.Contact(Ids.newId(), unit, method, contactNote, now, t.getHandling().getRehandlingCount()));
		notePart(t, Kind.CONTACT, actor, now, contactNote);
	}

	public void requestExtension(UUID unit, int months, String reason, String actor, Instant now) {
		Part t = handledBy(unit, actor, now, ProposalStatus.HANDLING);
		t.getHandling().requestExtension(months, reason);
		notePart(t, Kind.EXTENSION_REQUESTED, actor, now, months + ": " + reason);
	}

	/** The months the unit named (null: the only unit) asked for; 409 when nothing waits for a decision. */
	public int pendingExtensionMonths(UUID unit) {
		Part t = named(unit);
		if (t == null) {
			throw LianluoException.conflict("proposal.extension.none");
		}
		return t.getHandling().pendingExtensionMonths(t.getStatus());
	}

	public void decideExtension(UUID unit, boolean approve, Instant newDeadline, Instant nextSupervision,
			String decisionNote, String actor, Instant now) {
		int months = pendingExtensionMonths(unit);
		Part t = named(unit);
		t.getHandling().decideExtension(approve, newDeadline, nextSupervision);
		notePart(t, approve ? Kind.EXTENSION_APPROVED : Kind.EXTENSION_DENIED, actor, now,
				months + (decisionNote == null ? "" : ": " + decisionNote));
	}

	/** The written notice to the deputy that the deadline was extended, once the extension is approved. */
	public void recordExtensionNotice(UUID unit, String notice, String actor, Instant now) {
		Part t = heldBy(unit);
		t.require(isSeparate(), ProposalStatus.HANDLING);
		t.getHandling().recordExtensionNotice(notice, now);
		notePart(t, Kind.EXTENSION_NOTICE, actor, now, notice);
	}

	/** An approved extension of the unit's whose written notice to the deputy is still to be recorded. */
	public boolean extensionNoticeMissing(UUID unit) {
		Part t = find(unit);
		return t != null && t.getHandling().isExtended() && t.getHandling().getExtensionNotice() == null
				&& t.getStatus() == ProposalStatus.HANDLING;
	}

	/** Whether the unit recorded a contact with the deputy in its current round of handling. */
	public boolean contactedThisRound(UUID unit) {
		int round = handlingOf(unit).getRehandlingCount();
		return unit != null && contacts.stream().anyMatch(c -> c.unitId().equals(unit) && c.round() == round);
	}

	/** The unit's reply; {@code publish}: it may appear on the portal (办理结果公开). */
	public void reply(UUID unit, ReplyClass newClass, String text, boolean withoutContactConfirmed, boolean publish,
			String actor, Instant now) {
		Part t = heldBy(unit);
		t.require(isSeparate(), ProposalStatus.ASSIGNED, ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING);
		boolean contacted = contactedThisRound(unit);
		if (!contacted && !withoutContactConfirmed) {
			throw LianluoException.conflict("proposal.reply.contact-first");
		}
		handledBy(unit, actor, now, ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING);
		t.getHandling().reply(newClass, text, contacted, publish, now);
		int round = t.getHandling().getRehandlingCount();
		replies.add(new Proposal.Reply(Ids.newId(), Proposal.ReplyKind.REPLY, newClass, text, now, actor, round, unit));
		movePart(t, ProposalStatus.REPLIED, actor, now, newClass.name() + (contacted ? "" : " (no contact)"));
		registerEvent(new ProposalReplied(id, leadDeputyId, newClass, isSeparate() ? unit : null, round));
	}

	/** A follow-up reply to a B or C reply once the matter is solved: better than the last; the earlier ones stay. */
	public void followUp(UUID unit, ReplyClass newClass, String text, String actor, Instant now) {
		Part t = heldBy(unit);
		t.require(isSeparate(), ProposalStatus.REPLIED, ProposalStatus.CLOSED);
		ReplyClass before = t.getHandling().followUp(newClass, text);
		replies.add(new Proposal.Reply(Ids.newId(), Proposal.ReplyKind.FOLLOW_UP, newClass, text, now, actor,
				t.getHandling().getRehandlingCount(), unit));
		notePart(t, Kind.FOLLOW_UP, actor, now, before.name() + " → " + newClass.name());
		registerEvent(new ProposalEvents.ProposalStatusChanged(id, status));
	}

	/** The signed reply document (答复函) was uploaded; the file itself is kept with the attachments, under its part. */
	public UUID attachReplyDocument(UUID unit, String filename, String actor, Instant now) {
		Part t = heldBy(unit);
		t.require(isSeparate(), ProposalStatus.HANDLING, ProposalStatus.RE_HANDLING, ProposalStatus.REPLIED,
				ProposalStatus.CLOSED);
		notePart(t, Kind.REPLY_DOCUMENT, actor, now, filename);
		return t.getId();
	}

	// --- evaluation (评)

	/** The lead deputy's rating of the reply of the unit named (null: the only unit's). */
	public void evaluate(UUID unit, Verdict verdict, String comment, Instant rehandlingDeadline,
			Instant rehandlingSupervision, String actor, Instant now) {
		Part t = named(unit);
		if (t == null) {
			throw notAllowedNow();
		}
		t.require(isSeparate(), ProposalStatus.REPLIED);
		String what = verdict.name() + (comment == null ? "" : ": " + comment);
		boolean again = t.getHandling().rate(verdict, comment, now, rehandlingDeadline, rehandlingSupervision);
		movePart(t, again ? ProposalStatus.RE_HANDLING : ProposalStatus.CLOSED, actor, now, what);
	}

	// --- the parts

	/** Several units reply separately (分别办理): each step names its unit's part. */
	public boolean isSeparate() {
		return parts.size() > 1;
	}

	/** The parts, in the order they were assigned, returned ones included. */
	public List<Part> getParts() {
		return parts.stream().sorted(Comparator.comparingInt(Part::position)).toList();
	}

	List<Part> activeParts() {
		return getParts().stream().filter(Part::isActive).toList();
	}

	/** The units holding the proposal now: those whose part was not returned. */
	public Set<UUID> getHandlingUnitIds() {
		return activeParts().stream().map(Part::getUnitId).collect(Collectors.toSet());
	}

	/** The handling of a unit holding the proposal: its part's; for any other, the proposal's as lists read it. */
	public Handling handlingOf(UUID unit) {
		Part t = find(unit);
		return t == null ? handling : t.getHandling();
	}

	/** The unit's part, or null when it holds none. */
	private Part find(UUID unit) {
		return activeParts().stream().filter(s -> s.getUnitId().equals(unit)).findFirst().orElse(null);
	}

	/** A step of a unit handler: refused (403) unless the unit holds a part. */
	private Part heldBy(UUID unit) {
		Part t = unit == null ? null : find(unit);
		if (t == null) {
			throw LianluoException.forbidden();
		}
		return t;
	}

	/** A step of the office or the deputy on one unit's part: which one must be said when there are several. */
	private Part named(UUID unit) {
		if (!isSeparate()) {
			return parts.stream().filter(Part::isActive).findFirst().orElse(null);
		}
		if (unit == null) {
			throw LianluoException.invalidField("unitId", "proposal.unit.required");
		}
		Part t = find(unit);
		if (t == null) {
			throw LianluoException.invalidField("unitId", "proposal.unit.not-separate");
		}
		return t;
	}

	private void movePart(Part t, ProposalStatus to, String actor, Instant now, String note) {
		if (isSeparate()) {
			newEntries.add(ProposalTimelineEntry.of(id, now, actor, Kind.UNIT_TRANSITION, t.getStatus(), to, note, t.getUnitId()));
			t.moveTo(to);
			follow(actor, now, null);
			return;
		}
		t.moveTo(to);
		follow(actor, now, note);
	}

	void notePart(Part t, Kind kind, String actor, Instant now, String note) {
		ProposalStatus s = isSeparate() ? t.getStatus() : status;
		newEntries.add(ProposalTimelineEntry.of(id, now, actor, kind, s, s, note, isSeparate() ? t.getUnitId() : null));
		updatedAt = now;
		follow(actor, now, null);
	}

	/**
	 * After a part changed: the proposal's status follows its parts ({@link ProposalStatus#following}), and the columns
	 * that lists and figures read are written from them ({@link Handling#summarise}), here only.
	 */
	void follow(String actor, Instant now, String note) {
		List<Part> active = activeParts();
		if (active.isEmpty()) {
			return;
		}
		leadUnitId = isSeparate() ? null : active.get(0).getUnitId();
		handling.summarise(active.stream().map(Part::getHandling).toList(),
				active.stream().filter(s -> s.getStatus().isHandling()).map(Part::getHandling).toList());
		ProposalStatus overall = ProposalStatus.following(active.stream().map(Part::getStatus).toList());
		if (overall != status) {
			move(overall, actor, now, note);
			if (overall == ProposalStatus.CLOSED) {
				handling.close(now);
				registerEvent(new ProposalClosed(id, handling.getGrade()));
			}
		}
	}

	void move(ProposalStatus to, String actor, Instant now, String note) {
		newEntries.add(ProposalTimelineEntry.of(id, now, actor, Kind.TRANSITION, status, to, note, null));
		status = to;
		updatedAt = now;
		registerEvent(new ProposalEvents.ProposalStatusChanged(id, to));
	}

	void note(Kind kind, String actor, Instant now, String note) {
		newEntries.add(ProposalTimelineEntry.of(id, now, actor, kind, status, status, note, null));
		updatedAt = now;
	}

	void requireOwn(ProposalStatus... allowed) {
		if (!List.of(allowed).contains(status)) {
			throw Proposal.notAllowedNow(status);
		}
	}

	/** The events registered since the proposal was loaded, handed to the store to publish once it is written. */
	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(domainEvents());
		clearDomainEvents();
		return taken;
	}

	/** The 409 of a step the current state does not allow. */
	public LianluoException notAllowedNow() {
		return Proposal.notAllowedNow(status);
	}
}
