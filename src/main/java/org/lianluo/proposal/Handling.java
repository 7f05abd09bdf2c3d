package org.lianluo.proposal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Comparator;
import java.util.Objects;

import org.lianluo.platform.LianluoException;

/**
 * One unit's handling (办) of a proposal: its deadline and extension, its reply, the lead deputy's rating of the
 * reply and the supervision of its deadline. Each {@link Part} holds one; the proposal keeps one more that
 * summarises its parts' for lists and figures ({@link #summarise}). The part checks its state first.
 */
public class Handling {

	Instant assignedAt;

	Instant deadline;

	Integer extensionMonths;

	String extensionReason;

	boolean extended;

	String extensionNotice;

	Instant extensionNoticedAt;

	ReplyClass replyClass;

	String replyText;

	Instant repliedAt;

	boolean repliedWithoutContact;

	Boolean repliedOnTime;

	boolean replyPublic;

	Verdict grade;

	String gradeComment;

	Instant ratedAt;

	int rehandlingCount;

	Instant closedAt;

	int supervisionLevel;

	Instant nextSupervisionAt;

	void start(Instant now, Instant newDeadline, Instant firstSupervision) {
		assignedAt = now;
		deadline = newDeadline;
		extended = false;
		extensionMonths = null;
		extensionReason = null;
		startSupervision(firstSupervision);
	}

	/** A return: no unit holds it, no deadline runs. */
	void stop() {
		assignedAt = null;
		deadline = null;
		nextSupervisionAt = null;
		supervisionLevel = 0;
	}

	void requestExtension(int months, String reason) {
		if (extended) {
			throw LianluoException.conflict("proposal.extension.used");
		}
		if (extensionMonths != null) {
			throw LianluoException.conflict("proposal.extension.pending");
		}
		extensionMonths = months;
		extensionReason = reason;
	}

	/** The months asked for; 409 unless an extension waits for a decision while the unit handles it. */
	int pendingExtensionMonths(ProposalStatus holder) {
		if (extensionMonths == null || holder != ProposalStatus.HANDLING) {
			throw LianluoException.conflict("proposal.extension.none");
		}
		return extensionMonths;
	}

	void decideExtension(boolean approve, Instant newDeadline, Instant nextSupervision) {
		if (approve) {
			deadline = newDeadline;
			extended = true;
			startSupervision(nextSupervision);
		}
		extensionMonths = null;
		extensionReason = null;
	}

	void recordExtensionNotice(String notice, Instant now) {
		if (!extended) {
			throw LianluoException.conflict("proposal.extension.notice-without-extension");
		}
		if (extensionNotice != null) {
			throw LianluoException.conflict("proposal.extension.notice-recorded");
		}
		extensionNotice = notice;
		extensionNoticedAt = now;
	}

	void reply(ReplyClass newClass, String text, boolean contacted, boolean publish, Instant now) {
		replyClass = newClass;
		replyText = text;
		repliedAt = now;
		repliedWithoutContact = !contacted;
		repliedOnTime = deadline == null || !now.isAfter(deadline);
		replyPublic = publish;
		extensionMonths = null;
		extensionReason = null;
		nextSupervisionAt = null;
	}

	/** A follow-up reply: better than the last B or C; answers the class it replaces. */
	ReplyClass followUp(ReplyClass newClass, String text) {
		if (replyClass != ReplyClass.B && replyClass != ReplyClass.C) {
			throw LianluoException.conflict("proposal.follow-up.not-needed");
		}
		if (newClass == ReplyClass.D || newClass.ordinal() >= replyClass.ordinal()) {
			throw LianluoException.invalidField("replyClass", "proposal.follow-up.class");
		}
		ReplyClass before = replyClass;
		replyClass = newClass;
		replyText = text;
		return before;
	}

	/**
	 * The lead deputy's rating: answers true when it starts re-handling (UNSATISFIED, at most
	 * {@link Proposal#MAX_REHANDLINGS} times), false when it closes the handling.
	 */
	boolean rate(Verdict verdict, String comment, Instant now, Instant rehandlingDeadline, Instant rehandlingSupervision) {
		grade = verdict;
		gradeComment = comment;
		ratedAt = now;
		if (verdict == Verdict.UNSATISFIED && rehandlingCount < Proposal.MAX_REHANDLINGS) {
			rehandlingCount++;
			deadline = rehandlingDeadline;
			startSupervision(rehandlingSupervision);
			return true;
		}
		closedAt = now;
		return false;
	}

	/** The next supervision step reached; {@code next}: when the one after it falls due, or null. */
	void supervise(int level, Instant next) {
		supervisionLevel = level;
		nextSupervisionAt = next;
	}

	void startSupervision(Instant first) {
		supervisionLevel = 0;
		nextSupervisionAt = first;
	}

	void close(Instant now) {
		closedAt = now;
	}

	/**
	 * The proposal's handling as lists and figures read it, from its parts that were not returned: one part's is
	 * its own. Of several: the earliest deadline still running (else the latest of any); replied when every unit has
	 * replied, then at the last reply, on time only if every reply was, with the weakest class
	 * ({@link ReplyClass#weakest}); rated when every reply is rated, with the least satisfied verdict
	 * ({@link Verdict#leastSatisfied}); the most re-handlings and the highest supervision step of any unit.
	 */
	void summarise(List<Handling> parts, Collection<Handling> running) {
		if (parts.size() == 1) {
			copy(parts.get(0));
			return;
		}
		deadline = running.stream().map(h -> h.deadline).filter(Objects::nonNull).min(Comparator.naturalOrder())
			.orElseGet(() -> parts.stream().map(h -> h.deadline).filter(Objects::nonNull).max(Comparator.naturalOrder())
				.orElse(deadline));
		boolean allReplied = !parts.isEmpty() && parts.stream().allMatch(h -> h.repliedAt != null);
		repliedAt = allReplied ? parts.stream().map(h -> h.repliedAt).max(Comparator.naturalOrder()).orElseThrow() : null;
		repliedOnTime = allReplied ? parts.stream().allMatch(h -> Boolean.TRUE.equals(h.repliedOnTime)) : null;
		replyClass = allReplied ? ReplyClass.weakest(parts.stream().map(h -> h.replyClass).toList()) : null;
		repliedWithoutContact = parts.stream().anyMatch(h -> h.repliedWithoutContact);
		boolean allRated = allReplied && parts.stream().allMatch(h -> h.grade != null);
		grade = allRated ? Verdict.leastSatisfied(parts.stream().map(h -> h.grade).toList()) : null;
		ratedAt = allRated ? parts.stream().map(h -> h.ratedAt).max(Comparator.naturalOrder()).orElseThrow() : null;
		rehandlingCount = parts.stream().mapToInt(h -> h.rehandlingCount).max().orElse(0);
		supervisionLevel = running.stream().mapToInt(h -> h.supervisionLevel).max().orElse(supervisionLevel);
		nextSupervisionAt = null;
	}

	private void copy(Handling h) {
		assignedAt = h.assignedAt;
		deadline = h.deadline;
		extensionMonths = h.extensionMonths;
		extensionReason = h.extensionReason;
		extended = h.extended;
		extensionNotice = h.extensionNotice;
		extensionNoticedAt = h.extensionNoticedAt;
		replyClass = h.replyClass;
		replyText = h.replyText;
		repliedAt = h.repliedAt;
		repliedWithoutContact = h.repliedWithoutContact;
		repliedOnTime = h.repliedOnTime;
		replyPublic = h.replyPublic;
		grade = h.grade;
		gradeComment = h.gradeComment;
		ratedAt = h.ratedAt;
		rehandlingCount = h.rehandlingCount;
		closedAt = h.closedAt;
		supervisionLevel = h.supervisionLevel;
		nextSupervisionAt = h.nextSupervisionAt;
	}

	public Instant getAssignedAt() { return assignedAt; }
	public Instant getDeadline() { return deadline; }
	public Integer getExtensionMonths() { return extensionMonths; }
	public String getExtensionReason() { return extensionReason; }
	public boolean isExtended() { return extended; }
	public String getExtensionNotice() { return extensionNotice; }
	public Instant getExtensionNoticedAt() { return extensionNoticedAt; }
	public ReplyClass getReplyClass() { return replyClass; }
	public String getReplyText() { return replyText; }
	public Instant getRepliedAt() { return repliedAt; }
	public boolean isRepliedWithoutContact() { return repliedWithoutContact; }
	public Boolean getRepliedOnTime() { return repliedOnTime; }
	public boolean isReplyPublic() { return replyPublic; }
	public Verdict getGrade() { return grade; }
	public String getGradeComment() { return gradeComment; }
	public Instant getRatedAt() { return ratedAt; }
	public int getRehandlingCount() { return rehandlingCount; }
	public Instant getClosedAt() { return closedAt; }
	public int getSupervisionLevel() { return supervisionLevel; }
	public Instant getNextSupervisionAt() { return nextSupervisionAt; }
}
