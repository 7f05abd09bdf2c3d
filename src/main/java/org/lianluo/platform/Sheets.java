package org.lianluo.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.http.HttpStatus;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Spreadsheets in and out: reads an .xlsx or a .csv (UTF-8, or GB18030 as Excel writes it on Chinese
 * Windows), recognised by its content and not by its name, into rows keyed by header; writes .xlsx.
 * <p>
 * What is read cannot exhaust the server: a file over {@link #MAX_BYTES}, a row with a cell past column
 * {@link #MAX_COLUMNS} or more than {@link #MAX_ROWS} rows is refused as soon as it is seen, and an .xlsx is
 * streamed (SAX over its sheet) under POI's zip-bomb limits: an entry that inflates more than 100 times, or
 * past {@link #MAX_ENTRY_BYTES}, is refused. What is written cannot run: a text cell that would start a formula
 * ({@code = + - @}, tab or carriage return) is written with a leading {@code '}.
 */
public final class Sheets {

	public static final int MAX_ROWS = 20_000;

	public static final int MAX_COLUMNS = 100;

	/** 10 MB: a registry of 20,000 rows is a tenth of that. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	static {
		// POI's limits are global: from here on they guard every .xlsx and .docx this application opens.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
		ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
		ZipSecureFile.setMaxFileCount(1000);
		IOUtils.setMaxByteArrayInitSize(MAX_BYTES);
	}

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
		if (content.length > MAX_BYTES) {
			throw LianluoException.of(HttpStatus.PAYLOAD_TOO_LARGE, "import.file.too-large", MAX_BYTES / (1024 * 1024));
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
				cell.setCellValue(text(headers.get(c)));
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
						row.createCell(c).setCellValue(text(v.toString()));
					}
				}
			}
			if (notes != null && !notes.isEmpty()) {
				Sheet help = book.createSheet(notes.get(0));
				for (int i = 1; i < notes.size(); i++) {
					help.createRow(i - 1).createCell(0).setCellValue(text(notes.get(i)));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A text as a spreadsheet cell that stays text: one that a spreadsheet would take for a formula (it starts with
	 * {@code = + - @}, a tab or a carriage return) gets a leading {@code '}. Every cell written from what people
	 * typed goes through here.
	 */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value
				: value;
	}

	/** The first sheet, streamed: a temporary file that POI reads lazily, entry by entry, under its zip limits. */
	private static List<List<String>> xlsx(byte[] content) {
		Path file = null;
		try {
			file = Files.createTempFile("lianluo-import", ".xlsx");
			Files.write(file, content);
			try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
				XSSFReader reader = new XSSFReader(pkg);
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
				Iterator<InputStream> sheets = reader.getSheetsData();
				if (!sheets.hasNext()) {
					throw LianluoException.invalidField("file", "import.file.empty");
				}
				Rows rows = new Rows();
				try (InputStream sheet = sheets.next()) {
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, new DataFormatter(), false));
					xml.parse(new InputSource(sheet));
				}
				return rows.rows;
			}
		}
		catch (LianluoException refusal) {
			throw refusal;
		}
		catch (Exception ex) {
			throw refusal(ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file the system cleans up anyway
				}
			}
		}
	}

	/** Our own refusal from inside the parser as it is; an inflating entry as 400; anything else unreadable. */
	private static LianluoException refusal(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof LianluoException refusal) {
				return refusal;
			}
			String message = String.valueOf(t.getMessage());
			if (message.contains("Zip bomb") || message.contains("ZipSecureFile") || message.contains("malicious")) {
				return LianluoException.invalidField("file", "import.file.inflated");
			}
		}
		return LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import.file.unreadable");
	}

	/** Collects the rows the SAX handler reports, refusing a cell past {@link #MAX_COLUMNS} or a row past {@link #MAX_ROWS}. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		final List<List<String>> rows = new ArrayList<>();

		private List<String> current;

		@Override
		public void startRow(int rowNum) {
			if (rowNum > MAX_ROWS + 1) {
				throw LianluoException.of(HttpStatus.PAYLOAD_TOO_LARGE, "import.file.too-many-rows", MAX_ROWS);
			}
			while (rows.size() < rowNum) {
				rows.add(new ArrayList<>());
			}
			current = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			rows.add(current);
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? current.size() : new CellReference(reference).getCol();
			if (column >= MAX_COLUMNS) {
				throw tooManyColumns();
			}
			while (current.size() < column) {
				current.add("");
			}
			current.add(value == null ? "" : value.trim());
		}
	}

	private static LianluoException tooManyColumns() {
		return LianluoException.invalidField("file", "import.file.too-many-columns", MAX_COLUMNS);
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
				if (row.size() >= MAX_COLUMNS) {
					throw tooManyColumns();
				}
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
