package org.lianluo.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

/**
 * Spreadsheets in and out: reads an .xlsx or a .csv (UTF-8, or GB18030 as Excel writes it on Chinese
 * Windows), recognised by its content and not by its name, into rows keyed by header; writes .xlsx.
 */
public final class Sheets {

	public static final int MAX_ROWS = 20_000;

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private Sheets() {
	}

	/** One data row: its number as the spreadsheet shows it (the header is row 1) and its cells by header. */
	public record Line(int number, Map<String, String> cells) {

		public String get(String header) {
			String value = cells.get(header);
			return value == null || value.isBlank() ? null : value.trim();
		}
	}

	public static List<Line> read(byte[] content) {
		if (content == null || content.length == 0) {
			throw LianluoException.invalidField("file", "import.file.empty");
		}
		List<List<String>> rows = startsWith(content, ZIP) ? xlsx(content) : csv(text(content));
		while (!rows.isEmpty() && rows.get(0).stream().allMatch(String::isBlank)) {
			rows.remove(0);
		}
		if (rows.isEmpty()) {
			throw LianluoException.invalidField("file", "import.file.empty");
		}
		if (rows.size() - 1 > MAX_ROWS) {
			throw LianluoException.of(HttpStatus.PAYLOAD_TOO_LARGE, "import.file.too-many-rows", MAX_ROWS);
		}
		List<String> headers = rows.get(0).stream().map(h -> h.replace("*", "").trim()).toList();
		List<Line> lines = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (int c = 0; c < headers.size(); c++) {
				cells.put(headers.get(c), c < row.size() ? row.get(c) : "");
			}
			lines.add(new Line(i + 1, cells));
		}
		return lines;
	}

	/** An .xlsx with one sheet: a bold header row and the rows; a second sheet of notes when given. */
	public static byte[] write(String sheetName, List<String> headers, List<List<Object>> rows, List<String> notes) {
		try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(sheetName);
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(headers.get(c));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(c, 18 * 256);
			}
			int r = 1;
			for (List<Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Object v = values.get(c);
					if (v instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else if (v != null) {
						row.createCell(c).setCellValue(v.toString());
					}
				}
			}
			if (notes != null && !notes.isEmpty()) {
				Sheet help = book.createSheet(notes.get(0));
				for (int i = 1; i < notes.size(); i++) {
					help.createRow(i - 1).createCell(0).setCellValue(notes.get(i));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<List<String>> xlsx(byte[] content) {
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			if (sheet.getLastRowNum() > MAX_ROWS + 1) {
				throw LianluoException.of(HttpStatus.PAYLOAD_TOO_LARGE, "import.file.too-many-rows", MAX_ROWS);
			}
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						Cell cell = row.getCell(c);
						cells.add(cell == null ? "" : format.formatCellValue(cell).trim());
					}
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof LianluoException refusal) {
				throw refusal;
			}
			throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import.file.unreadable");
		}
	}

	private static String text(byte[] content) {
		for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
			try {
				String text = charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(content))
					.toString();
				if (text.indexOf('\0') >= 0) {
					break;
				}
				return text.startsWith("\uFEFF") ? text.substring(1) : text;
			}
			catch (CharacterCodingException ex) {
				// try the next encoding
			}
		}
		throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import.file.unreadable");
	}

	/** RFC 4180: commas, quoted fields with doubled quotes, line breaks inside quotes. */
	static List<List<String>> csv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					cell.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				row.add(cell.toString().trim());
				cell.setLength(0);
			}
			else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString().trim());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				if (rows.size() > MAX_ROWS + 1) {
					throw LianluoException.of(HttpStatus.PAYLOAD_TOO_LARGE, "import.file.too-many-rows", MAX_ROWS);
				}
			}
			else {
				cell.append(ch);
			}
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString().trim());
			rows.add(row);
		}
		return rows;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
