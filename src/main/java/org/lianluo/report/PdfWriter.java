package org.lianluo.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Lays the report's content out on A4 pages with the embedded CJK font, wrapping lines and breaking pages. */
final class PdfWriter {

	private static final float MARGIN = 56;

	private static final PDRectangle PAGE = PDRectangle.A4;

	private final AnnualDocuments.Content content;

	private final Map<Integer, Boolean> printable = new HashMap<>();

	private PDDocument doc;

	private PDType0Font font;

	private PDPageContentStream stream;

	private float y;

	PdfWriter(AnnualDocuments.Content content) {
		this.content = content;
	}

	byte[] write() throws IOException {
		try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc = d;
			font = PDType0Font.load(d, new RandomAccessReadBuffer(ReportFont.bytes()), true, false);
			newPage();
			centred(content.title(), 20);
			y -= 12;
			for (String p : content.paragraphs()) {
				wrapped("\u3000\u3000" + p, 12, 20);
				y -= 6;
			}
			heading(content.figuresHeading());
			table(content.figures(), new float[] { 0.4f, 0.2f, 0.2f, 0.2f });
			heading(content.chartTitle());
			image(content.chart());
			heading(content.regionsHeading());
			float[] widths = new float[content.regions().get(0).size()];
			java.util.Arrays.fill(widths, 1f / widths.length);
			table(content.regions(), widths);
			y -= 12;
			wrapped(content.footer(), 9, 14);
			stream.close();
			d.save(out);
			return out.toByteArray();
		}
	}

	private void newPage() throws IOException {
		if (stream != null) {
			stream.close();
		}
		PDPage page = new PDPage(PAGE);
		doc.addPage(page);
		stream = new PDPageContentStream(doc, page);
		y = PAGE.getHeight() - MARGIN;
	}

	private void room(float needed) throws IOException {
		if (y - needed < MARGIN) {
			newPage();
		}
	}

	private void heading(String text) throws IOException {
		y -= 10;
		room(40);
		wrapped(text, 14, 22);
	}

	private void centred(String text, float size) throws IOException {
		String s = printable(text);
		float width = font.getStringWidth(s) / 1000 * size;
		room(size * 1.6f);
		show(s, (PAGE.getWidth() - width) / 2, y - size, size);
		y -= size * 1.6f;
	}

	private void wrapped(String text, float size, float leading) throws IOException {
		for (String line : lines(printable(text), size, PAGE.getWidth() - 2 * MARGIN)) {
			room(leading);
			show(line, MARGIN, y - size, size);
			y -= leading;
		}
	}

	private void table(List<List<String>> rows, float[] fractions) throws IOException {
		float width = PAGE.getWidth() - 2 * MARGIN;
		float size = 10;
		for (List<String> row : rows) {
			room(18);
			float x = MARGIN;
			for (int i = 0; i < row.size(); i++) {
				float cell = width * fractions[i];
				List<String> lines = lines(printable(row.get(i)), size, cell - 6);
				show(lines.isEmpty() ? "" : lines.get(0), x + 3, y - 13, size);
				x += cell;
			}
			stream.setLineWidth(0.4f);
			stream.moveTo(MARGIN, y - 18);
			stream.lineTo(MARGIN + width, y - 18);
			stream.stroke();
			y -= 18;
		}
	}

	private void image(byte[] png) throws IOException {
		PDImageXObject image = PDImageXObject.createFromByteArray(doc, png, "chart.png");
		float width = PAGE.getWidth() - 2 * MARGIN;
		float height = width * image.getHeight() / image.getWidth();
		room(height + 6);
		stream.drawImage(image, MARGIN, y - height, width, height);
		y -= height + 6;
	}

	private void show(String text, float x, float baseline, float size) throws IOException {
		if (text.isEmpty()) {
			return;
		}
		stream.beginText();
		stream.setFont(font, size);
		stream.newLineAtOffset(x, baseline);
		stream.showText(text);
		stream.endText();
	}

	/** Breaks text into lines no wider than {@code width}, at any character (Chinese has no spaces). */
	private List<String> lines(String text, float size, float width) throws IOException {
		List<String> lines = new java.util.ArrayList<>();
		StringBuilder line = new StringBuilder();
		float used = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			String ch = new String(Character.toChars(cp));
			float w = font.getStringWidth(ch) / 1000 * size;
			if (used + w > width && !line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
				used = 0;
			}
			line.append(ch);
			used += w;
			i += Character.charCount(cp);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** The text with every character the font has no glyph for replaced, so that a rare name never stops the PDF. */
	private String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(cp -> {
			boolean ok = printable.computeIfAbsent(cp, c -> {
				try {
					font.encode(new String(Character.toChars(c)));
					return true;
				}
				catch (IOException | IllegalArgumentException ex) {
					return false;
				}
			});
			out.appendCodePoint(ok ? cp : '?');
		});
		return out.toString();
	}
}
