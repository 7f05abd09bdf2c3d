package org.lianluo.duty.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.duty.ContactSheets;
import org.lianluo.duty.Contacts;
import org.lianluo.duty.DutyStatistics;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.Downloads;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.platform.web.ImportScreen;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 联系清单 on screens, beside the completion page ({@code /duty/contacts}): put deputies on a committee member's
 * list (or change their target), take one off, record a contact, list the year's contacts, and import a sheet.
 * Deputies are named as in the registry; a name that is missing or not unique in the caller's scope is refused.
 */
@Controller
class ContactScreens {

	private static final ImportScreen IMPORT = new ImportScreen("contacts", "duty.plan.import.title", "nav.duty.contacts",
			"/duty/contacts");

	private final Contacts contacts;

	private final ContactSheets sheets;

	private final Deputies deputies;

	private final FormErrors formErrors;

	ContactScreens(Contacts contacts, ContactSheets sheets, Deputies deputies, FormErrors formErrors) {
		this.contacts = contacts;
		this.sheets = sheets;
		this.deputies = deputies;
		this.formErrors = formErrors;
	}

	@PostMapping("/duty/contacts/plans")
	@PreAuthorize("hasRole('ASSESSOR')")
	String plan(@RequestParam(required = false) Integer year, @RequestParam(required = false) String memberName,
			@RequestParam(required = false) String deputyNames, @RequestParam(required = false) Integer target,
			RedirectAttributes flash) {
		return formErrors.act(back(year), flash, () -> contacts.plan(new Contacts.NewPlan(year,
				named("committeeMemberId", memberName), names(deputyNames).stream().map(n -> named("deputyIds", n)).toList(),
				target)));
	}

	@PostMapping("/duty/contacts/plans/remove")
	@PreAuthorize("hasRole('ASSESSOR')")
	String unplan(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID memberId,
			@RequestParam(required = false) UUID deputyId,
			RedirectAttributes flash) {
		return formErrors.act(back(year), flash, () -> contacts.unplan(year, memberId, deputyId));
	}

	@PostMapping("/duty/contacts/records")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'DEPUTY')")
	String record(@RequestParam(required = false) String memberName, @RequestParam(required = false) String deputyName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String method, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		return formErrors.act(back(on == null ? null : on.getYear()), flash,
				() -> contacts.record(new Contacts.NewContact(named("committeeMemberId", memberName),
						named("deputyId", deputyName),
						on == null ? null : on.atTime(LocalTime.NOON).atZone(DutyStatistics.ZONE).toOffsetDateTime(), method,
						note)));
	}

	/** The year's contacts, newest first: the fragment the completion page loads. */
	@GetMapping("/duty/contacts/records")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'LEADER')")
	String records(@RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("records", contacts.list(DutyApi.year(year), null));
		return "duty/contact-records :: records";
	}

	@GetMapping("/duty/contacts/import")
	@PreAuthorize("hasRole('ASSESSOR')")
	String importForm(Model model) {
		return IMPORT.show(model);
	}

	@PostMapping("/duty/contacts/import")
	@PreAuthorize("hasRole('ASSESSOR')")
	String importFile(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean partial, Model model) throws IOException {
		return IMPORT.upload(file, partial, model, formErrors, sheets::importFile);
	}

	@GetMapping("/duty/contacts/import/template.xlsx")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'LEADER')")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("contact-plan-template.xlsx", sheets.template());
	}

	private UUID named(String field, String name) {
		if (name == null || name.isBlank()) {
			throw LianluoException.invalidField(field, "duty.plan.name.required");
		}
		List<Deputy> found = deputies.named(name);
		if (found.size() != 1) {
			throw LianluoException.invalidField(field, found.isEmpty() ? "duty.plan.name.unknown" : "duty.plan.name.ambiguous",
					name.strip());
		}
		return found.get(0).id();
	}

	private static List<String> names(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("[、,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String back(Integer year) {
		return "/duty/contacts" + (year == null ? "" : "?year=" + year);
	}
}
