package org.lianluo.report.web;

import java.util.Map;
import java.util.Set;

import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.report.AnnualDocuments;
import org.lianluo.report.AnnualReport;
import org.lianluo.report.AnnualReports;
import org.lianluo.report.AnnualReports.Row;
import org.lianluo.report.Figure;
import org.lianluo.report.ReportTemplates;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.RestController;

/** The annual report of a region and year (API.md), and the records behind each of its figures. */
@RestController
class ReportApi {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final AnnualReports reports;

	private final AnnualDocuments documents;

	private final ReportTemplates templates;

	ReportApi(AnnualReports reports, AnnualDocuments documents, ReportTemplates templates) {
		this.reports = reports;
		this.documents = documents;
		this.templates = templates;
	}

	@GetMapping("/api/v1/reports/annual.docx")
	ResponseEntity<byte[]> docx(@ParameterObject AnnualQuery query) {
		AnnualReport report = reports.report(query.request(reports));
		return download(documents.docx(report), DOCX, filename(report, "docx"));
	}

	@GetMapping("/api/v1/reports/annual.xlsx")
	ResponseEntity<byte[]> xlsx(@ParameterObject AnnualQuery query) {
		AnnualReport report = reports.report(query.request(reports));
		return download(documents.xlsx(report), org.lianluo.platform.web.Downloads.XLSX, filename(report, "xlsx"));
	}

	@GetMapping("/api/v1/reports/annual.pdf")
	ResponseEntity<byte[]> pdf(@ParameterObject AnnualQuery query) {
		AnnualReport report = reports.report(query.request(reports));
		return download(documents.pdf(report), MediaType.APPLICATION_PDF, filename(report, "pdf"));
	}

	@GetMapping("/api/v1/reports/template")
	Template template() {
		return new Template(templates.current(), ReportTemplates.placeholders());
	}

	@PutMapping("/api/v1/reports/template")
	Template saveTemplate(@RequestBody Map<String, String> body) {
		return new Template(templates.save(body.get("body")), ReportTemplates.placeholders());
	}

	@DeleteMapping("/api/v1/reports/template")
	Template resetTemplate() {
		templates.reset();
		return template();
	}

	static String filename(AnnualReport report, String extension) {
		return "annual-report-" + report.region() + "-"
				+ (report.wholeYear() ? String.valueOf(report.year()) : report.from() + "-" + report.to()) + "." + extension;
	}

	static ResponseEntity<byte[]> download(byte[] content, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(content);
	}

	/** The documents' template and the placeholders it may use. */
	record Template(String body, Set<String> placeholders) {
	}

	@GetMapping("/api/v1/reports/annual")
	AnnualReport annual(@ParameterObject AnnualQuery query) {
		return reports.report(query.request(reports));
	}

	@GetMapping("/api/v1/reports/annual/records")
	Page<Row> records(@ParameterObject AnnualQuery query,
			@RequestParam(required = false) String figure, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		AnnualReports.Request request = query.request(reports);
		return reports.records(request, figure(figure), page, size);
	}

	static Figure figure(String key) {
		return Figure.byKey(key == null ? "" : key)
			.orElseThrow(() -> LianluoException.invalidField("figure", "report.figure.unknown"));
	}
}
