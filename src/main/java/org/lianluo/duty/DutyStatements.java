package org.lianluo.duty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.UUID;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * 述职报告: a deputy's annual duty statement as a Word document, written from their duty record: the year in one
 * paragraph, the totals by kind of activity, where the points came from and the rank, and every activity they
 * were invited to with whether they came. In Chinese, as it is handed to the voters.
 */
@Service
public class DutyStatements {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final DutyRecords records;

	private final MessageSource messages;

	private final Clock clock;

	DutyStatements(DutyRecords records, MessageSource messages, Clock clock) {
		this.records = records;
		this.messages = messages;
		this.clock = clock;
	}

	/** The statement of a deputy the caller may see (else not found), with its file name. */
	public Statement of(UUID deputyId, int year) {
		DutyRecords.DutyRecord r = records.of(deputyId, year);
		return new Statement(msg("duty.statement.filename", r.name(), year), docx(r));
	}

	byte[] docx(DutyRecords.DutyRecord r) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, msg("duty.statement.title", r.name(), r.year()), 20, true);
			paragraph(doc, msg("duty.statement.summary", r.year(), r.activitiesAttended(), r.receptionsHeld(), r.contacts(),
					r.opinionsReceived(), r.proposalsLed(), r.cosignatures()));
			paragraph(doc, r.rank() == null ? msg("duty.statement.points", r.points())
					: msg("duty.statement.points.rank", r.points(), r.delegation(), r.rank(), r.delegationSize()));

			heading(doc, msg("duty.record.by-type"));
			List<List<String>> types = new ArrayList<>();
			types.add(List.of(msg("duty.type"), msg("duty.statement.times")));
			for (ActivityType t : ActivityType.values()) {
				Long n = r.byType().get(t);
				if (n != null) {
					types.add(List.of(msg("duty.type." + t), String.valueOf(n)));
				}
			}
			types.add(List.of(msg("duty.statement.total"), String.valueOf(r.activitiesAttended())));
			table(doc, types);

			heading(doc, msg("duty.statement.points.heading"));
			DutyRecords.PointsByKind p = r.pointsByKind();
			table(doc, List.of(List.of(msg("duty.statement.points.kind"), msg("duty.record.points")),
					List.of(msg("duty.record.attended"), String.valueOf(p.activities())),
					List.of(msg("duty.record.contacts"), String.valueOf(p.contacts())),
					List.of(msg("duty.record.opinions"), String.valueOf(p.opinions())),
					List.of(msg("duty.record.proposals"), String.valueOf(p.proposals())),
					List.of(msg("duty.record.cosignatures"), String.valueOf(p.cosignatures())),
					List.of(msg("duty.statement.total"), String.valueOf(p.total()))));

			heading(doc, msg("duty.record.list"));
			if (r.activities().isEmpty()) {
				paragraph(doc, msg("duty.record.empty"));
			}
			else {
				List<List<String>> list = new ArrayList<>();
				list.add(List.of(msg("duty.start"), msg("duty.type"), msg("duty.title"), msg("duty.attendance")));
				r.activities().forEach(e -> list.add(List.of(e.startAt().format(DAY_TIME), msg("duty.type." + e.type()),
						e.title(), msg("duty.attendance." + e.attendance()))));
				table(doc, list);
			}
			XWPFParagraph footer = doc.createParagraph();
			footer.setSpacingBefore(240);
			run(footer, msg("duty.statement.generated", ZonedDateTime.now(clock.withZone(DutyStatistics.ZONE)).format(DAY_TIME)),
					10, false);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the duty statement cannot be written", ex);
		}
	}

	private void paragraph(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setFirstLineIndent(640);
		p.setSpacingAfter(120);
		run(p, text, 14, false);
	}

	private void heading(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setSpacingBefore(240);
		run(p, text, 15, true);
	}

	private void table(XWPFDocument doc, List<List<String>> rows) {
		XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
		for (int i = 0; i < rows.size(); i++) {
			for (int j = 0; j < rows.get(i).size(); j++) {
				run(table.getRow(i).getCell(j).getParagraphs().get(0), rows.get(i).get(j), 11, i == 0);
			}
		}
	}

	private void run(XWPFParagraph p, String text, int size, boolean bold) {
		XWPFRun run = p.createRun();
		run.setText(text);
		run.setFontSize(size);
		run.setBold(bold);
		run.setFontFamily(msg(bold ? "duty.statement.font.heading" : "duty.statement.font.body"));
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, CHINESE);
	}

	/** A .docx and the name to download it as. */
	public record Statement(String filename, byte[] docx) {
	}

}
