package org.lianluo.report.web;

import java.util.List;

import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.report.AnnualDocuments;
import org.lianluo.report.ReportTemplates;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.lianluo.region.Region;
import org.lianluo.region.Regions;
import org.lianluo.report.AnnualReport;
import org.lianluo.report.AnnualReports;
import org.lianluo.report.Figure;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The annual report as a page, with every figure linked to the records behind it. */
@Controller
class ReportScreens {

	/** The figures in the order the report states them, with the figure whose records stand behind each. */
	static final List<Line> LINES = List.of(new Line("activities", "activities"),
			new Line("thematicActivities", "thematicActivities"), new Line("votersReceived", "votersReceived"),
			new Line("publicMeetings", "publicMeetings"), new Line("opinionsCollected", "opinionsCollected"),
			new Line("opinionsImplemented", "opinionsImplemented"), new Line("disputesResolved", "disputesResolved",
					List.of("disputesResolvedByOpinions", "disputesResolvedAtActivities")),
			new Line("committeeContacts", "committeeContacts"), new Line("committeeAttendance", "committeeAttendance"),
			new Line("stationParticipationRate", "stations"), new Line("draftComments", "draftComments"),
			new Line("proposalsAssigned", "proposalsAssigned"), new Line("proposalsAnswered", "proposalsAnswered"),
			new Line("upwardProposals", "upwardProposals"), new Line("jointSupervisions", "jointSupervisions"),
			new Line("stations", "stations"), new Line("specialStations", "specialStations",
					List.of("crossRegionStations", "industryChainStations", "parkStations")),
			new Line("stationsUpgraded", "stationsUpgraded"));

	/** The columns of the breakdown by region: every figure it holds, then the participation rate. */
	static final List<String> COLUMNS = Figure.stream().toList();

	private final AnnualReports reports;

	private final AnnualDocuments documents;

	private final ReportTemplates templates;

	private final Regions regions;

	private final FormErrors formErrors;

	private final AnnualCharts charts;

	ReportScreens(AnnualReports reports, AnnualDocuments documents, ReportTemplates templates, Regions regions,
			FormErrors formErrors, AnnualCharts charts) {
		this.charts = charts;
		this.reports = reports;
		this.documents = documents;
		this.templates = templates;
		this.regions = regions;
		this.formErrors = formErrors;
	}

	@GetMapping("/reports/annual.docx")
	ResponseEntity<byte[]> docx(@ParameterObject AnnualQuery query) {
		AnnualReport report = reports.report(query.request(reports));
		return ReportApi.download(documents.docx(report), ReportApi.DOCX, ReportApi.filename(report, "docx"));
	}

	@GetMapping("/reports/annual.xlsx")
	ResponseEntity<byte[]> xlsx(@ParameterObject AnnualQuery query) {
		AnnualReport report = reports.report(query.request(reports));
		return ReportApi.download(documents.xlsx(report), org.lianluo.platform.web.Downloads.XLSX,
				ReportApi.filename(report, "xlsx"));
	}

	@GetMapping("/reports/annual.pdf")
	ResponseEntity<byte[]> pdf(@ParameterObject AnnualQuery query) {
		AnnualReport report = reports.report(query.request(reports));
		return ReportApi.download(documents.pdf(report), MediaType.APPLICATION_PDF, ReportApi.filename(report, "pdf"));
	}

	@GetMapping("/admin/report-template")
	String template(Model model) {
		model.addAttribute("body", templates.current());
		model.addAttribute("placeholders", ReportTemplates.placeholders());
		return "report/template";
	}

	@PostMapping("/admin/report-template")
	String saveTemplate(@RequestParam(required = false) String body, @RequestParam(required = false) String reset,
			Model model, RedirectAttributes redirect) {
		try {
			if (reset != null) {
				templates.reset();
			}
			else {
				templates.save(body);
			}
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			model.addAttribute("body", body);
			model.addAttribute("placeholders", ReportTemplates.placeholders());
			return "report/template";
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/report-template";
	}

	@GetMapping("/reports/annual")
	String annual(@ParameterObject AnnualQuery query,
			Model model) {
		AnnualReports.Request request = query.request(reports);
		AnnualReport report = reports.report(request);
		model.addAttribute("report", report);
		model.addAttribute("lines", LINES);
		model.addAttribute("columns", COLUMNS);
		model.addAttribute("trendChart", charts.trend(report));
		model.addAttribute("categoriesChart", charts.categories(report));
		model.addAttribute("regionChoices", choices());
		return "report/annual";
	}

	@GetMapping("/reports/annual/records")
	String records(@ParameterObject AnnualQuery query,
			@RequestParam(required = false) String figure, @RequestParam(defaultValue = "0") int page, Model model) {
		AnnualReports.Request request = query.request(reports);
		Figure f = ReportApi.figure(figure);
		model.addAttribute("request", request);
		model.addAttribute("regionName", reports.regionName(request.region()));
		model.addAttribute("figure", f);
		model.addAttribute("page", reports.records(request, f, Math.max(page, 0), 50));
		model.addAttribute("regionNames", regions.fullNames());
		return "report/records";
	}

	/** The regions the caller may report on, down to townships. */
	private List<Region> choices() {
		var scope = Actor.current().scope();
		return regions.all().stream()
			.filter(r -> scope.covers(r.code()) && r.level() != Region.Level.VILLAGE)
			.toList();
	}

	/** A figure of the report, the figure whose records are behind it, and the figures it is made of, shown beside it. */
	public record Line(String key, String records, List<String> parts) {

		Line(String key, String records) {
			this(key, records, List.of());
		}
	}
}
