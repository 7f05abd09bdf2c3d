package org.lianluo.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.lianluo.platform.Sheets;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Each dashboard chart as an .xlsx: the same numbers as its table on the page and its JSON, in Chinese like the
 * annual report's documents, with a second sheet saying what the filter and the figures are. Rates are fractions
 * (0.5 = 50 %), empty when there is nothing to divide by.
 */
@Service
public class DashboardSheets {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(AnnualReports.ZONE);

	private final MessageSource messages;

	DashboardSheets(MessageSource messages) {
		this.messages = messages;
	}

	public byte[] trend(Dashboards.Trend t) {
		List<List<Object>> rows = new ArrayList<>();
		t.months().forEach(m -> rows.add(List.of(m.month(), m.received(), m.settled())));
		rows.add(List.of(msg("report.dashboard.total"), t.received(), t.settled()));
		return Sheets.write(msg("report.dashboard.trend"), List.of(msg("report.dashboard.month"),
				msg("report.dashboard.received"), msg("report.dashboard.settled")), rows,
				notes(t.filter(), "report.dashboard.trend.explain"));
	}

	public byte[] map(CountyFigures m) {
		List<List<Object>> rows = new ArrayList<>();
		for (CountyFigures.County c : m.counties()) {
			if (!c.inFilter()) {
				continue;
			}
			List<Object> row = new ArrayList<>(List.of(c.code(), c.name()));
			row.add(c.received());
			row.add(c.assigned());
			row.add(c.settled());
			row.add(c.closureRate());
			row.add(c.onTimeRate());
			row.add(c.satisfactionRate());
			row.add(c.overdue());
			rows.add(row);
		}
		List<String> headers = List.of(msg("report.region.code"), msg("report.region"), msg("report.dashboard.received"),
				msg("report.kpi.assigned"), msg("report.dashboard.settled"), msg("report.kpi.closureRate"),
				msg("report.kpi.onTimeRate"), msg("report.kpi.satisfactionRate"), msg("report.dashboard.overdue"));
		return Sheets.write(msg("report.dashboard.map"), headers, rows, notes(m.filter(), "report.dashboard.map.explain"));
	}

	/** Three sheets: by region, by unit and the oldest records; then the notes. */
	public byte[] overdue(Dashboards.Overdue o) {
		List<String> groupHeaders = List.of(msg("report.dashboard.name"), msg("report.dashboard.overdue.opinions"),
				msg("report.dashboard.overdue.proposals"), msg("report.dashboard.escalated"),
				msg("report.dashboard.key-supervision"));
		List<List<Object>> regions = new ArrayList<>();
		o.byRegion().forEach(g -> regions.add(List.of(g.name(), g.opinions(), g.proposals(), g.escalated(),
				g.keySupervision())));
		regions.add(List.of(msg("report.dashboard.total"), o.opinions(), o.proposals()));
		List<List<Object>> units = new ArrayList<>();
		o.byUnit().forEach(g -> units.add(List.of(g.name() == null ? msg("report.dashboard.no-unit") : g.name(),
				g.opinions(), g.proposals(), g.escalated(), g.keySupervision())));
		List<List<Object>> items = new ArrayList<>();
		o.items().forEach(i -> items.add(List.of(msg("report.dashboard.kind." + i.kind()), i.label(), i.regionName(),
				i.unitName() == null ? msg("report.dashboard.no-unit") : i.unitName(), TIME.format(i.deadline()),
				i.daysOverdue())));
		List<String> notes = notes(o.filter(), "report.dashboard.overdue.explain");
		notes.add(msg("report.dashboard.at", TIME.format(o.at())));
		try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			sheet(book, msg("report.dashboard.by-region"), groupHeaders, regions);
			sheet(book, msg("report.dashboard.by-unit"), groupHeaders, units);
			sheet(book, msg("report.dashboard.records"), List.of(msg("report.dashboard.kind"),
					msg("report.records.label"), msg("report.region"), msg("report.unit"), msg("report.dashboard.deadline"),
					msg("report.dashboard.days-overdue")), items);
			Sheet help = book.createSheet(notes.get(0));
			for (int i = 1; i < notes.size(); i++) {
				help.createRow(i - 1).createCell(0).setCellValue(Sheets.text(notes.get(i)));
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sheet(SXSSFWorkbook book, String name, List<String> headers, List<List<Object>> rows) {
		Sheet sheet = book.createSheet(name);
		Row header = sheet.createRow(0);
		for (int c = 0; c < headers.size(); c++) {
			header.createCell(c).setCellValue(Sheets.text(headers.get(c)));
			sheet.setColumnWidth(c, 20 * 256);
		}
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r + 1);
			List<Object> values = rows.get(r);
			for (int c = 0; c < values.size(); c++) {
				if (values.get(c) instanceof Number n) {
					row.createCell(c).setCellValue(n.doubleValue());
				}
				else if (values.get(c) != null) {
					row.createCell(c).setCellValue(Sheets.text(values.get(c).toString()));
				}
			}
		}
	}

	public byte[] categories(Dashboards.Categories c) {
		List<List<Object>> rows = new ArrayList<>();
		c.categories().forEach(g -> {
			List<Object> row = new ArrayList<>(List.of(msg("opinion.category." + g.category()), g.received(), g.assigned(),
					g.settled()));
			row.add(g.closureRate());
			row.add(g.satisfactionRate());
			rows.add(row);
		});
		return Sheets.write(msg("report.dashboard.categories"), List.of(msg("report.category"),
				msg("report.dashboard.received"), msg("report.kpi.assigned"), msg("report.dashboard.settled"),
				msg("report.kpi.closureRate"), msg("report.kpi.satisfactionRate")), rows,
				notes(c.filter(), "report.dashboard.categories.explain"));
	}

	private List<String> notes(Dashboards.Filter f, String explain) {
		List<String> notes = new ArrayList<>();
		notes.add(msg("report.doc.definitions"));
		notes.add(msg("report.dashboard.filter.value", f.regionName(), f.from().toString(), f.to().toString()));
		notes.add(msg(explain));
		return notes;
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, CHINESE);
	}
}
