package org.lianluo.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.lianluo.identity.UserDirectory;
import org.lianluo.proposal.Proposal;
import org.lianluo.proposal.Proposal.CosignAnswer;
import org.lianluo.proposal.ProposalEvents.AssistingViewOverdue;
import org.lianluo.proposal.ProposalEvents.ProposalAssigned;
import org.lianluo.proposal.ProposalEvents.ProposalRegistered;
import org.lianluo.proposal.ProposalEvents.ProposalReplied;
import org.lianluo.proposal.ProposalEvents.ProposalStatusChanged;
import org.lianluo.proposal.ProposalEvents.ProposalSupervised;
import org.lianluo.proposal.ProposalManagement;
import org.lianluo.proposal.ProposalStatus;
import org.lianluo.region.WorkingCalendar;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears what of the proposal loop. The co-signers a lead deputy asked: the request, when the proposal is
 * submitted and they have not answered yet. The lead deputy and the co-signers who did not decline: that it was
 * registered, with its number. The lead deputy: the unit's reply, to rate it. The lead unit's handlers: the
 * assignment and every supervision step. An assisting unit's handlers: that its view for the lead unit is late.
 * Like {@link OpinionNotifications}, each handler runs in the proposal's
 * transaction and only writes into the outbox; the proposal is read as the city's administration, whoever caused
 * the event. Messages name the proposal's number and title, which every recipient may see, and nothing personal.
 */
@Component
class ProposalNotifications {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkingCalendar.ZONE);

	private final ProposalManagement proposals;

	private final UserDirectory directory;

	private final StaffMessages staff;

	ProposalNotifications(ProposalManagement proposals, UserDirectory directory, StaffMessages staff) {
		this.proposals = proposals;
		this.directory = directory;
		this.staff = staff;
	}

	/** Submitted: the co-signers who have not answered are asked to (答复附议邀请). */
	@EventListener
	void on(ProposalStatusChanged event) {
		if (event.status() != ProposalStatus.SUBMITTED) {
			return;
		}
		Proposal p = load(event.proposalId());
		Map<String, String> params = new LinkedHashMap<>();
		params.put("title", p.getTitle());
		p.getCosigners()
			.stream()
			.filter(c -> c.answer() == CosignAnswer.PENDING)
			.forEach(c -> toDeputy(c.deputyId(), "cosign:" + p.getId(), "COSIGN_REQUEST", "proposal-cosign-requested",
					params, p));
	}

	@EventListener
	void on(ProposalRegistered event) {
		Proposal p = load(event.proposalId());
		Map<String, String> params = new LinkedHashMap<>();
		params.put("number", String.valueOf(event.number()));
		params.put("title", p.getTitle());
		String key = "p-registered:" + p.getId();
		toDeputy(p.getLeadDeputyId(), key, "PROPOSAL_REGISTERED", "proposal-registered", params, p);
		p.getCosigners()
			.stream()
			.filter(c -> c.answer() != CosignAnswer.DECLINED)
			.forEach(c -> toDeputy(c.deputyId(), key, "PROPOSAL_REGISTERED", "proposal-registered", params, p));
	}

	/** The lead deputy rates each reply; a reply after re-handling is a new one. */
	@EventListener
	void on(ProposalReplied event) {
		Proposal p = load(event.proposalId());
		Map<String, String> params = new LinkedHashMap<>();
		params.put("number", String.valueOf(p.getNumber()));
		params.put("title", p.getTitle());
		toDeputy(event.leadDeputyId(), "p-replied:" + p.getId() + unitKey(event.separateUnitId()) + ":" + event.round(),
				"REPLY_TO_RATE", "proposal-replied", params, p);
	}

	@EventListener
	void on(ProposalAssigned event) {
		Proposal p = load(event.proposalId());
		Map<String, String> params = unitParams(p, event.deadline());
		String key = "p-assigned:" + p.getId() + ":" + event.leadUnitId() + ":" + event.deadline();
		directory.handlersOf(event.leadUnitId())
			.forEach(user -> staff.send(key, user, "ASSIGNED", "proposal-assigned", params, link(p)));
	}

	/** Levels 1 to 4 reach the lead unit; level 0 (not assigned in time) is the office's own, on its board. */
	@EventListener
	void on(ProposalSupervised event) {
		if (event.level() < 1 || event.leadUnitId() == null) {
			return;
		}
		Proposal p = load(event.proposalId());
		Instant deadline = p.handlingOf(event.leadUnitId()).getDeadline();
		Map<String, String> params = unitParams(p, deadline);
		UUID separate = p.isSeparate() ? event.leadUnitId() : null;
		String key = "p-supervised:" + p.getId() + unitKey(separate) + ":" + deadline + ":" + event.level();
		directory.handlersOf(event.leadUnitId())
			.forEach(user -> staff.send(key, user, "SUPERVISION_" + event.level(),
					"proposal-supervised-" + event.level(), params, link(p)));
	}

	/** An assisting unit's view for the lead unit is late: its handlers are told, once per assignment. */
	@EventListener
	void on(AssistingViewOverdue event) {
		Proposal p = load(event.proposalId());
		Map<String, String> params = unitParams(p, event.due());
		String key = "p-assisting-view-late:" + p.getId() + ":" + event.assistingUnitId() + ":" + event.due();
		directory.handlersOf(event.assistingUnitId())
			.forEach(user -> staff.send(key, user, "ASSISTING_VIEW_LATE", "proposal-assisting-view-late", params,
					link(p)));
	}

	private void toDeputy(UUID deputyId, String key, String kind, String template, Map<String, String> params,
			Proposal p) {
		directory.usersOfDeputy(deputyId).forEach(user -> staff.send(key, user, kind, template, params, link(p)));
	}

	/** Several units replying separately each get their messages: the unit is part of the key; nothing for one unit. */
	private static String unitKey(UUID separateUnitId) {
		return separateUnitId == null ? "" : ":" + separateUnitId;
	}

	private Proposal load(UUID id) {
		return RunAs.as(RunAs.CITY, () -> proposals.get(id, RunAs.CITY));
	}

	private static Map<String, String> unitParams(Proposal p, Instant deadline) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("number", String.valueOf(p.getNumber()));
		params.put("deadline", deadline == null ? "" : DAY.format(deadline));
		return params;
	}

	private static String link(Proposal p) {
		return "/proposals/" + p.getId();
	}
}
