package org.lianluo.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.ScreenSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, point 9: the link in a station's QR code is the configured public address ({@code lianluo.public-url}),
 * never the address a request claims to have come to: a forged {@code Host} (and {@code X-Forwarded-Host}) gets a
 * code that still leads to the configured portal, on the staff API, the staff print page and the public portal.
 */
@LianluoTest
class StationQrLinkTests {

	@LocalServerPort
	int port;

	@Value("${lianluo.public-url:http://localhost:8080}")
	String publicUrl;

	@Test
	void aForgedHostGetsAQrCodeOfTheConfiguredAddress() throws Exception {
		Api admin = admin(port);
		UUID id = id(admin.post("/api/v1/stations", Map.of("name", unique("防伪站"), "kind", "STANDARD", "regionCode", "451022",
				"address", "平马镇")));
		String expected = publicUrl + "/opinions/new?station=" + id;
		assertThat(expected).doesNotContain("evil");

		byte[] png = forged("/api/v1/stations/" + id + "/qr.png", admin.token());
		assertThat(StationApiTests.decode(png)).isEqualTo(expected);

		String cookie = ScreenSession.signedIn(port, "admin", "admin-test-password").cookie();
		String page = new String(forged("/stations/" + id + "/qr", cookie), StandardCharsets.UTF_8);
		assertThat(page).contains(expected).doesNotContain("evil.example");

		String svg = new String(forged("/public/stations/" + id + "/qr.svg", null), StandardCharsets.UTF_8);
		assertThat(decodeSvg(svg)).isEqualTo(expected);
	}

	/** A GET over a plain socket, so that the Host header can be anything; answers the body of a 200. */
	private byte[] forged(String path, String credential) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
					+ (credential == null ? "" : credential.startsWith("JSESSIONID") ? "Cookie: " + credential + "\r\n"
							: "Authorization: Bearer " + credential + "\r\n")
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] all = socket.getInputStream().readAllBytes();
			int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			String head = new String(all, 0, split, StandardCharsets.US_ASCII);
			assertThat(head).startsWith("HTTP/1.1 200");
			byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
			return head.toLowerCase().contains("transfer-encoding: chunked") ? unchunk(body) : body;
		}
	}

	private static byte[] unchunk(byte[] chunked) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		InputStream in = new java.io.ByteArrayInputStream(chunked);
		while (true) {
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			int size = Integer.parseInt(line.toString().split(";")[0].trim(), 16);
			if (size == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(size));
			in.skip(2);
		}
	}

	private static int indexOf(byte[] data, byte[] part) {
		outer: for (int i = 0; i <= data.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (data[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("no end of headers");
	}

	/** The SVG's unit squares ("M x yh1v1h-1z") drawn 8 pixels each, then read as a PNG would be. */
	private static String decodeSvg(String svg) throws Exception {
		Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(box.find()).isTrue();
		int w = Integer.parseInt(box.group(1));
		int h = Integer.parseInt(box.group(2));
		int scale = 8;
		BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h * scale; y++) {
			for (int x = 0; x < w * scale; x++) {
				image.setRGB(x, y, 0xFFFFFF);
			}
		}
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (module.find()) {
			int mx = Integer.parseInt(module.group(1));
			int my = Integer.parseInt(module.group(2));
			for (int y = 0; y < scale; y++) {
				for (int x = 0; x < scale; x++) {
					image.setRGB(mx * scale + x, my * scale + y, 0);
				}
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", png);
		return StationApiTests.decode(png.toByteArray());
	}
}
