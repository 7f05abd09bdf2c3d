package org.lianluo.opinion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.opinion.OpinionEvents.OpinionAssigned;
import org.lianluo.opinion.OpinionEvents.OpinionClosed;
import org.lianluo.opinion.OpinionEvents.OpinionFedBack;
import org.lianluo.opinion.OpinionEvents.OpinionReceived;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An opinion and the loop it goes through. Every transition is a method that checks the current state,
 * changes it, writes its timeline entry and registers its event; an illegal one is a 409. {@link OpinionStore}
 * loads and stores it.
 */
public class Opinion extends AbstractAggregateRoot<Opinion> {

	/** At most this many reopenings after an UNSATISFIED grade. */
	public static final int MAX_REOPENINGS = 2;

	UUID id;

	String trackingCode;

	OpinionStatus status;

	OpinionKind kind;

	Category category;

	Channel channel;

	String content;

	String regionCode;

	UUID stationId;

	String submitterNameEnc;

	String submitterPhoneEnc;

	String submitterPhoneHash;

	boolean anonymous;

	Instant receivedAt;

	UUID primaryId;

	String answer;

	String rejectReason;

	String rejectReferral;

	UUID leadUnitId;

	Instant assignedAt;

	Instant deadline;

	boolean extended;

	int extensionsInRound;

	Integer extensionDays;

	String extensionReason;

	int supervisionLevel;

	Instant nextSupervisionAt;

	ReplyResult replyResult;

	String replyText;

	Instant repliedAt;

	Instant fedBackAt;

	Grade grade;

	String gradeComment;

	Instant ratedAt;

	Rater ratedBy;

	int reopenCount;

	boolean implemented;

	String implementedNote;

	Instant closedAt;

	boolean closedUnrated;

	UUID consultationId;

	Long version;

	Instant createdAt;

	Instant updatedAt;

	Set<AssistingUnit> assistingUnits = new HashSet<>();

	Set<ReceivingDeputy> deputies = new HashSet<>();

	private final List<TimelineEntry> newEntries = new ArrayList<>();

	Opinion() {
	}

	/** A new opinion as it arrives; personal data comes in already encrypted. */
	public static Opinion receive(Intake intake, String trackingCode, String actor, Instant now) {
		return receive(Ids.newId(), intake, trackingCode, actor, now);
	}

	/** The same, with its id chosen beforehand (personal data is sealed to the row it goes into). */
	public static Opinion receive(UUID id, Intake intake, String trackingCode, String actor, Instant now) {
		Opinion o = new Opinion();
		o.id = id;
		o.trackingCode = trackingCode;
		o.status = OpinionStatus.RECEIVED;
		o.kind = intake.kind();
		o.category = intake.category();
		o.channel = intake.channel();
		o.content = intake.content();
		o.regionCode = intake.regionCode();
		o.stationId = intake.stationId();
		o.submitterNameEnc = intake.nameEnc();
		o.submitterPhoneEnc = intake.phoneEnc();
		o.submitterPhoneHash = intake.phoneHash();
		o.anonymous = intake.anonymous();
		o.receivedAt = intake.receivedAt() == null ? now : intake.receivedAt();
		intake.deputyIds().forEach(d -> o.deputies.add(new ReceivingDeputy(d)));
		o.createdAt = now;
		o.updatedAt = now;
		o.newEntries.add(TimelineEntry.transition(o.id, now, actor, null, OpinionStatus.RECEIVED, null, null));
		o.registerEvent(new OpinionReceived(o.id, o.trackingCode, o.kind, o.regionCode, o.channel, o.receivedAt, o.stationId,
				Set.copyOf(intake.deputyIds()), o.submitterPhoneEnc != null));
		return o;
	}

	// --- triage (研判)

	public void classify(OpinionKind newKind, Category newCategory) {
		require(OpinionStatus.RECEIVED);
		if (newKind != null) {
			kind = newKind;
		}
		if (newCategory != null) {
			category = newCategory;
		}
	}

	public void answer(String answerText, String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		answer = answerText;
		move(OpinionStatus.ANSWERED, actor, now, null, answerText);
		closedAt = now;
	}

	public void mergeInto(Opinion primary, String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		if (primary.id.equals(id) || primary.status == OpinionStatus.MERGED || primary.primaryId != null) {
			throw LianluoException.conflict("opinion.merge.bad-primary");
		}
		primaryId = primary.id;
		move(OpinionStatus.MERGED, actor, now, primary.trackingCode, null);
		registerEvent(new OpinionEvents.OpinionMerged(id, primary.id));
	}

	public void unmerge(String actor, Instant now) {
		require(OpinionStatus.MERGED);
		UUID from = primaryId;
		primaryId = null;
		move(OpinionStatus.RECEIVED, actor, now, "unmerged from " + from, null);
		registerEvent(new OpinionEvents.OpinionUnmerged(id, from));
	}

	public void reject(String reason, String referral, String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		rejectReason = reason;
		rejectReferral = referral;
		move(OpinionStatus.REJECTED, actor, now, null, reason + (referral == null ? "" : " → " + referral));
		closedAt = now;
	}

	/**
	 * The office turns it into a deputy's proposal (转化为代表建议): the deputies named (with those who received it)
	 * see it and one of them drafts the proposal from it.
	 */
	public void routeToProposal(Set<UUID> toDeputies, String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		Set<UUID> already = getDeputyIds();
		toDeputies.stream().filter(d -> !already.contains(d)).forEach(d -> deputies.add(new ReceivingDeputy(d)));
		closedAt = now;
		move(OpinionStatus.TO_PROPOSAL, actor, now, "deputies " + toDeputies, null);
	}

	/** A deputy who received it drafted a proposal from it: on their own from triage, or as the office decided. */
	public void turnIntoProposal(UUID proposalId, String actor, Instant now) {
		if (status == OpinionStatus.TO_PROPOSAL) {
			note(TimelineEntry.Kind.PROPOSAL_DRAFTED, actor, now, "proposal " + proposalId);
			return;
		}
		require(OpinionStatus.RECEIVED);
		closedAt = now;
		move(OpinionStatus.TO_PROPOSAL, actor, now, "proposal " + proposalId, null);
	}

	/** Its words went to a draft law's consultation as a comment (纳入立法参考); that settles it. */
	public void toConsultation(UUID consultation, String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		consultationId = consultation;
		closedAt = now;
		move(OpinionStatus.TO_CONSULTATION, actor, now, "consultation " + consultation, null);
	}

	public void assign(UUID leadUnit, Collection<UUID> assisting, Instant newDeadline, Instant firstSupervision,
			String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		leadUnitId = leadUnit;
		assistingUnits.clear();
		assisting.stream().filter(u -> !u.equals(leadUnit)).forEach(u -> assistingUnits.add(new AssistingUnit(u, null, null)));
		startRound(newDeadline, firstSupervision, now);
		move(OpinionStatus.ASSIGNED, actor, now, "lead unit " + leadUnit, null);
		registerEvent(new OpinionAssigned(id, trackingCode, kind, regionCode, leadUnit, newDeadline));
	}

	// --- handling by the unit

	public void accept(String actor, Instant now) {
		require(OpinionStatus.ASSIGNED, OpinionStatus.REOPENED);
		move(OpinionStatus.ACCEPTED, actor, now, null, null);
	}

	public void returnToTriage(String reason, Instant returnDeadline, String actor, Instant now) {
		require(OpinionStatus.ASSIGNED);
		if (now.isAfter(returnDeadline)) {
			throw LianluoException.conflict("opinion.return.too-late");
		}
		leadUnitId = null;
		assistingUnits.clear();
		endRound();
		move(OpinionStatus.RECEIVED, actor, now, reason, null);
	}

	public void requestExtension(int workingDays, String reason, int maxPerRound, String actor, Instant now) {
		require(OpinionStatus.ACCEPTED);
		if (extensionDays != null) {
			throw LianluoException.conflict("opinion.extension.pending");
		}
		if (extensionsInRound >= maxPerRound) {
			throw LianluoException.conflict("opinion.extension.used");
		}
		extensionDays = workingDays;
		extensionReason = reason;
		note(TimelineEntry.Kind.EXTENSION_REQUESTED, actor, now, workingDays + ": " + reason);
	}

	public int pendingExtensionDays() {
		if (extensionDays == null) {
			throw LianluoException.conflict("opinion.extension.none");
		}
		return extensionDays;
	}

	public void decideExtension(boolean approve, Instant newDeadline, Instant nextSupervision, String note, String actor,
			Instant now) {
		int days = pendingExtensionDays();
		if (approve) {
			deadline = newDeadline;
			nextSupervisionAt = nextSupervision;
			supervisionLevel = 0;
			extended = true;
			extensionsInRound++;
		}
		extensionDays = null;
		extensionReason = null;
		note(approve ? TimelineEntry.Kind.EXTENSION_APPROVED : TimelineEntry.Kind.EXTENSION_DENIED, actor, now,
				days + (note == null ? "" : ": " + note));
	}

	public void recordAssistingView(UUID unitId, String view, String actor, Instant now) {
		require(OpinionStatus.ACCEPTED, OpinionStatus.ASSIGNED, OpinionStatus.REOPENED);
		AssistingUnit unit = assistingUnits.stream().filter(a -> a.unitId().equals(unitId)).findFirst()
			.orElseThrow(LianluoException::forbidden);
		assistingUnits.remove(unit);
		assistingUnits.add(new AssistingUnit(unitId, view, now));
		note(TimelineEntry.Kind.ASSISTING_VIEW, actor, now, view);
	}

	public void reply(ReplyResult result, String text, String actor, Instant now) {
		require(OpinionStatus.ACCEPTED);
		replyResult = result;
		replyText = text;
		repliedAt = now;
		extensionDays = null;
		nextSupervisionAt = null;
		move(OpinionStatus.REPLIED, actor, now, result.name(), null);
	}

	public void review(boolean approve, String note, String actor, Instant now) {
		require(OpinionStatus.REPLIED);
		if (approve) {
			fedBackAt = now;
			move(OpinionStatus.FED_BACK, actor, now, note, null);
			registerEvent(new OpinionFedBack(id, trackingCode, kind, regionCode, reopenCount));
		}
		else {
			move(OpinionStatus.ACCEPTED, actor, now, note, null);
		}
	}

	// --- evaluation (评价)

	public void evaluate(Grade newGrade, String comment, Rater rater, Instant reopenDeadline, Instant reopenSupervision,
			String actor, Instant now) {
		require(OpinionStatus.FED_BACK);
		grade = newGrade;
		gradeComment = comment;
		ratedAt = now;
		ratedBy = rater;
		if (rater == Rater.FOLLOW_UP) {
			note(TimelineEntry.Kind.PHONE_FOLLOW_UP, actor, now, newGrade.name() + (comment == null ? "" : ": " + comment));
		}
		if (newGrade == Grade.UNSATISFIED && reopenCount < MAX_REOPENINGS) {
			reopenCount++;
			startRound(reopenDeadline, reopenSupervision, now);
			replyResult = null;
			replyText = null;
			repliedAt = null;
			move(OpinionStatus.REOPENED, actor, now, newGrade.name() + (comment == null ? "" : ": " + comment), null);
			registerEvent(new OpinionEvents.OpinionReopened(id, trackingCode, kind, regionCode, leadUnitId, reopenDeadline,
					reopenCount));
			return;
		}
		close(actor, now, newGrade.name());
		registerEvent(new OpinionClosed(id, trackingCode, kind, regionCode, newGrade, false));
	}

	public void closeUnrated(String actor, Instant now) {
		require(OpinionStatus.FED_BACK);
		closedUnrated = true;
		close(actor, now, "unrated");
		registerEvent(new OpinionClosed(id, trackingCode, kind, regionCode, null, true));
	}

	public void markImplemented(String note, String actor, Instant now) {
		require(OpinionStatus.CLOSED, OpinionStatus.ANSWERED);
		if (implemented) {
			throw LianluoException.conflict("opinion.implemented.already");
		}
		implemented = true;
		implementedNote = note;
		note(TimelineEntry.Kind.IMPLEMENTED, actor, now, note);
	}

	// --- supervision (督办): steps only go up, each once

	public boolean supervise(int level, Instant next, Instant now) {
		if (!status.isHandling() || level <= supervisionLevel) {
			return false;
		}
		supervisionLevel = level;
		nextSupervisionAt = next;
		note(TimelineEntry.Kind.SUPERVISION, "system", now, String.valueOf(level));
		registerEvent(new OpinionEvents.OpinionSupervised(id, trackingCode, leadUnitId, level, regionCode, deadline));
		return true;
	}

	public Light light(Instant now, Instant endOfNextWorkingDay) {
		if (!status.isHandling() || deadline == null) {
			return null;
		}
		if (now.isAfter(deadline)) {
			return Light.RED;
		}
		return extended || !deadline.isAfter(endOfNextWorkingDay) ? Light.YELLOW : Light.GREEN;
	}

	private void startRound(Instant newDeadline, Instant firstSupervision, Instant now) {
		assignedAt = now;
		deadline = newDeadline;
		nextSupervisionAt = firstSupervision;
		supervisionLevel = 0;
		extended = false;
		extensionsInRound = 0;
		extensionDays = null;
	}

	private void endRound() {
		assignedAt = null;
		deadline = null;
		nextSupervisionAt = null;
		supervisionLevel = 0;
	}

	private void close(String actor, Instant now, String note) {
		closedAt = now;
		nextSupervisionAt = null;
		move(OpinionStatus.CLOSED, actor, now, note, null);
	}

	private void require(OpinionStatus... allowed) {
		for (OpinionStatus s : allowed) {
			if (status == s) {
				return;
			}
		}
		throw LianluoException.conflict("opinion.transition.not-allowed",
				new DefaultMessageSourceResolvable("opinion.status." + status));
	}

	/** The assessor's own words on the triage just made, kept with its transition for staff (not on the public page). */
	public void noteOnTriage(String note) {
		TimelineEntry last = newEntries.isEmpty() ? null : newEntries.get(newEntries.size() - 1);
		if (note == null || last == null || last.kind() != TimelineEntry.Kind.TRANSITION) {
			return;
		}
		newEntries.set(newEntries.size() - 1, new TimelineEntry(last.id(), last.opinionId(), last.at(), last.actor(), last.kind(),
				last.fromStatus(), last.toStatus(), last.note() == null ? note : last.note() + "；" + note, last.publicNote()));
	}

	private void move(OpinionStatus to, String actor, Instant now, String note, String publicNote) {
		newEntries.add(TimelineEntry.transition(id, now, actor, status, to, note, publicNote));
		status = to;
		updatedAt = now;
		registerEvent(new OpinionEvents.OpinionStatusChanged(id, to));
	}

	private void note(TimelineEntry.Kind kind, String actor, Instant now, String note) {
		newEntries.add(new TimelineEntry(Ids.newId(), id, now, actor, kind, status, status, note, null));
		updatedAt = now;
	}

	/** The timeline entries made since the opinion was loaded; the repository writes them with it. */
	/** The events registered since the last save, for the one who stores it to publish; cleared here. */
	List<Object> takeEvents() {
		List<Object> events = List.copyOf(domainEvents());
		clearDomainEvents();
		return events;
	}

	public List<TimelineEntry> takeNewEntries() {
		List<TimelineEntry> taken = List.copyOf(newEntries);
		newEntries.clear();
		return taken;
	}

	/** What intake hands to {@link #receive}. */
	public record Intake(String content, String regionCode, UUID stationId, OpinionKind kind, Category category,
			Channel channel, String nameEnc, String phoneEnc, String phoneHash, boolean anonymous, Instant receivedAt,
			Set<UUID> deputyIds) {
	}

	/** An assisting unit (协办) and the view it sent the lead unit. */
	public record AssistingUnit(UUID unitId, String view, Instant viewedAt) {
	}

	/** A deputy who received the opinion. */
	public record ReceivingDeputy(UUID deputyId) {
	}

	public UUID getId() { return id; }
	public String getTrackingCode() { return trackingCode; }
	public OpinionStatus getStatus() { return status; }
	public OpinionKind getKind() { return kind; }
	public Category getCategory() { return category; }
	public Channel getChannel() { return channel; }
	public String getContent() { return content; }
	public String getRegionCode() { return regionCode; }
	public UUID getStationId() { return stationId; }
	public String getSubmitterNameEnc() { return submitterNameEnc; }
	public String getSubmitterPhoneEnc() { return submitterPhoneEnc; }
	public String getSubmitterPhoneHash() { return submitterPhoneHash; }
	public boolean isAnonymous() { return anonymous; }
	public Instant getReceivedAt() { return receivedAt; }
	public UUID getPrimaryId() { return primaryId; }
	public String getAnswer() { return answer; }
	public String getRejectReason() { return rejectReason; }
	public String getRejectReferral() { return rejectReferral; }
	public UUID getLeadUnitId() { return leadUnitId; }
	public Instant getAssignedAt() { return assignedAt; }
	public Instant getDeadline() { return deadline; }
	public boolean isExtended() { return extended; }
	public Integer getExtensionDays() { return extensionDays; }
	public String getExtensionReason() { return extensionReason; }
	public int getSupervisionLevel() { return supervisionLevel; }
	public Instant getNextSupervisionAt() { return nextSupervisionAt; }
	public ReplyResult getReplyResult() { return replyResult; }
	public String getReplyText() { return replyText; }
	public Instant getRepliedAt() { return repliedAt; }
	public Instant getFedBackAt() { return fedBackAt; }
	public Grade getGrade() { return grade; }
	public Rater getRatedBy() { return ratedBy; }
	public String getGradeComment() { return gradeComment; }
	public int getReopenCount() { return reopenCount; }
	public boolean isImplemented() { return implemented; }
	public String getImplementedNote() { return implementedNote; }
	public Instant getClosedAt() { return closedAt; }
	public boolean isClosedUnrated() { return closedUnrated; }
	public UUID getConsultationId() { return consultationId; }
	public Instant getCreatedAt() { return createdAt; }
	public Instant getUpdatedAt() { return updatedAt; }
	public Set<AssistingUnit> getAssistingUnits() { return Set.copyOf(assistingUnits); }
	public Set<UUID> getDeputyIds() { return deputies.stream().map(ReceivingDeputy::deputyId).collect(java.util.stream.Collectors.toSet()); }
}
