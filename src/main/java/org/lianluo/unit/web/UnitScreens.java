package org.lianluo.unit.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.Downloads;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.platform.web.ImportScreen;
import org.lianluo.region.RegionNames;
import org.lianluo.region.Regions;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.UnitSheets;
import org.lianluo.unit.Units;
import org.lianluo.unit.Units.UnitForm;
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

/** The handling units' screens: list within scope, create and edit. */
@Controller
@RequestMapping("/units")
@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'LEADER', 'STATION_ADMIN')")
class UnitScreens {

	private static final ImportScreen IMPORT = new ImportScreen("units", "unit.import.title", "nav.units", "/units");

	private final Units units;

	private final Regions regions;

	private final RegionNames names;

	private final FormErrors formErrors;

	private final UnitSheets sheets;

	UnitScreens(Units units, Regions regions, RegionNames names, FormErrors formErrors, UnitSheets sheets) {
		this.units = units;
		this.sheets = sheets;
		this.regions = regions;
		this.names = names;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("units", units.list(region, q, Math.max(page, 0), 20));
		model.addAttribute("region", region);
		model.addAttribute("q", q);
		model.addAttribute("query", (region == null ? "" : "&region=" + region) + (q == null ? "" : "&q="
				+ URLEncoder.encode(q, StandardCharsets.UTF_8)));
		choices(model);
		return "unit/list";
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String region, @RequestParam(required = false) String q) {
		return Downloads.xlsx("units.xlsx", sheets.export(region, q));
	}

	@GetMapping("/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("units-template.xlsx", sheets.template());
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


	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String create(Model model) {
		return form(model, null, new UnitForm("", Scope.current().regionCode(), HandlingUnit.Kind.GOVERNMENT_DEPARTMENT,
				null, null));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String edit(@PathVariable UUID id, Model model) {
		HandlingUnit u = units.get(id);
		return form(model, id, new UnitForm(u.name(), u.regionCode(), u.kind(), u.parentId(), u.contactName()));
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String save(@RequestParam(required = false) UUID id, UnitForm form, Model model) {
		try {
			UUID saved = id == null ? units.create(form).id() : units.update(id, form).id();
			return "redirect:/units/" + saved + "?saved";
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return form(model, id, form);
		}
	}

	private String form(Model model, UUID id, UnitForm form) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("parents", units.list(null, null, 0, 200).items().stream()
			.filter(u -> !u.id().equals(id)).toList());
		choices(model);
		return "unit/form";
	}

	private void choices(Model model) {
		Scope scope = Scope.current();
		model.addAttribute("regions", regions.all().stream().filter(r -> scope.covers(r.code())).toList());
		model.addAttribute("names", names);
		model.addAttribute("kinds", HandlingUnit.Kind.values());
		model.addAttribute("canEdit", Actor.current().hasAny(List.of(Role.ASSESSOR, Role.ADMIN)));
	}
}
