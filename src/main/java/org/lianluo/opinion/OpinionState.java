package org.lianluo.opinion;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * What an {@link Opinion} holds, and how every module reads it; its changes are {@link Opinion}'s transitions.
 * The fields are the columns of {@code opinion}, which {@link OpinionStore} maps by name.
 */
public abstract class OpinionState extends AbstractAggregateRoot<Opinion> {

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

	OpinionState() {
	}

	/** The events registered since the last save, for the one who stores it to publish; cleared here. */
	List<Object> takeEvents() {
		List<Object> events = List.copyOf(domainEvents());
		clearDomainEvents();
		return events;
	}

	/** The traffic light while a unit handles it (DESIGN.md): red overdue, yellow due within a working day or extended. */
	public Light light(Instant now, Instant endOfNextWorkingDay) {
		if (!status.isHandling() || deadline == null) {
			return null;
		}
		if (now.isAfter(deadline)) {
			return Light.RED;
		}
		return extended || !deadline.isAfter(endOfNextWorkingDay) ? Light.YELLOW : Light.GREEN;
	}

	// --- as the supervision ladder sees it (see Opinion#supervise)

	public boolean underSupervision() {
		return status.isHandling();
	}

	public Instant supervisionDeadline() {
		return deadline;
	}

	public int supervisionLevel() {
		return supervisionLevel;
	}

	public Instant nextSupervisionAt() {
		return nextSupervisionAt;
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
	public Set<UUID> getDeputyIds() { return deputies.stream().map(ReceivingDeputy::deputyId).collect(Collectors.toSet()); }

	/** An assisting unit (协办) and the view it sent the lead unit. */
	public record AssistingUnit(UUID unitId, String view, Instant viewedAt) {
	}

	/** A deputy who received the opinion. */
	public record ReceivingDeputy(UUID deputyId) {
	}

	/** What intake hands to {@link Opinion#receive}. */
	public record Intake(String content, String regionCode, UUID stationId, OpinionKind kind, Category category,
			Channel channel, String nameEnc, String phoneEnc, String phoneHash, boolean anonymous, Instant receivedAt,
			Set<UUID> deputyIds) {
	}
}
