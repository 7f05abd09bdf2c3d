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
import org.lianluo.platform.casework.Note;
import org.lianluo.platform.casework.Supervised;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An opinion and the loop it goes through. Every transition is a method that checks the current state,
 * changes it, writes its timeline entry and registers its event; an illegal one is a 409. What it holds, and how it
 * is read, is {@link OpinionState}; {@link OpinionStore} loads and stores it.
 */
public class Opinion extends OpinionState implements Supervised {

	/** At most this many reopenings after an UNSATISFIED grade. */
	public static final int MAX_REOPENINGS = 2;

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
		o.newEntries.add(TimelineEntry.transition(o.id, now, actor, null, OpinionStatus.RECEIVED, null, null,
				Note.of("opinion.note.received", Note.message("opinion.channel." + o.channel))));
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
		move(OpinionStatus.ANSWERED, actor, now, null, answerText, Note.of("opinion.note.answered", Note.WORDS));
		closedAt = now;
	}

	public void mergeInto(Opinion primary, String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		if (primary.id.equals(id) || primary.status == OpinionStatus.MERGED || primary.primaryId != null) {
			throw LianluoException.conflict("opinion.merge.bad-primary");
		}
		primaryId = primary.id;
		move(OpinionStatus.MERGED, actor, now, null, null,
				Note.of("opinion.note.merged", Note.literal(primary.trackingCode), Note.WORDS));
		registerEvent(new OpinionEvents.OpinionMerged(id, primary.id));
	}

	public void unmerge(String actor, Instant now) {
		require(OpinionStatus.MERGED);
		UUID from = primaryId;
		primaryId = null;
		move(OpinionStatus.RECEIVED, actor, now, null, null, Note.of("opinion.note.unmerged", Note.WORDS));
		registerEvent(new OpinionEvents.OpinionUnmerged(id, from));
	}

	public void reject(String reason, String referral, String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		rejectReason = reason;
		rejectReferral = referral;
		String told = reason + (referral == null ? "" : " → " + referral);
		move(OpinionStatus.REJECTED, actor, now, null, told, Note.of("opinion.note.rejected", Note.literal(told), Note.WORDS));
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
		move(OpinionStatus.TO_PROPOSAL, actor, now, null, null, Note.of("opinion.note.to-proposal",
				Note.ref("deputies", String.join(",", toDeputies.stream().map(UUID::toString).toList())), Note.WORDS));
	}

	/** A deputy who received it drafted a proposal from it: on their own from triage, or as the office decided. */
	public void turnIntoProposal(UUID proposalId, String actor, Instant now) {
		if (status == OpinionStatus.TO_PROPOSAL) {
			note(TimelineEntry.Kind.PROPOSAL_DRAFTED, actor, now, null, Note.of("opinion.note.proposal-drafted"));
			return;
		}
		require(OpinionStatus.RECEIVED);
		closedAt = now;
		move(OpinionStatus.TO_PROPOSAL, actor, now, null, null, Note.of("opinion.note.turned-into-proposal"));
	}

	/** Its words went to a draft law's consultation as a comment (纳入立法参考); that settles it. */
	public void toConsultation(UUID consultation, String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		consultationId = consultation;
		closedAt = now;
		move(OpinionStatus.TO_CONSULTATION, actor, now, null, null, Note.of("opinion.note.to-consultation", Note.WORDS));
	}

	public void assign(UUID leadUnit, Collection<UUID> assisting, Instant newDeadline, Instant firstSupervision,
			String actor, Instant now) {
		require(OpinionStatus.RECEIVED);
		leadUnitId = leadUnit;
		assistingUnits.clear();
		assisting.stream().filter(u -> !u.equals(leadUnit)).forEach(u -> assistingUnits.add(new AssistingUnit(u, null, null)));
		startRound(newDeadline, firstSupervision, now);
		move(OpinionStatus.ASSIGNED, actor, now, null, null, Note.of("opinion.note.assigned", unit(leadUnit), Note.WORDS));
		registerEvent(new OpinionAssigned(id, trackingCode, kind, regionCode, leadUnit, newDeadline));
	}

	// --- handling by the unit

	public void accept(String actor, Instant now) {
		require(OpinionStatus.ASSIGNED, OpinionStatus.REOPENED);
		move(OpinionStatus.ACCEPTED, actor, now, null, null, Note.of("opinion.note.accepted", unit(leadUnitId)));
	}

	public void returnToTriage(String reason, Instant returnDeadline, String actor, Instant now) {
		require(OpinionStatus.ASSIGNED);
		if (now.isAfter(returnDeadline)) {
			throw LianluoException.conflict("opinion.return.too-late");
		}
		UUID returning = leadUnitId;
		leadUnitId = null;
		assistingUnits.clear();
		endRound();
		move(OpinionStatus.RECEIVED, actor, now, reason, null, Note.of("opinion.note.returned", unit(returning), Note.WORDS));
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
		note(TimelineEntry.Kind.EXTENSION_REQUESTED, actor, now, reason,
				Note.of("opinion.note.extension-requested", unit(leadUnitId), Note.literal(workingDays), Note.WORDS));
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
		note(approve ? TimelineEntry.Kind.EXTENSION_APPROVED : TimelineEntry.Kind.EXTENSION_DENIED, actor, now, note,
				Note.of(approve ? "opinion.note.extension-approved" : "opinion.note.extension-denied", Note.literal(days), Note.WORDS));
	}

	public void recordAssistingView(UUID unitId, String view, String actor, Instant now) {
		require(OpinionStatus.ACCEPTED, OpinionStatus.ASSIGNED, OpinionStatus.REOPENED);
		AssistingUnit unit = assistingUnits.stream().filter(a -> a.unitId().equals(unitId)).findFirst()
			.orElseThrow(LianluoException::forbidden);
		assistingUnits.remove(unit);
		assistingUnits.add(new AssistingUnit(unitId, view, now));
		note(TimelineEntry.Kind.ASSISTING_VIEW, actor, now, view, Note.of("opinion.note.assisting-view", unit(unitId), Note.WORDS));
	}

	public void reply(ReplyResult result, String text, String actor, Instant now) {
		require(OpinionStatus.ACCEPTED);
		replyResult = result;
		replyText = text;
		repliedAt = now;
		extensionDays = null;
		nextSupervisionAt = null;
		move(OpinionStatus.REPLIED, actor, now, null, null,
				Note.of("opinion.note.replied", unit(leadUnitId), Note.message("opinion.result." + result)));
	}

	public void review(boolean approve, String note, String actor, Instant now) {
		require(OpinionStatus.REPLIED);
		if (approve) {
			fedBackAt = now;
			move(OpinionStatus.FED_BACK, actor, now, note, null, Note.of("opinion.note.fed-back", Note.WORDS));
			registerEvent(new OpinionFedBack(id, trackingCode, kind, regionCode, reopenCount));
		}
		else {
			move(OpinionStatus.ACCEPTED, actor, now, note, null, Note.of("opinion.note.sent-back", unit(leadUnitId), Note.WORDS));
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
			note(TimelineEntry.Kind.PHONE_FOLLOW_UP, actor, now, comment, Note.of("opinion.note.follow-up", grade(newGrade), Note.WORDS));
		}
		if (newGrade == Grade.UNSATISFIED && reopenCount < MAX_REOPENINGS) {
			reopenCount++;
			startRound(reopenDeadline, reopenSupervision, now);
			replyResult = null;
			replyText = null;
			repliedAt = null;
			move(OpinionStatus.REOPENED, actor, now, comment, null, Note.of("opinion.note.reopened", grade(newGrade), Note.WORDS));
			registerEvent(new OpinionEvents.OpinionReopened(id, trackingCode, kind, regionCode, leadUnitId, reopenDeadline,
					reopenCount));
			return;
		}
		close(actor, now, Note.of("opinion.note.closed", grade(newGrade)));
		registerEvent(new OpinionClosed(id, trackingCode, kind, regionCode, newGrade, false));
	}

	public void closeUnrated(String actor, Instant now) {
		require(OpinionStatus.FED_BACK);
		closedUnrated = true;
		close(actor, now, Note.of("opinion.note.closed-unrated"));
		registerEvent(new OpinionClosed(id, trackingCode, kind, regionCode, null, true));
	}

	public void markImplemented(String note, String actor, Instant now) {
		require(OpinionStatus.CLOSED, OpinionStatus.ANSWERED);
		if (implemented) {
			throw LianluoException.conflict("opinion.implemented.already");
		}
		implemented = true;
		implementedNote = note;
		note(TimelineEntry.Kind.IMPLEMENTED, actor, now, note, Note.of("opinion.note.implemented", Note.WORDS));
	}

	// --- supervision (督办): steps only go up, each once

	@Override
	public boolean supervise(int level, Instant next, Instant now) {
		if (!status.isHandling() || level <= supervisionLevel) {
			return false;
		}
		supervisionLevel = level;
		nextSupervisionAt = next;
		// The note keeps the step's number: the sweep's tests and the office's queries read it.
		note(TimelineEntry.Kind.SUPERVISION, "system", now, String.valueOf(level),
				Note.of("opinion.note.supervision." + level, unit(leadUnitId)));
		registerEvent(new OpinionEvents.OpinionSupervised(id, trackingCode, leadUnitId, level, regionCode, deadline));
		return true;
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

	private void close(String actor, Instant now, Note message) {
		closedAt = now;
		nextSupervisionAt = null;
		move(OpinionStatus.CLOSED, actor, now, null, null, message);
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
		newEntries.set(newEntries.size() - 1, last.withWords(note));
	}

	private void move(OpinionStatus to, String actor, Instant now, String note, String publicNote, Note message) {
		newEntries.add(TimelineEntry.transition(id, now, actor, status, to, note, publicNote, message));
		status = to;
		updatedAt = now;
		registerEvent(new OpinionEvents.OpinionStatusChanged(id, to));
	}

	private void note(TimelineEntry.Kind kind, String actor, Instant now, String note, Note message) {
		newEntries.add(TimelineEntry.of(id, now, actor, kind, status, note, message));
		updatedAt = now;
	}

	private static String unit(UUID unitId) {
		return Note.ref("unit", unitId);
	}

	private static String grade(Grade g) {
		return Note.message("opinion.grade." + g);
	}

	/** The timeline entries made since the opinion was loaded; the one who stores it writes them with it. */
	public List<TimelineEntry> takeNewEntries() {
		List<TimelineEntry> taken = List.copyOf(newEntries);
		newEntries.clear();
		return taken;
	}
}
