package org.lianluo.opinion.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lianluo.consultation.Consultations;
import org.lianluo.deputy.Deputies;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.Deadlines;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.Light;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionLoop;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.opinion.OfficeReview;
import org.lianluo.opinion.OpinionFiles;
import org.lianluo.opinion.OpinionTriage;
import org.lianluo.opinion.Rating;
import org.lianluo.opinion.UnitHandling;
import org.lianluo.opinion.OpinionQueries;
import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.ReplyResult;
import org.lianluo.opinion.TriageRoute;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.region.Regions;
import org.lianluo.unit.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff screens of the opinion loop: the list (also the triage queue and a unit's workbench), and the
 * detail with its timeline and only the actions its state and the user's role allow.
 */
@Controller
@RequestMapping("/opinions")
class OpinionScreens {

	private final OpinionManagement opinions;

	private final OpinionQueries queries;

	private final Deadlines deadlines;

	private final Units units;

	private final FormErrors formErrors;

	private final Clock clock;

	private final Consultations consultations;

	private final Regions regions;

	private final Deputies deputies;

	private final OpinionLoop loop;

	private final TimelineNotes notes;

	private final OpinionExport export;

	OpinionScreens(Regions regions, Consultations consultations, OpinionManagement opinions, OpinionQueries queries,
			Deadlines deadlines, Units units, FormErrors formErrors, Clock clock, Deputies deputies, OpinionLoop loop,
			TimelineNotes notes, OpinionExport export) {
		this.export = export;
		this.loop = loop;
		this.notes = notes;
		this.deputies = deputies;
		this.opinions = opinions;
		this.queries = queries;
		this.deadlines = deadlines;
		this.units = units;
		this.formErrors = formErrors;
		this.clock = clock;
		this.consultations = consultations;
		this.regions = regions;
	}

	@Transactional(readOnly = true)
	@GetMapping
	String list(@RequestParam(required = false) OpinionStatus status, @RequestParam(required = false) Light light,
			@RequestParam(required = false) String q, @RequestParam(required = false) OpinionQueries.Order order,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String view, Model model) {
		Actor user = Actor.current();
		OpinionQueries.Filter filter = filter(status, light, q, order, view, user);
		model.addAttribute("page", queries.list(filter, Math.max(page, 0), 50));
		model.addAttribute("codes", OpinionQueries.showsTrackingCodes(user));
		model.addAttribute("status", filter.status());
		model.addAttribute("order", order);
		model.addAttribute("light", light);
		model.addAttribute("q", q);
		model.addAttribute("view", view);
		model.addAttribute("statuses", OpinionStatus.values());
		model.addAttribute("lights", Light.values());
		return "opinion/list";
	}

	/** The list as it stands, as an .xlsx: the same filters (the triage view included) and scope. */
	@Transactional(readOnly = true)
	@GetMapping("/export.xlsx")
	org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) OpinionStatus status,
			@RequestParam(required = false) Light light, @RequestParam(required = false) String q,
			@RequestParam(required = false) OpinionQueries.Order order, @RequestParam(required = false) String view) {
		return org.lianluo.platform.web.Downloads.xlsx("opinions.xlsx",
				export.xlsx(filter(status, light, q, order, view, Actor.current())));
	}

	/** The list's filter: the triage view is what awaits triage, oldest first; a unit's list is by deadline. */
	private static OpinionQueries.Filter filter(OpinionStatus status, Light light, String q, OpinionQueries.Order order,
			String view, Actor user) {
		boolean triage = "triage".equals(view);
		OpinionQueries.Order effective = order != null ? order : triage ? OpinionQueries.Order.OLDEST
				: user.has(Role.UNIT_HANDLER) ? OpinionQueries.Order.DEADLINE : OpinionQueries.Order.NEWEST;
		return new OpinionQueries.Filter(triage ? OpinionStatus.RECEIVED : status, null, null, light, q, effective);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Actor user = Actor.current();
		Opinion o = opinions.get(id, user);
		Instant now = clock.instant();
		boolean codes = OpinionQueries.showsTrackingCodes(user);
		model.addAttribute("o", o);
		// The office names an opinion by its tracking code; a unit or a deputy by the time it was received.
		model.addAttribute("heading", codes ? o.getTrackingCode()
				: java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(org.lianluo.region.WorkingCalendar.ZONE)
					.format(o.getReceivedAt()));
		model.addAttribute("regionName", regions.fullName(o.getRegionCode()));
		model.addAttribute("light", o.light(now, deadlines.endOfNextWorkingDay(now)));
		model.addAttribute("timeline", notes.events(opinions.timeline(id), codes));
		model.addAttribute("files", loop.files().of(id, user));
		model.addAttribute("phone", OpinionView.of(o, loop.reveals().name(o), loop.reveals().phone(o), null, List.of(), codes));
		model.addAttribute("leadUnit", o.getLeadUnitId() == null ? null : units.find(o.getLeadUnitId()).orElse(null));
		model.addAttribute("previous", user.has(Role.ASSESSOR) ? queries.previousBySamePhone(o) : List.of());
		model.addAttribute("peopleReporting", o.getPrimaryId() == null ? queries.peopleReporting(o.getId()) : 0);
		model.addAttribute("isAssessor", user.has(Role.ASSESSOR));
		model.addAttribute("isLeadHandler", user.has(Role.UNIT_HANDLER) && user.unitId() != null
				&& user.unitId().equals(o.getLeadUnitId()));
		routeChoices(user, TriageRoute.ASSIGN, model);
		model.addAttribute("kinds", OpinionKind.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("results", ReplyResult.values());
		model.addAttribute("grades", Grade.values());
		return "opinion/detail";
	}

	/** The triage form's fields for one route, swapped in when the assessor changes the route. */
	@GetMapping("/{id}/triage/fields")
	String triageFields(@PathVariable UUID id, @RequestParam(defaultValue = "ASSIGN") TriageRoute route, Model model) {
		Actor user = Actor.current();
		user.require(Role.ASSESSOR);
		opinions.get(id, user);
		routeChoices(user, route, model);
		return "opinion/triage-fields :: fields";
	}

	private void routeChoices(Actor user, TriageRoute route, Model model) {
		boolean assessor = user.has(Role.ASSESSOR);
		model.addAttribute("route", route);
		model.addAttribute("routes", TriageRoute.values());
		model.addAttribute("units", assessor ? units.list(null, null, 0, 200).items() : List.of());
		model.addAttribute("consultations",
				assessor ? consultations.published().stream().filter(consultations::isOpen).toList() : List.of());
	}

	@PostMapping("/{id}/triage")
	String triage(@PathVariable UUID id, @RequestParam TriageRoute route, @RequestParam(required = false) String answer,
			@RequestParam(required = false) String primaryCode, @RequestParam(required = false) UUID primaryId,
			@RequestParam(required = false) String reason,
			@RequestParam(required = false) String referral, @RequestParam(required = false) UUID leadUnitId,
			@RequestParam(required = false) List<UUID> assistingUnitIds, @RequestParam(required = false) OpinionKind kind,
			@RequestParam(required = false) Category category, @RequestParam(required = false) UUID consultationId,
			@RequestParam(required = false) Integer articleNumber, @RequestParam(required = false) String note,
			@RequestParam(required = false) String deputyName, RedirectAttributes flash) {
		return act(id, flash, () -> {
			UUID primary = primaryId;
			if (route == TriageRoute.MERGE && primary == null) {
				// Typed in by code, or chosen among the candidates (then by id).
				primary = opinions.byTrackingCode(primaryCode == null ? "" : primaryCode)
					.map(Opinion::getId)
					.orElseThrow(() -> LianluoException.invalidField("primaryId", "opinion.primary.required"));
			}
			TriageBody form = new TriageBody(route, note, answer, primary, reason, referral, leadUnitId,
					assistingUnitIds == null ? List.of() : assistingUnitIds, kind, category, consultationId,
					articleNumber, route == TriageRoute.TO_PROPOSAL ? deputyNamed(deputyName) : null);
			loop.triage().triage(form.command(id), Actor.current(), now());
		});
	}

	/** The deputy typed on the triage form (none when left empty), the one in the caller's scope with that name. */
	private UUID deputyNamed(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		List<org.lianluo.deputy.Deputy> found = deputies.named(name);
		if (found.size() != 1) {
			throw LianluoException.invalidField("deputyId", found.isEmpty() ? "opinion.deputy.not-found" : "opinion.deputy.ambiguous",
					name.strip());
		}
		return found.get(0).id();
	}

	@PostMapping("/{id}/unmerge")
	String unmerge(@PathVariable UUID id, RedirectAttributes flash) {
		return act(id, flash, () -> loop.triage().unmerge(new OpinionTriage.Unmerge(id), Actor.current(), now()));
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable UUID id, RedirectAttributes flash) {
		return act(id, flash, () -> loop.unit().accept(new UnitHandling.Accept(id), Actor.current(), now()));
	}

	@PostMapping("/{id}/return")
	String returnToTriage(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
		return act(id, flash,
				() -> loop.unit().returnToTriage(new UnitHandling.Return(id, reason), Actor.current(), now()));
	}

	@PostMapping("/{id}/extension")
	String extension(@PathVariable UUID id, @RequestParam(required = false) Integer workingDays,
			@RequestParam String reason, RedirectAttributes flash) {
		return act(id, flash, () -> loop.unit()
			.requestExtension(new UnitHandling.RequestExtension(id, workingDays, reason), Actor.current(), now()));
	}

	@PostMapping("/{id}/extension/decision")
	String decision(@PathVariable UUID id, @RequestParam boolean approve, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		return act(id, flash, () -> loop.office()
			.decideExtension(new OfficeReview.DecideExtension(id, approve, note), Actor.current(), now()));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable UUID id, @RequestParam(required = false) ReplyResult result, @RequestParam String text,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		return act(id, flash, () -> {
			loop.unit().reply(new UnitHandling.Reply(id, result, text), Actor.current(), now());
			attach(id, file);
		});
	}

	@PostMapping("/{id}/attachments")
	String upload(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		return act(id, flash, () -> {
			if (file == null || file.isEmpty()) {
				throw LianluoException.invalidField("file", "attachment.empty");
			}
			attach(id, file);
		});
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	org.springframework.http.ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		return AttachmentDownloads.of(loop.files().get(id, attachmentId, Actor.current()), loop.files().content(attachmentId));
	}

	private void attach(UUID id, MultipartFile file) {
		if (file != null && !file.isEmpty()) {
			try {
				loop.files().attach(new OpinionFiles.Attach(id, file.getOriginalFilename(), file.getBytes()), Actor.current(), now());
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

	@PostMapping("/{id}/review")
	String review(@PathVariable UUID id, @RequestParam boolean approve, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		return act(id, flash,
				() -> loop.office().review(new OfficeReview.Review(id, approve, note), Actor.current(), now()));
	}

	@PostMapping("/{id}/evaluation")
	String evaluation(@PathVariable UUID id, @RequestParam(required = false) Grade grade,
			@RequestParam(required = false) String comment, RedirectAttributes flash) {
		return act(id, flash,
				() -> loop.rating().byPhone(new Rating.ByPhone(id, grade, comment), Actor.current(), now()));
	}

	@PostMapping("/{id}/implemented")
	String implemented(@PathVariable UUID id, @RequestParam String note, RedirectAttributes flash) {
		return act(id, flash, () -> loop.office()
			.markImplemented(new OfficeReview.MarkImplemented(id, note), Actor.current(), now()));
	}

	private org.lianluo.platform.Moment now() {
		return org.lianluo.platform.Moment.live(clock);
	}

	private String act(UUID id, RedirectAttributes flash, Runnable action) {
		return formErrors.act("/opinions/" + id, flash, action);
	}
}
