package org.lianluo.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/** A horizontal bar chart as a PNG, for the documents: one bar per region, its value at the end. */
final class ReportChart {

	static final int WIDTH = 1200;

	private static final int ROW = 44;

	private ReportChart() {
	}

	record Bar(String label, long value) {
	}

	static byte[] png(String title, List<Bar> bars) {
		int height = 90 + Math.max(bars.size(), 1) * ROW;
		BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, height);
			g.setColor(new Color(0x1f2328));
			g.setFont(ReportFont.awt(30f));
			g.drawString(title, 30, 50);
			g.setFont(ReportFont.awt(22f));
			long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
			int left = 330;
			int span = WIDTH - left - 140;
			for (int i = 0; i < bars.size(); i++) {
				Bar b = bars.get(i);
				int y = 80 + i * ROW;
				g.setColor(new Color(0x1f2328));
				g.drawString(b.label(), 30, y + 28);
				int w = max == 0 ? 0 : (int) Math.round((double) b.value() / max * span);
				g.setColor(new Color(0xb3261e));
				g.fillRect(left, y + 8, Math.max(w, 2), ROW - 16);
				g.setColor(new Color(0x1f2328));
				g.drawString(String.format("%,d", b.value()), left + w + 12, y + 28);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
