package org.lianluo.unit.web;

import java.io.IOException;

import org.lianluo.platform.ImportReport;
import org.lianluo.platform.web.Downloads;
import org.lianluo.unit.UnitSheets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.transaction.annotation.Transactional;

/** Handling units as a spreadsheet on the API: import, its template, and the export of a filtered list. */
@RestController
class UnitSheetApi {

	private final UnitSheets sheets;

	UnitSheetApi(UnitSheets sheets) {
		this.sheets = sheets;
	}

	@PostMapping("/api/v1/import/units")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	ImportReport importFile(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean partial)
			throws IOException {
		return sheets.importFile(file.getBytes(), partial);
	}

	@GetMapping("/api/v1/import/units/template")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("units-template.xlsx", sheets.template());
	}

	@Transactional(readOnly = true)
	@GetMapping("/api/v1/units/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String region, @RequestParam(required = false) String q) {
		return Downloads.xlsx("units.xlsx", sheets.export(region, q));
	}
}
