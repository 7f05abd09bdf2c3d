package org.lianluo.duty.web;

import java.io.IOException;
import java.util.UUID;

import org.lianluo.duty.ContactSheets;
import org.lianluo.duty.Contacts;
import org.lianluo.platform.ImportReport;
import org.lianluo.platform.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 联系清单 as a sheet ({@code multipart file}; all rows or none unless {@code partial=true}), and taking a pair off. */
@RestController
class ContactSheetApi {

	private final ContactSheets sheets;

	private final Contacts contacts;

	ContactSheetApi(ContactSheets sheets, Contacts contacts) {
		this.sheets = sheets;
		this.contacts = contacts;
	}

	@PostMapping("/api/v1/import/contact-plans")
	@PreAuthorize("hasRole('ASSESSOR')")
	ImportReport importPlans(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean partial) throws IOException {
		if (file == null || file.isEmpty()) {
			throw org.lianluo.platform.LianluoException.invalidField("file", "import.file.required");
		}
		return sheets.importFile(file.getBytes(), partial);
	}

	@GetMapping("/api/v1/import/contact-plans/template")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("contact-plan-template.xlsx", sheets.template());
	}

	@DeleteMapping("/api/v1/contact-plans")
	@PreAuthorize("hasRole('ASSESSOR')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unplan(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID member,
			@RequestParam(required = false) UUID deputy) {
		contacts.unplan(year, member, deputy);
	}
}
