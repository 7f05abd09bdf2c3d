package org.lianluo.proposal.web;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Deputies;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.proposal.AssignmentMode;
import org.lianluo.proposal.ContactMethod;
import org.lianluo.proposal.Proposal;
import org.lianluo.proposal.ProposalBoard;
import org.lianluo.proposal.ProposalKpis;
import org.lianluo.proposal.NotRegisteredAs;
import org.lianluo.proposal.ProposalLetters;
import org.lianluo.proposal.ProposalCommands;
import org.lianluo.proposal.ProposalSteps;
import org.lianluo.proposal.ProposalCommands.Draft;
import org.lianluo.proposal.ProposalManagement;
import org.lianluo.proposal.ProposalQueries;
import org.lianluo.proposal.ProposalStatus;
import org.lianluo.proposal.ReplyClass;
import org.lianluo.proposal.Verdict;
import org.lianluo.unit.Units;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screens of the proposal loop: the list (a deputy's own proposals and co-sign requests, the office's
 * registration and assignment queues, a unit's workbench, key supervision), the draft form, and the
 * detail with its timeline and only the actions its state and the user's role allow.
 */
@Controller
@RequestMapping("/proposals")
class ProposalScreens {

	private final ProposalManagement proposals;

	private final ProposalQueries queries;

	private final ProposalViews views;

	private final Congresses congresses;

	private final Units units;

	private final FormErrors formErrors;

	private final ProposalKpis kpis;

	private final ProposalBoard board;

	private final ProposalLetters letters;

	private final Deputies deputies;

	private final ProposalSteps steps;

	private final Clock clock;

	ProposalScreens(ProposalManagement proposals, ProposalQueries queries, ProposalViews views, Congresses congresses,
			Units units, FormErrors formErrors, ProposalKpis kpis, ProposalBoard board,
			ProposalLetters letters, Deputies deputies, ProposalSteps steps, Clock clock) {
		this.steps = steps;
		this.clock = clock;
		this.deputies = deputies;
		this.letters = letters;
		this.board = board;
		this.kpis = kpis;
		this.proposals = proposals;
		this.queries = queries;
		this.views = views;
		this.congresses = congresses;
		this.units = units;
		this.formErrors = formErrors;
	}

	/** {@code view}: registration (SUBMITTED), assignment (REGISTERED), key (under key supervision), else all. */
	@GetMapping
	String list(@RequestParam(required = false) String view, @RequestParam(required = false) ProposalStatus status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		Actor user = Actor.current();
		ProposalStatus effective = "registration".equals(view) ? ProposalStatus.SUBMITTED
				: "assignment".equals(view) ? ProposalStatus.REGISTERED : status;
		var rows = queries.list(new ProposalQueries.Filter(effective, null, null, "key".equals(view) ? Boolean.TRUE : null, q),
				Math.max(page, 0), 50);
		Set<UUID> deputyIds = new HashSet<>();
		Set<UUID> unitIds = new HashSet<>();
		rows.items().forEach(r -> {
			deputyIds.add(r.leadDeputyId());
			if (r.leadUnitId() != null) {
				unitIds.add(r.leadUnitId());
			}
			unitIds.addAll(r.separateUnitIds());
		});
		model.addAttribute("page", rows);
		model.addAttribute("deputyNames", views.deputyNames(deputyIds));
		model.addAttribute("unitNames", views.unitNames(unitIds));
		model.addAttribute("view", view);
		model.addAttribute("status", effective);
		model.addAttribute("q", q);
		model.addAttribute("statuses", ProposalStatus.values());
		List<Proposal> requests = user.deputyId() == null ? List.of()
				: queries.pendingCosignRequests(user.deputyId()).stream().map(id -> proposals.get(id, user)).toList();
		model.addAttribute("cosignRequests", requests);
		model.addAttribute("requestNames", views.deputyNames(requests.stream().map(Proposal::getLeadDeputyId).toList()));
		return "proposal/list";
	}

	/** The figures of a session's proposals, in total and by lead unit. */
	@GetMapping("/kpis")
	String kpis(@RequestParam(required = false) UUID session, Model model) {
		Map<UUID, String> sessions = sessionChoices();
		UUID chosen = session != null ? session : sessions.keySet().stream().findFirst().orElse(null);
		model.addAttribute("sessions", sessions);
		model.addAttribute("sessionId", chosen);
		model.addAttribute("report", chosen == null ? null : kpis.report(chosen));
		return "proposal/kpis";
	}

	/** 一人一函 as .docx. */
	@GetMapping("/letter")
	ResponseEntity<byte[]> letter(@RequestParam UUID session, @RequestParam(required = false) UUID deputy) {
		return ProposalDownloads.of("letter.docx", ProposalDownloads.DOCX, letters.docx(session, deputy));
	}

	/** The overdue board of a session, by lead unit. */
	@GetMapping("/overdue")
	String overdue(@RequestParam(required = false) UUID session, Model model) {
		Map<UUID, String> sessions = sessionChoices();
		UUID chosen = session != null ? session : sessions.keySet().stream().findFirst().orElse(null);
		model.addAttribute("sessions", sessions);
		model.addAttribute("sessionId", chosen);
		model.addAttribute("board", chosen == null ? null : board.overdue(chosen));
		return "proposal/overdue";
	}

	/** The draft form; with {@code opinion}, a draft from a citizen's opinion the deputy received (转化为代表建议). */
	@GetMapping("/new")
	String draftForm(@RequestParam(required = false) UUID session, @RequestParam(required = false) UUID opinion,
			Model model) {
		model.addAttribute("sessions", sessionChoices());
		model.addAttribute("sessionId", session);
		if (opinion != null) {
			model.addAttribute("source", proposals.sourceOpinion(opinion, Actor.current()));
		}
		return "proposal/new";
	}

	/** A deputy's own draft; the office (ASSESSOR) enters one on a deputy's behalf, naming the deputy. */
	@PostMapping("/new")
	String draft(@RequestParam(required = false) UUID sessionId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String content, @RequestParam(required = false) List<UUID> coSignerIds,
			@RequestParam(required = false) String leadDeputyName, @RequestParam(required = false) UUID opinionId,
			Model model) {
		Actor user = Actor.current();
		try {
			Draft d = new Draft(sessionId, title, content, coSignerIds);
			ProposalCommands.DraftCommand c = opinionId != null
					? new ProposalCommands.DraftFromOpinion(opinionId, sessionId, title, content)
					: user.has(Role.ASSESSOR) && !user.has(Role.DEPUTY)
							? new ProposalCommands.DraftOnBehalf(deputyNamed(leadDeputyName), d) : d;
			Proposal p = steps.draft(c, user, Moment.live(clock));
			return "redirect:/proposals/" + p.getId();
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			model.addAttribute("sessions", sessionChoices());
			model.addAttribute("sessionId", sessionId);
			if (opinionId != null) {
				model.addAttribute("source", proposals.sourceOpinion(opinionId, Actor.current()));
			}
			// not "title" or "content": the layout's fragment parameters have those names
			model.addAttribute("draftTitle", title);
			model.addAttribute("draftContent", content);
			model.addAttribute("leadDeputyName", leadDeputyName);
			return "proposal/new";
		}
	}

	/** The one deputy in the caller's scope with exactly this name, or a field problem. */
	private UUID deputyNamed(String name) {
		if (name == null || name.isBlank()) {
			throw LianluoException.invalidField("leadDeputyId", "proposal.lead-deputy.missing");
		}
		List<org.lianluo.deputy.Deputy> found = deputies.named(name);
		if (found.size() != 1) {
			throw LianluoException.invalidField("leadDeputyId",
					found.isEmpty() ? "proposal.lead-deputy.missing" : "proposal.lead-deputy.ambiguous", name.strip());
		}
		return found.get(0).id();
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Actor user = Actor.current();
		Proposal p = proposals.get(id, user);
		ProposalView view = views.of(p);
		model.addAttribute("p", view);
		// Whose handling the office decides on and the deputy rates: each separately replying unit's, or the lead unit's.
		model.addAttribute("handlings", !view.separateUnits().isEmpty() ? view.separateUnits()
				: p.getLeadUnitId() == null ? List.of() : List.of(views.handlingOf(p, p.getLeadUnitId())));
		model.addAttribute("sessionName", congresses.findSession(p.getSessionId()).map(views::sessionTitle).orElse(""));
		model.addAttribute("isLeadDeputy", user.deputyId() != null && user.deputyId().equals(p.getLeadDeputyId()));
		model.addAttribute("isPendingCosigner", user.deputyId() != null && p.getCosigners().stream()
			.anyMatch(c -> c.deputyId().equals(user.deputyId()) && c.answer() == Proposal.CosignAnswer.PENDING));
		model.addAttribute("isAssessor", user.has(Role.ASSESSOR));
		model.addAttribute("officeMaySubmit", user.has(Role.ASSESSOR) && !user.has(Role.DEPUTY) && p.getDraftedBy() != null);
		model.addAttribute("isLeader", user.has(Role.LEADER));
		// A handler acts on the handling their unit holds: the proposal's own, or their unit's part of it.
		boolean holder = user.has(Role.UNIT_HANDLER) && p.getHandlingUnitIds().contains(user.unitId());
		model.addAttribute("isLeadHandler", holder);
		model.addAttribute("mine", holder ? views.handlingOf(p, user.unitId()) : null);
		model.addAttribute("contactedThisRound", holder && p.contactedThisRound(user.unitId()));
		model.addAttribute("assistingViewOpen", user.has(Role.UNIT_HANDLER) && user.unitId() != null
				&& (p.getStatus() == ProposalStatus.ASSIGNED || p.getStatus() == ProposalStatus.HANDLING)
				&& p.assistingViewsMissing().contains(user.unitId()));
		model.addAttribute("noticeMissing", holder && p.extensionNoticeMissing(user.unitId()));
		model.addAttribute("units", user.has(Role.ASSESSOR) ? units.list(null, null, 0, 200).items() : List.of());
		model.addAttribute("modes", AssignmentMode.values());
		model.addAttribute("methods", ContactMethod.values());
		model.addAttribute("classes", ReplyClass.values());
		model.addAttribute("grades", Verdict.values());
		model.addAttribute("dispositions", NotRegisteredAs.values());
		return "proposal/detail";
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable UUID id, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.Submit(id));
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable UUID id, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.Withdraw(id));
	}

	@PostMapping("/{id}/cosign")
	String cosign(@PathVariable UUID id, @RequestParam(required = false) Boolean confirm, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.AnswerCosign(id, confirm));
	}

	@PostMapping("/{id}/register")
	String register(@PathVariable UUID id, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.Register(id));
	}

	@PostMapping("/{id}/not-register")
	String refuse(@PathVariable UUID id, @RequestParam(required = false) NotRegisteredAs notRegisteredAs,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.RefuseRegistration(id, notRegisteredAs, reason));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable UUID id, @RequestParam(required = false) AssignmentMode mode,
			@RequestParam(required = false) UUID leadUnitId, @RequestParam(required = false) List<UUID> assistingUnitIds,
			@RequestParam(required = false) List<UUID> unitIds, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.Assign(id, mode, leadUnitId, assistingUnitIds, unitIds));
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable UUID id, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.Accept(id));
	}

	@PostMapping("/{id}/return")
	String returnIt(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.Return(id, reason));
	}

	@PostMapping("/{id}/contact")
	String contact(@PathVariable UUID id, @RequestParam(required = false) ContactMethod method,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.RecordContact(id, method, note));
	}

	@PostMapping("/{id}/assisting-views")
	String assistingView(@PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.RecordAssistingView(id, text));
	}

	@PostMapping("/{id}/extension")
	String extension(@PathVariable UUID id, @RequestParam(required = false) Integer months,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.RequestExtension(id, months, reason));
	}

	@PostMapping("/{id}/extension/decision")
	String decision(@PathVariable UUID id, @RequestParam boolean approve, @RequestParam(required = false) String note,
			@RequestParam(required = false) UUID unitId, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.DecideExtension(id, unitId, approve, note));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable UUID id, @RequestParam(required = false) ReplyClass replyClass,
			@RequestParam(required = false) String text, @RequestParam(required = false) Boolean confirmedWithoutContact,
			@RequestParam(required = false) Boolean publish, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.Reply(id, replyClass, text, confirmedWithoutContact, publish));
	}

	@PostMapping("/{id}/follow-up")
	String followUp(@PathVariable UUID id, @RequestParam(required = false) ReplyClass replyClass,
			@RequestParam(required = false) String text, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.FollowUp(id, replyClass, text));
	}

	@PostMapping("/{id}/extension/notice")
	String extensionNotice(@PathVariable UUID id, @RequestParam(required = false) String notice,
			RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.RecordExtensionNotice(id, notice));
	}

	@PostMapping("/{id}/reply-documents")
	String attachReplyDocument(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes flash) {
		return act(id, flash, () -> {
			try {
				steps.attach(new ProposalCommands.AttachReplyDocument(id, file == null ? null : file.getOriginalFilename(),
						file == null ? null : file.getBytes()), Actor.current(), Moment.live(clock));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	@GetMapping("/{id}/reply-documents/{documentId}")
	ResponseEntity<byte[]> replyDocument(@PathVariable UUID id, @PathVariable UUID documentId) {
		return ProposalDownloads.of(steps.documents().find(id, documentId, Actor.current()),
				steps.documents().content(documentId));
	}

	@PostMapping("/{id}/evaluate")
	String evaluate(@PathVariable UUID id, @RequestParam(required = false) Verdict grade,
			@RequestParam(required = false) String comment, @RequestParam(required = false) UUID unitId,
			RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.Evaluate(id, unitId, grade, comment));
	}

	@PostMapping("/{id}/key-supervision")
	String keySupervision(@PathVariable UUID id, @RequestParam(required = false) String topic, RedirectAttributes flash) {
		return step(id, flash, new ProposalCommands.PutUnderKeySupervision(id, topic));
	}

	private String step(UUID id, RedirectAttributes flash, ProposalCommands.Step command) {
		return act(id, flash, () -> steps.take(command, Actor.current(), Moment.live(clock)));
	}

	private String act(UUID id, RedirectAttributes flash, Runnable action) {
		return formErrors.act("/proposals/" + id, flash, action);
	}

	private Map<UUID, String> sessionChoices() {
		return views.sessionChoices();
	}
}
