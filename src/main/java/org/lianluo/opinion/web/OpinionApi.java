package org.lianluo.opinion.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Deadlines;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.Light;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionKpis;
import org.lianluo.opinion.OpinionLoop;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.opinion.OfficeReview;
import org.lianluo.opinion.OpinionFiles;
import org.lianluo.opinion.OpinionReveals;
import org.lianluo.opinion.OpinionTriage;
import org.lianluo.opinion.Rating;
import org.lianluo.opinion.UnitHandling;
import org.lianluo.platform.Moment;
import org.lianluo.opinion.OpinionQueries;
import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.ReplyResult;
import org.lianluo.opinion.Submission;
import org.lianluo.platform.Attachments;
import org.lianluo.platform.Page;
import org.lianluo.platform.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** {@code /api/v1/opinions}: the opinion loop for staff (API.md). Each action answers the opinion, 409 when its state forbids it. */
@RestController
@RequestMapping("/api/v1/opinions")
class OpinionApi {

	private final OpinionManagement opinions;

	private final OpinionQueries queries;

	private final Deadlines deadlines;

	private final Clock clock;

	private final OpinionKpis kpis;

	private final OpinionLoop loop;

	private final TimelineNotes notes;

	private final OpinionExport export;

	OpinionApi(OpinionManagement opinions, OpinionQueries queries, Deadlines deadlines, Clock clock, OpinionKpis kpis,
			OpinionLoop loop, TimelineNotes notes, OpinionExport export) {
		this.export = export;
		this.kpis = kpis;
		this.opinions = opinions;
		this.queries = queries;
		this.deadlines = deadlines;
		this.clock = clock;
		this.loop = loop;
		this.notes = notes;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('STATION_ADMIN', 'DEPUTY', 'ASSESSOR')")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<OpinionView> submit(@RequestBody StaffSubmission body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Submission s = new Submission(body.content(), body.regionCode(), body.stationId(), body.kind(), body.category(),
				body.name(), body.phone(), body.anonymous(), body.channel(), body.receivedAt(), body.deputyIds());
		Moment at = now();
		Opinion o = IntakeRetry.submit(loop.intake(), s, key, at, command -> loop.intake().fromStaff(command, Actor.current(), at));
		// The receipt for the citizen: its code (also for a deputy who registers it) and, this once, its rating key.
		return ResponseEntity.status(HttpStatus.CREATED).body(view(o, true).withRatingKey(opinions.ratingKey(o.getId())));
	}

	@Transactional(readOnly = true)
	@GetMapping
	Page<OpinionQueries.Row> list(@RequestParam(required = false) OpinionStatus status,
			@RequestParam(required = false) String region, @RequestParam(required = false) UUID unit,
			@RequestParam(required = false) Light light, @RequestParam(required = false) String q,
			@RequestParam(required = false) OpinionQueries.Order order, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return queries.list(new OpinionQueries.Filter(status, region, unit, light, q, order), page, size);
	}

	/** The list with the same filters and scope as an .xlsx (API.md), no personal data in it. */
	@Transactional(readOnly = true)
	@GetMapping("/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) OpinionStatus status,
			@RequestParam(required = false) String region, @RequestParam(required = false) UUID unit,
			@RequestParam(required = false) Light light, @RequestParam(required = false) String q,
			@RequestParam(required = false) OpinionQueries.Order order) {
		return Downloads.xlsx("opinions.xlsx", export.xlsx(new OpinionQueries.Filter(status, region, unit, light, q, order)));
	}

	/** The loop's figures for a region (default: the caller's scope) and a year (default: this year). */
	@GetMapping("/kpis")
	OpinionKpis.Report kpis(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region) {
		return kpis.report(region, year == null ? java.time.Year.now(org.lianluo.region.WorkingCalendar.ZONE).getValue() : year);
	}

	@Transactional(readOnly = true)
	@GetMapping("/{id}")
	OpinionView get(@PathVariable UUID id) {
		return view(opinions.get(id, Actor.current()));
	}

	/** The full phone number, for a call back; audited. */
	@PostMapping("/{id}/reveal")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'STATION_ADMIN')")
	OpinionReveals.Revealed reveal(@PathVariable UUID id) {
		return loop.reveals().reveal(id, Actor.current());
	}

	@PostMapping(value = "/{id}/attachments", consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Attachments.Attachment> attach(@PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestPart(required = false) org.springframework.web.multipart.MultipartFile file)
			throws java.io.IOException {
		if (file == null) {
			throw org.lianluo.platform.LianluoException.invalidField("file", "attachment.empty");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(loop.files()
			.attach(new OpinionFiles.Attach(id, file.getOriginalFilename(), file.getBytes()), Actor.current(), now()));
	}

	/** The opinion's files, as a page (API.md's lists). */
	@GetMapping("/{id}/attachments")
	Page<Attachments.Attachment> attachments(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return Page.of(loop.files().of(id, Actor.current()), page, size);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		return AttachmentDownloads.of(loop.files().get(id, attachmentId, Actor.current()), loop.files().content(attachmentId));
	}

	@PostMapping("/{id}/triage")
	OpinionView triage(@PathVariable UUID id, @RequestBody TriageBody body) {
		return view(loop.triage().triage(body.command(id), Actor.current(), now()));
	}

	/** "N 位群众反映同一问题": the opinions merged into this one, and how many people reported the matter. */
	@GetMapping("/{id}/duplicates")
	Duplicates duplicates(@PathVariable UUID id) {
		Actor actor = Actor.current();
		Opinion o = opinions.get(id, actor);
		boolean codes = OpinionQueries.showsTrackingCodes(actor);
		List<Duplicate> merged = queries.duplicatesOf(o.getId()).stream()
			.map(d -> opinions.byId(d).orElseThrow())
			.map(d -> new Duplicate(d.getId(), codes ? d.getTrackingCode() : null, d.getReceivedAt()))
			.toList();
		return new Duplicates(merged.size() + 1, merged);
	}

	@PostMapping("/{id}/unmerge")
	OpinionView unmerge(@PathVariable UUID id) {
		return view(loop.triage().unmerge(new OpinionTriage.Unmerge(id), Actor.current(), now()));
	}

	@PostMapping("/{id}/accept")
	OpinionView accept(@PathVariable UUID id) {
		return view(loop.unit().accept(new UnitHandling.Accept(id), Actor.current(), now()));
	}

	@PostMapping("/{id}/return")
	OpinionView returnToTriage(@PathVariable UUID id, @RequestBody Reason body) {
		return view(loop.unit().returnToTriage(new UnitHandling.Return(id, body.reason()), Actor.current(), now()));
	}

	@PostMapping("/{id}/extension")
	OpinionView requestExtension(@PathVariable UUID id, @RequestBody ExtensionRequest body) {
		return view(loop.unit().requestExtension(new UnitHandling.RequestExtension(id, body.workingDays(), body.reason()),
				Actor.current(), now()));
	}

	@PostMapping("/{id}/extension/decision")
	OpinionView decideExtension(@PathVariable UUID id, @RequestBody Decision body) {
		return view(loop.office().decideExtension(new OfficeReview.DecideExtension(id, body.approve(), body.note()),
				Actor.current(), now()));
	}

	@PostMapping("/{id}/assisting-view")
	OpinionView assistingView(@PathVariable UUID id, @RequestBody View body) {
		return view(loop.unit().recordAssistingView(new UnitHandling.AssistingView(id, body.view()), Actor.current(), now()));
	}

	@PostMapping("/{id}/reply")
	OpinionView reply(@PathVariable UUID id, @RequestBody ReplyBody body) {
		return view(loop.unit().reply(new UnitHandling.Reply(id, body.result(), body.text()), Actor.current(), now()));
	}

	@PostMapping("/{id}/review")
	OpinionView review(@PathVariable UUID id, @RequestBody Decision body) {
		return view(loop.office().review(new OfficeReview.Review(id, body.approve(), body.note()), Actor.current(), now()));
	}

	@PostMapping("/{id}/evaluation")
	OpinionView evaluateByPhone(@PathVariable UUID id, @RequestBody Evaluation body) {
		return view(loop.rating().byPhone(new Rating.ByPhone(id, body.grade(), body.comment()), Actor.current(), now()));
	}

	@PostMapping("/{id}/implemented")
	OpinionView implemented(@PathVariable UUID id, @RequestBody Note body) {
		return view(loop.office().markImplemented(new OfficeReview.MarkImplemented(id, body.note()), Actor.current(), now()));
	}

	private Moment now() {
		return Moment.live(clock);
	}

	private OpinionView view(Opinion o) {
		return view(o, OpinionQueries.showsTrackingCodes(Actor.current()));
	}

	private OpinionView view(Opinion o, boolean withCode) {
		Instant now = clock.instant();
		return OpinionView.of(o, loop.reveals().name(o), loop.reveals().phone(o),
				o.light(now, deadlines.endOfNextWorkingDay(now)), notes.events(opinions.timeline(o.getId()), withCode), withCode);
	}

	record StaffSubmission(String content, String regionCode, UUID stationId, OpinionKind kind, Category category,
			String name, String phone, Boolean anonymous, Channel channel, Instant receivedAt, List<UUID> deputyIds) {
	}

	record Reason(String reason) {
	}

	record ExtensionRequest(Integer workingDays, String reason) {
	}

	record Decision(Boolean approve, String note) {
	}

	record View(String view) {
	}

	record ReplyBody(ReplyResult result, String text) {
	}

	record Evaluation(Grade grade, String comment) {
	}

	record Note(String note) {
	}

	record Duplicates(int peopleReporting, List<Duplicate> duplicates) {
	}

	record Duplicate(UUID id, String trackingCode, Instant receivedAt) {
	}
}
