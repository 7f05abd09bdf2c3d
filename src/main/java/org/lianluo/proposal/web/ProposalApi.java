package org.lianluo.proposal.web;

import java.time.Year;
import java.util.List;
import java.util.UUID;

import java.io.IOException;
import java.time.Clock;

import org.lianluo.identity.Actor;
import org.lianluo.platform.Attachments;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Page;
import org.lianluo.platform.ImportReport;
import org.lianluo.platform.web.Downloads;
import org.lianluo.proposal.ContactMethod;
import org.lianluo.proposal.ProposalAssignmentSheets;
import org.lianluo.proposal.ProposalBoard;
import org.lianluo.proposal.ProposalKpis;
import org.lianluo.proposal.NotRegisteredAs;
import org.lianluo.proposal.ProposalLetters;
import org.lianluo.proposal.Proposal;
import org.lianluo.proposal.ProposalCommands;
import org.lianluo.proposal.ProposalSteps;
import org.lianluo.proposal.ProposalCommands.Draft;
import org.lianluo.proposal.ProposalManagement;
import org.lianluo.proposal.AssignmentMode;
import org.lianluo.proposal.ProposalQueries;
import org.lianluo.proposal.ProposalStatus;
import org.lianluo.proposal.ReplyClass;
import org.lianluo.proposal.UpwardProposals;
import org.lianluo.proposal.Verdict;
import org.lianluo.region.WorkingCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** {@code /api/v1/proposals}: the proposal loop (API.md). Each step answers the proposal, 409 when its state forbids it. */
@RestController
@RequestMapping("/api/v1/proposals")
class ProposalApi {

	private final ProposalManagement proposals;

	private final ProposalQueries queries;

	private final ProposalViews views;

	private final UpwardProposals upward;

	private final ProposalKpis kpis;

	private final ProposalBoard board;

	private final ProposalLetters letters;

	private final ProposalAssignmentSheets sheets;

	private final ProposalSteps steps;

	private final Clock clock;

	ProposalApi(ProposalManagement proposals, ProposalQueries queries, ProposalViews views, UpwardProposals upward,
			ProposalKpis kpis, ProposalBoard board, ProposalLetters letters, ProposalAssignmentSheets sheets,
			ProposalSteps steps, Clock clock) {
		this.steps = steps;
		this.clock = clock;
		this.sheets = sheets;
		this.letters = letters;
		this.board = board;
		this.upward = upward;
		this.kpis = kpis;
		this.proposals = proposals;
		this.queries = queries;
		this.views = views;
	}

	/** A deputy's draft; with {@code leadDeputyId}, a draft the office enters on that deputy's behalf. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProposalView draft(@RequestBody DraftBody body) {
		Draft d = new Draft(body.sessionId(), body.title(), body.content(), body.coSignerIds());
		return views.of(steps.draft(body.leadDeputyId() == null ? d : new ProposalCommands.DraftOnBehalf(body.leadDeputyId(), d),
				Actor.current(), now()));
	}

	@Transactional(readOnly = true)
	@GetMapping
	Page<ProposalQueries.Row> list(@RequestParam(required = false) ProposalStatus status,
			@RequestParam(required = false) UUID session, @RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean keySupervised, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return queries.list(new ProposalQueries.Filter(status, session, region, keySupervised, q), page, size);
	}

	/** A draft from a citizen's opinion the deputy received (TO_PROPOSAL); its content is the opinion's words unless given. */
	@PostMapping("/from-opinion")
	@ResponseStatus(HttpStatus.CREATED)
	ProposalView draftFromOpinion(@RequestBody FromOpinion body) {
		return views.of(steps.draft(new ProposalCommands.DraftFromOpinion(body.opinionId(), body.sessionId(), body.title(),
				body.content()), Actor.current(), now()));
	}

	/** A delegation's proposal to a higher congress. */
	@PostMapping("/upward")
	@ResponseStatus(HttpStatus.CREATED)
	UpwardProposals.UpwardProposal recordUpward(@RequestBody UpwardProposals.Form body) {
		return upward.record(body);
	}

	/** What the higher congress did with a delegation's proposal (its status there), as the office learns it. */
	@PostMapping("/upward/{id}/status")
	UpwardProposals.UpwardProposal recordUpwardStatus(@PathVariable UUID id, @RequestBody UpwardProposals.StatusForm body) {
		return upward.recordStatus(id, body);
	}

	/** A year's upward proposals within the caller's scope, as a page (API.md's lists). */
	@GetMapping("/upward")
	Page<UpwardProposals.UpwardProposal> upward(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return Page.of(upward.list(region, year == null ? Year.now(WorkingCalendar.ZONE).getValue() : year), page, size);
	}

	/** The figures of a session's proposals, in total and by lead unit. */
	@GetMapping("/kpis")
	ProposalKpis.Report kpis(@RequestParam UUID session) {
		return kpis.report(session);
	}

	/** Bulk assignment after the session's 交办会: all lines or none, each refused line named with its problems. */
	@PostMapping("/assignments")
	ImportReport assignFromSheet(@RequestParam(required = false) UUID session,
			@RequestParam(required = false) MultipartFile file) throws IOException {
		return sheets.assign(session, file == null ? null : file.getBytes(), Actor.current(), now());
	}

	@GetMapping("/assignments/template")
	ResponseEntity<byte[]> assignmentTemplate() {
		return Downloads.xlsx("assignments-template.xlsx", sheets.template());
	}

	/** 一人一函: the letter to a deputy (by default the caller) on the proposals they led in a session, as .docx. */
	@GetMapping("/letter")
	ResponseEntity<byte[]> letter(@RequestParam UUID session, @RequestParam(required = false) UUID deputy) {
		return ProposalDownloads.of("letter.docx", ProposalDownloads.DOCX, letters.docx(session, deputy));
	}

	/** The overdue board of a session, by lead unit. */
	@GetMapping("/overdue")
	ProposalBoard.Board overdue(@RequestParam UUID session) {
		return board.overdue(session);
	}

	@GetMapping("/{id}")
	ProposalView get(@PathVariable UUID id) {
		return views.of(proposals.get(id, Actor.current()));
	}

	@PostMapping("/{id}/submit")
	ProposalView submit(@PathVariable UUID id) {
		return step(new ProposalCommands.Submit(id));
	}

	@PostMapping("/{id}/withdraw")
	ProposalView withdraw(@PathVariable UUID id) {
		return step(new ProposalCommands.Withdraw(id));
	}

	@PostMapping("/{id}/cosign")
	ProposalView cosign(@PathVariable UUID id, @RequestBody Cosign body) {
		return step(new ProposalCommands.AnswerCosign(id, body.confirm()));
	}

	@PostMapping("/{id}/register")
	ProposalView register(@PathVariable UUID id) {
		return step(new ProposalCommands.Register(id));
	}

	@PostMapping("/{id}/not-register")
	ProposalView refuseRegistration(@PathVariable UUID id, @RequestBody Refusal body) {
		return step(new ProposalCommands.RefuseRegistration(id, body.notRegisteredAs(), body.reason()));
	}

	/**
	 * {@code {mode, leadUnitId, assistingUnitIds?}} as API.md says; SEPARATE to several units, each replying on its own:
	 * {@code {mode: SEPARATE, unitIds: [...]}} (a {@code leadUnitId} given too is the first of them).
	 */
	@PostMapping("/{id}/assign")
	ProposalView assign(@PathVariable UUID id, @RequestBody Assignment body) {
		return step(new ProposalCommands.Assign(id, body.mode(), body.leadUnitId(), body.assistingUnitIds(),
				body.unitIds()));
	}

	@PostMapping("/{id}/accept")
	ProposalView accept(@PathVariable UUID id) {
		return step(new ProposalCommands.Accept(id));
	}

	@PostMapping("/{id}/return")
	ProposalView returnForReassignment(@PathVariable UUID id, @RequestBody Reason body) {
		return step(new ProposalCommands.Return(id, body.reason()));
	}

	@PostMapping("/{id}/contact")
	ProposalView contact(@PathVariable UUID id, @RequestBody Contact body) {
		return step(new ProposalCommands.RecordContact(id, body.method(), body.note()));
	}

	@PostMapping("/{id}/assisting-views")
	ProposalView assistingView(@PathVariable UUID id, @RequestBody AssistingView body) {
		return step(new ProposalCommands.RecordAssistingView(id, body.text()));
	}

	@PostMapping("/{id}/extension")
	ProposalView requestExtension(@PathVariable UUID id, @RequestBody Extension body) {
		return step(new ProposalCommands.RequestExtension(id, body.months(), body.reason()));
	}

	@PostMapping("/{id}/extension/decision")
	ProposalView decideExtension(@PathVariable UUID id, @RequestBody Decision body) {
		return step(new ProposalCommands.DecideExtension(id, body.unitId(), body.approve(), body.note()));
	}

	@PostMapping("/{id}/reply")
	ProposalView reply(@PathVariable UUID id, @RequestBody Reply body) {
		return step(new ProposalCommands.Reply(id, body.replyClass(), body.text(), body.confirmedWithoutContact(),
				body.publish()));
	}

	/** A follow-up reply to a B or C reply when the matter is solved; the earlier reply stays in {@code replies}. */
	@PostMapping("/{id}/follow-up")
	ProposalView followUp(@PathVariable UUID id, @RequestBody FollowUp body) {
		return step(new ProposalCommands.FollowUp(id, body.replyClass(), body.text()));
	}

	/** The written notice to the deputy of an approved extension. */
	@PostMapping("/{id}/extension/notice")
	ProposalView extensionNotice(@PathVariable UUID id, @RequestBody Notice body) {
		return step(new ProposalCommands.RecordExtensionNotice(id, body.notice()));
	}

	/** The signed reply document (答复函): a PDF, checked by its content. */
	@PostMapping("/{id}/reply-documents")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<ProposalView.DocumentView> attachReplyDocument(@PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file) throws IOException {
		Attachments.Attachment a = steps.attach(new ProposalCommands.AttachReplyDocument(id,
				file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes()), Actor.current(), now());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new ProposalView.DocumentView(a.id(), a.filename(), a.size(), a.createdAt()));
	}

	@GetMapping("/{id}/reply-documents/{documentId}")
	ResponseEntity<byte[]> replyDocument(@PathVariable UUID id, @PathVariable UUID documentId) {
		return ProposalDownloads.of(steps.documents().find(id, documentId, Actor.current()),
				steps.documents().content(documentId));
	}

	@PostMapping("/{id}/evaluate")
	ProposalView evaluate(@PathVariable UUID id, @RequestBody Evaluation body) {
		return step(new ProposalCommands.Evaluate(id, body.unitId(), body.grade(), body.comment()));
	}

	@PostMapping("/{id}/key-supervision")
	ProposalView keySupervision(@PathVariable UUID id, @RequestBody KeySupervision body) {
		return step(new ProposalCommands.PutUnderKeySupervision(id, body.topic()));
	}

	private ProposalView step(ProposalCommands.Step command) {
		return views.of(steps.take(command, Actor.current(), now()));
	}

	private Moment now() {
		return Moment.live(clock);
	}

	/** {@code /assign} as API.md says; {@code unitIds} for SEPARATE to several units. */
	record Assignment(AssignmentMode mode, UUID leadUnitId, List<UUID> assistingUnitIds, List<UUID> unitIds) {
	}

	record DraftBody(UUID sessionId, String title, String content, List<UUID> coSignerIds, UUID leadDeputyId) {
	}

	record FromOpinion(UUID opinionId, UUID sessionId, String title, String content) {
	}

	record Cosign(Boolean confirm) {
	}

	record Reason(String reason) {
	}

	record AssistingView(String text) {
	}

	record Contact(ContactMethod method, String note) {
	}

	record Extension(Integer months, String reason) {
	}

	/** {@code unitId}: whose extension, required when several units reply separately. */
	record Decision(Boolean approve, String note, UUID unitId) {
	}

	record Reply(ReplyClass replyClass, String text, Boolean confirmedWithoutContact, Boolean publish) {
	}

	record FollowUp(ReplyClass replyClass, String text) {
	}

	record Notice(String notice) {
	}

	/** {@code unitId}: whose reply is rated, required when several units reply separately. */
	record Evaluation(Verdict grade, String comment, UUID unitId) {
	}

	record KeySupervision(String topic) {
	}

	/** {@code /not-register}: what the proposal becomes (LETTER 转为来信, REFERENCE 参阅件) and why. */
	record Refusal(NotRegisteredAs notRegisteredAs, String reason) {
	}
}
