package org.lianluo.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.lianluo.Api;

/**
 * The documents as a reader gets them: the .docx converted to PDF by LibreOffice (headless, as an office opens it) and
 * a PDF's text as PDFBox extracts it, with white space taken out so that line breaks do not split a figure.
 */
final class Documents {

	static final Path SOFFICE = Path.of("/usr/bin/soffice");

	private Documents() {
	}

	/** Converts a .docx with LibreOffice; without LibreOffice the test is skipped loudly, and fails under CI=true. */
	static byte[] libreOfficePdf(byte[] docx, String name) throws IOException, InterruptedException {
		if (!Files.isExecutable(SOFFICE)) {
			String message = "*** LibreOffice (" + SOFFICE + ") is missing: the .docx is not checked. "
					+ "Install libreoffice-writer-nogui (.ci/run does). ***";
			System.err.println(message);
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError(message);
			}
			Assumptions.abort(message);
		}
		Path dir = Files.createDirectories(Path.of("target/report-documents"));
		Path file = dir.resolve(name + ".docx");
		Files.write(file, docx);
		Path profile = Files.createTempDirectory("lo-profile");
		Process p = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--convert-to", "pdf", "--outdir", dir.toString(), file.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile())
			.start();
		if (!p.waitFor(180, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("LibreOffice did not convert " + file + " within 3 minutes");
		}
		Path pdf = dir.resolve(name + ".pdf");
		if (p.exitValue() != 0 || !Files.exists(pdf)) {
			throw new AssertionError("LibreOffice could not open " + file + ": " + Files.readString(dir.resolve(name + ".log")));
		}
		return Files.readAllBytes(pdf);
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
	}

	static boolean embedsAllFonts(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			boolean any = false;
			for (PDPage page : doc.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					if (!font.isEmbedded()) {
						return false;
					}
					any = true;
				}
			}
			return any;
		}
	}

	static int delete(Api api, String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Bearer " + api.token())
				.DELETE().build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}
}
