package org.lianluo.station.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.deputy.DeputyFilter;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.platform.web.Downloads;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.platform.web.ImportScreen;
import org.lianluo.region.RegionNames;
import org.lianluo.region.Regions;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.station.Station;
import org.lianluo.station.StationCodes;
import org.lianluo.station.StationForm;
import org.lianluo.station.StationMember;
import org.lianluo.station.StationMembers;
import org.lianluo.station.StationRota;
import org.lianluo.station.StationSheets;
import org.lianluo.station.Stations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The station registry's screens: list, detail with roster, edit form, and the QR code print page. */
@Controller
@RequestMapping("/stations")
@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'LEADER', 'STATION_ADMIN')")
class StationScreens {

	private static final ImportScreen IMPORT = new ImportScreen("stations", "station.import.title", "nav.stations", "/stations");

	private static final String EDITORS = "hasAnyRole('ASSESSOR', 'ADMIN', 'STATION_ADMIN')";

	private final Stations stations;

	private final StationFilters filters;

	private final StationCodes codes;

	private final Deputies deputies;

	private final Regions regions;

	private final RegionNames names;

	private final FormErrors formErrors;

	private final StationSheets sheets;

	private final StationRota rota;

	private final StationMembers members;

	StationScreens(StationMembers members, Stations stations, StationFilters filters, StationCodes codes, Deputies deputies, Regions regions,
			RegionNames names, FormErrors formErrors, StationSheets sheets, StationRota rota) {
		this.members = members;
		this.stations = stations;
		this.rota = rota;
		this.sheets = sheets;
		this.filters = filters;
		this.codes = codes;
		this.deputies = deputies;
		this.regions = regions;
		this.names = names;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(StationFilters.Params params, Model model) {
		int page = Math.max(params.pageOrZero(), 0);
		Page<Station> result = stations.list(filters.of(params), page, 20);
		model.addAttribute("stations", result);
		model.addAttribute("f", params);
		model.addAttribute("query", StationFilters.query(params));
		choices(model);
		return "station/list";
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(StationFilters.Params params) {
		return Downloads.xlsx("stations.xlsx", sheets.export(filters.of(params)));
	}

	@GetMapping("/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("stations-template.xlsx", sheets.template());
	}

	@GetMapping("/import")
	@PreAuthorize(EDITORS)
	String importForm(Model model) {
		return IMPORT.show(model);
	}

	@PostMapping("/import")
	@PreAuthorize(EDITORS)
	String importFile(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean partial, Model model) throws IOException {
		return IMPORT.upload(file, partial, model, formErrors, sheets::importFile);
	}


	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Station station = stations.get(id);
		model.addAttribute("station", station);
		model.addAttribute("names", names);
		model.addAttribute("canEdit", canEdit());
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		model.addAttribute("rota", rota.between(id, today, today.plusDays(90)));
		model.addAttribute("today", today);
		if (canEdit() && Scope.current().covers(station.regionCode())) {
			Set<UUID> onRoster = station.deputies().stream().map(DeputySummary::id).collect(Collectors.toSet());
			DeputyFilter near = new DeputyFilter(station.regionCode(), null, null, null, null, Deputy.SeatStatus.ACTIVE, null);
			model.addAttribute("candidates", deputies.list(near, 0, 200).items().stream()
				.filter(d -> !onRoster.contains(d.id())).toList());
			model.addAttribute("memberKinds", StationMember.Kind.values());
		}
		return "station/detail";
	}

	@PostMapping("/{id}/roster")
	@PreAuthorize(EDITORS)
	String roster(@PathVariable UUID id, @RequestParam(required = false) UUID add,
			@RequestParam(required = false) UUID remove) {
		Station station = stations.get(id);
		List<UUID> roster = new ArrayList<>(station.deputies().stream().map(DeputySummary::id).toList());
		if (add != null && !roster.contains(add)) {
			roster.add(add);
		}
		roster.remove(remove);
		stations.update(id, formOf(station, roster));
		return "redirect:/stations/" + id + "?saved";
	}

	/** Registers a member who is not a deputy (a judge, a prosecutor, a lawyer, a mediator) at the station. */
	@PostMapping("/{id}/members")
	@PreAuthorize(EDITORS)
	String addMember(@PathVariable UUID id, StationMember.Form form, Model model) {
		try {
			members.add(id, form);
			return "redirect:/stations/" + id + "?saved";
		}
		catch (LianluoException ex) {
			model.addAttribute("memberErrors", formErrors.of(ex));
			model.addAttribute("memberForm", form);
			return detail(id, model);
		}
	}

	@PostMapping("/{id}/members/remove")
	@PreAuthorize(EDITORS)
	String removeMember(@PathVariable UUID id, @RequestParam UUID memberId) {
		members.remove(id, memberId);
		return "redirect:/stations/" + id + "?saved";
	}

	@PostMapping("/{id}/rota")
	@PreAuthorize(EDITORS)
	String addDuty(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) UUID deputyId, Model model) {
		try {
			rota.add(id, day, deputyId);
			return "redirect:/stations/" + id + "?saved";
		}
		catch (LianluoException ex) {
			Map<String, String> errors = formErrors.of(ex);
			model.addAttribute("rotaError", errors.getOrDefault("day", errors.getOrDefault("deputyId", errors.get("_"))));
			return detail(id, model);
		}
	}

	@PostMapping("/{id}/rota/remove")
	@PreAuthorize(EDITORS)
	String removeDuty(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam UUID deputyId) {
		rota.remove(id, day, deputyId);
		return "redirect:/stations/" + id + "?saved";
	}

	@GetMapping("/new")
	@PreAuthorize(EDITORS)
	String create(Model model) {
		return form(model, null, new StationForm("", "STANDARD", List.of(), Scope.current().regionCode(), List.of(), "",
				null, null, null, null, null, List.of(), "ACTIVE", List.of()));
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDITORS)
	String edit(@PathVariable UUID id, Model model) {
		Station s = stations.get(id);
		return form(model, id, formOf(s, s.deputies().stream().map(DeputySummary::id).toList()));
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	String save(@RequestParam(required = false) UUID id, StationForm form, Model model) {
		try {
			UUID saved = id == null ? stations.create(form).id() : stations.update(id, form).id();
			return "redirect:/stations/" + saved + "?saved";
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return form(model, id, form);
		}
	}

	/** A page to print and hang at the station: its name, the code and what to do with it. */
	@GetMapping("/{id}/qr")
	String qr(@PathVariable UUID id, Model model) {
		Station station = stations.get(id);
		model.addAttribute("station", station);
		model.addAttribute("url", codes.portalUrl(id));
		model.addAttribute("names", names);
		return "station/qr";
	}

	@GetMapping("/{id}/qr.png")
	ResponseEntity<byte[]> png(@PathVariable UUID id) {
		stations.get(id);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(codes.png(codes.portalUrl(id), 600));
	}

	@GetMapping("/{id}/qr.svg")
	ResponseEntity<String> svg(@PathVariable UUID id) {
		stations.get(id);
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(codes.svg(codes.portalUrl(id)));
	}

	private static StationForm formOf(Station s, List<UUID> roster) {
		return new StationForm(s.name(), s.kind().name(), s.partners().stream().map(Enum::name).toList(), s.regionCode(),
				s.coRegionCodes(), s.address(), s.receptionSchedule(), s.openingHours(), s.phone(), s.latitude(),
				s.longitude(), s.functions().stream().map(Enum::name).toList(), s.status().name(), roster,
				s.upgradedOn() == null ? null : s.upgradedOn().toString(), s.checklist());
	}

	private String form(Model model, UUID id, StationForm form) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("checklistText", form.checklist() == null ? "" : String.join("\n", form.checklist()));
		model.addAttribute("allRegions", regions.all());
		choices(model);
		return "station/form";
	}

	private void choices(Model model) {
		Scope scope = Scope.current();
		model.addAttribute("regions", regions.all().stream().filter(r -> scope.covers(r.code())).toList());
		model.addAttribute("names", names);
		model.addAttribute("kinds", Station.Kind.values());
		model.addAttribute("partners", Station.Partner.values());
		model.addAttribute("functions", Station.Function.values());
		model.addAttribute("statuses", Station.Status.values());
		model.addAttribute("canEdit", canEdit());
	}

	private static boolean canEdit() {
		return Actor.current().hasAny(List.of(Role.ASSESSOR, Role.ADMIN, Role.STATION_ADMIN));
	}
}
