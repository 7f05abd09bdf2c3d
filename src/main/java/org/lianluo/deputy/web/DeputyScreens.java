package org.lianluo.deputy.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.deputy.DeputyForm;
import org.lianluo.deputy.DeputyHistory;
import org.lianluo.deputy.DeputySheets;
import org.lianluo.deputy.Level;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.platform.web.Downloads;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.platform.web.ImportScreen;
import org.lianluo.region.Region;
import org.lianluo.region.RegionNames;
import org.lianluo.region.Regions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The deputy registry's screens: list with filters, detail with an audited phone reveal, and the edit form. */
@Controller
@RequestMapping("/deputies")
@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'LEADER', 'STATION_ADMIN')")
class DeputyScreens {

	private static final ImportScreen IMPORT = new ImportScreen("deputies", "deputy.import.title", "nav.deputies", "/deputies");

	static final int PAGE_SIZE = 20;

	private final Deputies deputies;

	private final DeputyFilters filters;

	private final Regions regions;

	private final RegionNames names;

	private final FormErrors formErrors;

	private final DeputySheets sheets;

	private final DeputyHistory history;

	DeputyScreens(Deputies deputies, DeputyFilters filters, Regions regions, RegionNames names, FormErrors formErrors,
			DeputySheets sheets, DeputyHistory history) {
		this.history = history;
		this.deputies = deputies;
		this.sheets = sheets;
		this.filters = filters;
		this.regions = regions;
		this.names = names;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(DeputyFilters.Params params, Model model) {
		int page = Math.max(params.pageOrZero(), 0);
		Page<Deputy> result = deputies.list(filters.of(params), page, PAGE_SIZE);
		model.addAttribute("deputies", result);
		model.addAttribute("f", params);
		model.addAttribute("query", query(params));
		choices(model);
		return "deputy/list";
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(DeputyFilters.Params params) {
		return Downloads.xlsx("deputies.xlsx", sheets.export(filters.of(params)));
	}

	@GetMapping("/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("deputies-template.xlsx", sheets.template());
	}

	@GetMapping("/import")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String importForm(Model model) {
		return IMPORT.show(model);
	}

	@PostMapping("/import")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String importFile(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean partial, Model model) throws IOException {
		return IMPORT.upload(file, partial, model, formErrors, sheets::importFile);
	}


	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("deputy", deputies.get(id));
		model.addAttribute("names", names);
		model.addAttribute("canEdit", Actor.current().hasAny(List.of(Role.ASSESSOR, Role.ADMIN)));
		model.addAttribute("history", history.of(id, LocaleContextHolder.getLocale()));
		return "deputy/detail";
	}

	/** Reveals the full phone: a fragment for htmx, the whole page otherwise. Audited either way. */
	@PostMapping("/{id}/phone")
	String revealPhone(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("revealed", deputies.revealPhone(id).orElse(""));
		model.addAttribute("deputy", deputies.get(id));
		model.addAttribute("names", names);
		model.addAttribute("canEdit", Actor.current().hasAny(List.of(Role.ASSESSOR, Role.ADMIN)));
		model.addAttribute("history", history.of(id, LocaleContextHolder.getLocale()));
		return htmx != null ? "deputy/detail :: phone" : "deputy/detail";
	}

	/** Ends a seat: the deputy resigned or their mandate was terminated, on the given day or today. */
	@PostMapping("/{id}/seats/{seatId}/end")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String endSeat(@PathVariable UUID id, @PathVariable UUID seatId, @RequestParam(required = false) Deputy.SeatStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Model model) {
		try {
			deputies.endSeat(id, seatId, status, on);
			return "redirect:/deputies/" + id + "?saved";
		}
		catch (LianluoException ex) {
			Map<String, String> errors = formErrors.of(ex);
			model.addAttribute("seatError", errors.getOrDefault("status", errors.get("_")));
			return detail(id, model);
		}
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String create(Model model) {
		String region = Scope.current().regionCode();
		return form(model, null, new DeputyForm("", null, null, null, null, null, null, null, List.of(), region, null,
				false, null, null, null));
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String edit(@PathVariable UUID id, Model model) {
		Deputy d = deputies.get(id);
		String constituency = d.seats().stream().filter(s -> s.status() == Deputy.SeatStatus.ACTIVE)
			.map(Deputy.Seat::constituency).filter(c -> c != null).findFirst().orElse(null);
		return form(model, id, new DeputyForm(d.name(), name(d.gender()), name(d.ethnicity()), d.birthYear(),
				name(d.politicalAffiliation()), name(d.occupation()), d.workplace(), d.title(),
				d.levels().stream().map(Enum::name).toList(), d.regionCode(), d.phone(), d.committeeMember(),
				name(d.committeePosition()), d.delegation(), constituency));
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String save(@RequestParam(required = false) UUID id, DeputyForm form, Model model) {
		try {
			UUID saved = id == null ? deputies.create(form).id() : deputies.update(id, form).id();
			return "redirect:/deputies/" + saved + "?saved";
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return form(model, id, form);
		}
	}

	private String form(Model model, UUID id, DeputyForm form) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		choices(model);
		return "deputy/form";
	}

	private void choices(Model model) {
		Scope scope = Scope.current();
		List<Region> inScope = regions.all().stream().filter(r -> scope.covers(r.code())).toList();
		model.addAttribute("regions", inScope);
		model.addAttribute("names", names);
		model.addAttribute("levels", Level.values());
		model.addAttribute("genders", Deputy.Gender.values());
		model.addAttribute("ethnicities", Deputy.Ethnicity.values());
		model.addAttribute("affiliations", Deputy.PoliticalAffiliation.values());
		model.addAttribute("occupations", Deputy.Occupation.values());
		model.addAttribute("positions", Deputy.CommitteePosition.values());
		model.addAttribute("statuses", Deputy.SeatStatus.values());
		model.addAttribute("canEdit", Actor.current().hasAny(List.of(Role.ASSESSOR, Role.ADMIN)));
	}

	/** The filters as a query string, for paging and export links. */
	static String query(DeputyFilters.Params p) {
		StringBuilder q = new StringBuilder();
		append(q, "region", p.region());
		append(q, "level", p.level());
		append(q, "delegation", p.delegation());
		append(q, "ethnicity", p.ethnicity());
		append(q, "committeeMember", p.committeeMember() == null ? null : p.committeeMember().toString());
		append(q, "status", p.status());
		append(q, "q", p.q());
		return q.toString();
	}

	private static void append(StringBuilder q, String name, String value) {
		if (value != null && !value.isBlank()) {
			q.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
		}
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}
}
