package org.lianluo.station;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The QR code of a station: it opens the portal's submission form with the station chosen. */
@Component
@EnableConfigurationProperties(StationProperties.class)
public class StationCodes {

	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
			EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(), EncodeHintType.MARGIN, 2);

	private final String base;

	StationCodes(StationProperties properties, @Value("${lianluo.public-url:http://localhost:8080}") String publicUrl) {
		String configured = properties.portalBaseUrl() == null || properties.portalBaseUrl().isBlank() ? publicUrl
				: properties.portalBaseUrl();
		this.base = configured.trim().replaceAll("/+$", "");
	}

	/** {@code <base>/opinions/new?station=<id>}, the base from the configuration (never from the request). */
	public String portalUrl(UUID station) {
		return base + "/opinions/new?station=" + station;
	}

	public byte[] png(String content, int size) {
		BitMatrix matrix = matrix(content, size);
		BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
			}
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The same code as SVG, one unit per module, for print shops that want vectors. */
	public String svg(String content) {
		BitMatrix matrix = matrix(content, 0);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
				+ path + "\"/></svg>";
	}

	private static BitMatrix matrix(String content, int size) {
		try {
			return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, HINTS);
		}
		catch (WriterException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
