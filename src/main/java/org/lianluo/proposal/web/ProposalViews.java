package org.lianluo.proposal.web;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.deputy.Session;
import org.lianluo.proposal.Proposal;
import org.lianluo.platform.Page;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.proposal.ProposalManagement;
import org.lianluo.proposal.ReplyDocuments;
import org.lianluo.proposal.ProposalQueries;
import org.lianluo.region.RegionNames;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.stereotype.Component;

/** Builds {@link ProposalView}s: the registries give the names, the timeline comes with it. */
@Component
class ProposalViews {

	private final ProposalManagement proposals;

	private final Deputies deputies;

	private final Units units;

	private final Congresses congresses;

	private final RegionNames regionNames;

	private final FormErrors texts;

	private final ReplyDocuments documents;

	ProposalViews(ProposalManagement proposals, Deputies deputies, Units units, Congresses congresses,
			RegionNames regionNames, FormErrors texts, ReplyDocuments documents) {
		this.documents = documents;
		this.regionNames = regionNames;
		this.texts = texts;
		this.proposals = proposals;
		this.deputies = deputies;
		this.units = units;
		this.congresses = congresses;
	}

	ProposalView of(Proposal p) {
		Set<UUID> deputyIds = new HashSet<>(p.getCosignerIds());
		deputyIds.add(p.getLeadDeputyId());
		Map<UUID, String> deputyNames = deputyNames(deputyIds);
		Set<UUID> unitIds = new HashSet<>(p.getAssistingUnitIds());
		p.getContacts().forEach(c -> unitIds.add(c.unitId()));
		p.getAssistingViews().forEach(v -> unitIds.add(v.unitId()));
		p.getParts().forEach(u -> unitIds.add(u.getUnitId()));
		if (p.getLeadUnitId() != null) {
			unitIds.add(p.getLeadUnitId());
		}
		Map<UUID, String> unitNames = unitNames(unitIds);
		return new ProposalView(p.getId(), p.getSessionId(), sessionName(p.getSessionId()), p.getNumber(), p.getStatus(),
				p.getTitle(), p.getContent(), named(p.getLeadDeputyId(), deputyNames),
				p.getCosigners().stream().map(c -> new ProposalView.CosignerView(c.deputyId(), deputyNames.get(c.deputyId()),
						c.answer(), c.answeredAt())).toList(),
				p.getSubmittedAt(), p.isBetweenSessions(), p.getRegisteredAt(), p.getAssignmentDue(),
				p.getNotRegisteredReason(), p.getMode(), named(p.getLeadUnitId(), unitNames),
				p.getAssistingUnitIds().stream().map(u -> named(u, unitNames)).toList(), p.getAssignedAt(),
				p.getDeadline(), p.getExtensionMonths(), p.getExtensionReason(), p.isExtended(),
				p.getContacts().stream().map(c -> new ProposalView.ContactView(unitNames.get(c.unitId()), c.method(),
						c.note(), c.at(), c.round())).toList(),
				p.getReplyClass(), p.getReplyText(), p.getRepliedAt(), p.isRepliedWithoutContact(), p.getRepliedOnTime(),
				p.getGrade(), p.getGradeComment(), p.getRehandlingCount(), p.getClosedAt(), p.isKeySupervised(),
				p.getKeyTopic(), p.getKeyLeader(), p.getSupervisionLevel(), p.isAssignmentWarned(),
				proposals.timeline(p.getId()).stream().map(e -> new ProposalView.Entry(e.at(), e.actor(), e.kind(),
						e.fromStatus(), e.toStatus(), e.note(), e.unitId() == null ? null : unitNames.get(e.unitId()))).toList(),
				p.isReplyPublic(), p.getExtensionNotice(), p.getExtensionNoticedAt(),
				p.getReplies().stream().map(r -> new ProposalView.ReplyView(r.kind(), r.replyClass(), r.text(), r.at(), r.round(),
						r.unitId() == null ? null : unitNames.get(r.unitId()))).toList(),
				documents.of(p).stream()
					.map(a -> new ProposalView.DocumentView(a.id(), a.filename(), a.size(), a.createdAt())).toList(),
				p.getDraftedBy(),
				p.getAssistingViews().stream().map(v -> new ProposalView.AssistingViewView(named(v.unitId(), unitNames),
						v.text(), v.at(), v.round())).toList(),
				p.assistingViewsMissing().stream().map(u -> named(u, unitNames))
					.sorted(java.util.Comparator.comparing(n -> String.valueOf(n.name()))).toList(),
				p.getAssistingViewsDue(), p.isAssistingViewsWarned(),
				separateParts(p).stream().map(u -> ProposalView.UnitHandlingView.of(named(u.getUnitId(), unitNames),
						u.getStatus(), u.getHandling())).toList(), p.getNotRegisteredAs());
	}

	/** The handling of the unit's part, or of the proposal as lists read it when the unit holds none. */
	ProposalView.UnitHandlingView handlingOf(Proposal p, java.util.UUID unitId) {
		return p.getParts().stream().filter(u -> u.getUnitId().equals(unitId)).findFirst()
			.map(u -> ProposalView.UnitHandlingView.of(new ProposalView.Named(unitId, null), u.getStatus(), u.getHandling()))
			.orElseGet(() -> ProposalView.UnitHandlingView.of(new ProposalView.Named(p.getLeadUnitId(), null), p.getStatus(),
					p.getHandling()));
	}

	/** API.md's {@code separateUnits}: the parts when several units reply separately, else none. */
	private static List<org.lianluo.proposal.Part> separateParts(Proposal p) {
		return p.isSeparate() ? p.getParts() : List.of();
	}

	Page<PublicProposalApi.PublicReplyView> publicReplies(Page<ProposalQueries.PublicReply> page) {
		Map<UUID, String> unitNames = unitNames(PublicProposalApi.units(page));
		Map<UUID, String> sessions = new java.util.HashMap<>();
		return page.map(r -> new PublicProposalApi.PublicReplyView(r.number(),
				sessions.computeIfAbsent(r.sessionId(), this::sessionTitle), r.regionCode(), r.title(),
				unitNames.get(r.leadUnitId()), r.replyClass(), r.replyText(), r.repliedAt()));
	}

	/** The session as people name it: 田东县人大第5届第3次会议. */
	String sessionTitle(UUID sessionId) {
		return congresses.findSession(sessionId).map(this::sessionTitle).orElse("");
	}

	String sessionTitle(Session s) {
		return texts.text("proposal.session.name", regionNames.of(s.regionCode()), s.term(), s.number());
	}

	/** The sessions to choose from on a form, by id, named as people name them. */
	Map<UUID, String> sessionChoices() {
		Map<UUID, String> choices = new java.util.LinkedHashMap<>();
		congresses.sessions(null, 0, 200).items().forEach(s -> choices.put(s.id(), sessionTitle(s)));
		return choices;
	}

	Map<UUID, String> deputyNames(Collection<UUID> ids) {
		return deputies.findAll(ids).stream().collect(Collectors.toMap(DeputySummary::id, DeputySummary::name));
	}

	Map<UUID, String> unitNames(Collection<UUID> ids) {
		return units.findAll(ids).stream().collect(Collectors.toMap(HandlingUnit::id, HandlingUnit::name));
	}

	/** The session as region, level, term and number, e.g. {@code 451000 CITY 5-3}. */
	String sessionName(UUID sessionId) {
		return congresses.findSession(sessionId).map(ProposalViews::label).orElse(null);
	}

	static String label(Session s) {
		return s.regionCode() + " " + s.level() + " " + s.term() + "-" + s.number();
	}

	private static ProposalView.Named named(UUID id, Map<UUID, String> names) {
		return id == null ? null : new ProposalView.Named(id, names.get(id));
	}
}
