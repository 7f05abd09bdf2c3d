package org.lianluo.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;

/**
 * The CJK font the report's PDF embeds and its charts are drawn with: Noto Sans SC Regular, TrueType outlines (PDFBox
 * embeds TrueType only), SIL Open Font License 1.1 (fonts/NotoSansSC-OFL.txt), from npm's
 * {@code @expo-google-fonts/noto-sans-sc} 0.4.3. Shipped in the application: government intranets have no CDN.
 */
final class ReportFont {

	private static volatile byte[] bytes;

	private static volatile Font awt;

	private ReportFont() {
	}

	static byte[] bytes() {
		if (bytes == null) {
			synchronized (ReportFont.class) {
				if (bytes == null) {
					try (InputStream in = new ClassPathResource("fonts/NotoSansSC-Regular.ttf").getInputStream()) {
						bytes = in.readAllBytes();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}
		return bytes;
	}

	static Font awt(float size) {
		if (awt == null) {
			synchronized (ReportFont.class) {
				if (awt == null) {
					try {
						awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes()));
					}
					catch (FontFormatException | IOException ex) {
						throw new IllegalStateException("the report font cannot be read", ex);
					}
				}
			}
		}
		return awt.deriveFont(size);
	}
}
