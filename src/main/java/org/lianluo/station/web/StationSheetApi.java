package org.lianluo.station.web;

import java.io.IOException;

import org.lianluo.platform.ImportReport;
import org.lianluo.platform.web.Downloads;
import org.lianluo.station.StationSheets;
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

/** Stations as a spreadsheet on the API: import, its template, and the export of a filtered list. */
@RestController
class StationSheetApi {

	private final StationSheets sheets;

	private final StationFilters filters;

	StationSheetApi(StationSheets sheets, StationFilters filters) {
		this.sheets = sheets;
		this.filters = filters;
	}

	@PostMapping("/api/v1/import/stations")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'STATION_ADMIN')")
	ImportReport importFile(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean partial)
			throws IOException {
		return sheets.importFile(file.getBytes(), partial);
	}

	@GetMapping("/api/v1/import/stations/template")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("stations-template.xlsx", sheets.template());
	}

	@Transactional(readOnly = true)
	@GetMapping("/api/v1/stations/export")
	ResponseEntity<byte[]> export(@ParameterObject StationFilters.Params params) {
		return Downloads.xlsx("stations.xlsx", sheets.export(filters.of(params)));
	}
}
