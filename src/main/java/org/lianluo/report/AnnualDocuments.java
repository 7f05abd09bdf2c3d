package org.lianluo.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The annual report as documents in the style of a 代表工作综述: the title, the office's sentences with the figures
 * in place ({@link ReportTemplates}), the table of figures with last year's and the change, a chart of activities by
 * region and the table by region. Always in Chinese: the documents go into the committee's files.
 */
@Service
public class AnnualDocuments {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final ReportTemplates templates;

	private final MessageSource messages;

	private final Clock clock;

	AnnualDocuments(ReportTemplates templates, MessageSource messages, Clock clock) {
		this.templates = templates;
		this.messages = messages;
		this.clock = clock;
	}

	/** What both documents say, in order. */
	record Content(String title, List<String> paragraphs, String figuresHeading, List<List<String>> figures,
			String chartTitle, byte[] chart, String regionsHeading, List<List<String>> regions, String footer) {
	}

	Content content(AnnualReport r) {
		List<List<String>> figures = new ArrayList<>();
		figures.add(List.of(msg("report.kpi"),
				r.wholeYear() ? msg("report.doc.year", r.year()) : msg("report.doc.period", r.from(), r.to()),
				r.wholeYear() ? msg("report.doc.year", r.year() - 1)
						: msg("report.doc.period", r.from().minusYears(1), r.to().minusYears(1)),
				msg("report.yoy.column")));
		Map<String, Number> now = Figures.of(r);
		for (String key : Figures.KEYS) {
			Double change = r.yearOnYear().get(key);
			figures.add(List.of(label(key), ReportTemplates.format(key, now.get(key)),
					ReportTemplates.format(key, r.previousYear().get(key)),
					change == null ? "—" : (change >= 0 ? "+" : "") + String.format("%.1f%%", change * 100)));
		}
		List<String> columns = List.of("activities", "votersReceived", "opinionsCollected", "proposalsAssigned", "stations");
		List<List<String>> regions = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of(msg("report.region")));
		columns.forEach(c -> header.add(label(c)));
		regions.add(header);
		List<ReportChart.Bar> bars = new ArrayList<>();
		for (AnnualReport.Part part : r.byRegion()) {
			List<String> row = new ArrayList<>(List.of(part.name()));
			columns.forEach(c -> row.add(ReportTemplates.format(c, part.figures().get(c))));
			regions.add(row);
			bars.add(new ReportChart.Bar(part.name(), part.figures().get("activities").longValue()));
		}
		String chartTitle = msg("report.doc.chart");
		String at = ZonedDateTime.now(clock.withZone(AnnualReports.ZONE)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		String title = r.wholeYear() ? msg("report.annual.heading", r.regionName(), r.year())
				: msg("report.annual.heading.period", r.regionName(), r.from(), r.to());
		return new Content(title, templates.paragraphs(r),
				msg("report.figures"), figures, chartTitle, ReportChart.png(chartTitle, bars), msg("report.by-region"),
				regions, msg("report.doc.generated", at));
	}

	public byte[] docx(AnnualReport report) {
		Content c = content(report);
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, c.title(), 22, true);
			for (String p : c.paragraphs()) {
				XWPFParagraph para = doc.createParagraph();
				para.setFirstLineIndent(640);
				para.setSpacingAfter(120);
				run(para, p, 16, false);
			}
			heading(doc, c.figuresHeading());
			table(doc, c.figures());
			heading(doc, c.chartTitle());
			XWPFRun picture = doc.createParagraph().createRun();
			double heightCm = 15.0 * chartHeight(c) / ReportChart.WIDTH;
			picture.addPicture(new ByteArrayInputStream(c.chart()), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
					"chart.png", org.apache.poi.util.Units.toEMU(15 * 28.35), org.apache.poi.util.Units.toEMU(heightCm * 28.35));
			heading(doc, c.regionsHeading());
			table(doc, c.regions());
			run(doc.createParagraph(), c.footer(), 10, false);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			throw new IllegalStateException("the report document cannot be written", ex);
		}
	}

	/** The table by region with every figure, for the office's own spreadsheets; the definitions on a second sheet. */
	public byte[] xlsx(AnnualReport report) {
		List<String> keys = new ArrayList<>();
		Figure.stream().forEach(keys::add);
		keys.add("stationParticipationRate");
		List<String> headers = new ArrayList<>(List.of(msg("report.region.code"), msg("report.region")));
		keys.forEach(k -> headers.add(label(k)));
		List<List<Object>> rows = new ArrayList<>();
		for (AnnualReport.Part part : report.byRegion()) {
			List<Object> row = new ArrayList<>(List.of(part.region(), part.name()));
			keys.forEach(k -> row.add(part.figures().get(k)));
			rows.add(row);
		}
		List<Object> total = new ArrayList<>(List.of(report.region(), msg("report.total", report.regionName())));
		keys.forEach(k -> total.add(report.figure(k)));
		rows.add(total);
		List<String> notes = new ArrayList<>(List.of(msg("report.doc.definitions")));
		Figure.stream().forEach(k -> notes.add(label(k) + msg("report.doc.colon") + msg("report.definition." + k)));
		return org.lianluo.platform.Sheets.write(msg("report.by-region"), headers, rows, notes);
	}

	public byte[] pdf(AnnualReport report) {
		try {
			return new PdfWriter(content(report)).write();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The chart's height in pixels, from the number of bars as {@link ReportChart} draws them. */
	static int chartHeight(Content c) {
		return 90 + Math.max(c.regions().size() - 1, 1) * 44;
	}

	private void heading(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setSpacingBefore(240);
		run(p, text, 16, true);
	}

	private void table(XWPFDocument doc, List<List<String>> rows) {
		XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
		for (int i = 0; i < rows.size(); i++) {
			XWPFTableRow row = table.getRow(i);
			for (int j = 0; j < rows.get(i).size(); j++) {
				XWPFParagraph p = row.getCell(j).getParagraphs().get(0);
				run(p, rows.get(i).get(j), 11, i == 0);
			}
		}
	}

	private void run(XWPFParagraph p, String text, int size, boolean bold) {
		XWPFRun run = p.createRun();
		run.setText(text);
		run.setFontSize(size);
		run.setBold(bold);
		run.setFontFamily(msg(bold ? "report.doc.font.heading" : "report.doc.font.body"));
	}

	String label(String key) {
		return msg(Figures.RATES.contains(key) && !key.equals("stationParticipationRate") || Figures.DAYS.contains(key)
				? "report.kpi." + key : "report.column." + key);
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, CHINESE);
	}
}
