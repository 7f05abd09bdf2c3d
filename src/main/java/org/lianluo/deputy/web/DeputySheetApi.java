package org.lianluo.deputy.web;

import java.io.IOException;

import org.lianluo.deputy.DeputySheets;
import org.lianluo.platform.ImportReport;
import org.lianluo.platform.web.Downloads;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.transaction.annotation.Transactional;

/** The deputy registry as a spreadsheet on the API: import, its template, and the export of a filtered list. */
@RestController
class DeputySheetApi {

	private final DeputySheets sheets;

	private final DeputyFilters filters;

	DeputySheetApi(DeputySheets sheets, DeputyFilters filters) {
		this.sheets = sheets;
		this.filters = filters;
	}

	@PostMapping("/api/v1/import/deputies")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	ImportReport importFile(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean partial)
			throws IOException {
		return sheets.importFile(file.getBytes(), partial);
	}

	@GetMapping("/api/v1/import/deputies/template")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("deputies-template.xlsx", sheets.template());
	}

	@Transactional(readOnly = true)
	@GetMapping("/api/v1/deputies/export")
	ResponseEntity<byte[]> export(@ParameterObject DeputyFilters.Params params) {
		return Downloads.xlsx("deputies.xlsx", sheets.export(filters.of(params)));
	}
}
