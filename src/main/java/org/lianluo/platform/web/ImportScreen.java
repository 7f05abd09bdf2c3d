package org.lianluo.platform.web;

import java.io.IOException;
import java.util.Map;

import org.lianluo.platform.ImportReport;
import org.lianluo.platform.LianluoException;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one import page every registry shows ({@code templates/import.html}): its section, title and
 * address, and what an uploaded sheet goes through.
 */
public record ImportScreen(String section, String titleKey, String backKey, String path) {

	public String show(Model model) {
		model.addAttribute("section", section);
		model.addAttribute("titleKey", titleKey);
		model.addAttribute("backKey", backKey);
		model.addAttribute("backUrl", path);
		model.addAttribute("action", path + "/import");
		model.addAttribute("templateUrl", path + "/import/template.xlsx");
		return "import";
	}

	/** Imports the file (all or nothing unless {@code partial}) and shows the report, or why it was refused. */
	public String upload(MultipartFile file, boolean partial, Model model, FormErrors formErrors, Importer importer)
			throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw LianluoException.invalidField("file", "import.file.required");
			}
			model.addAttribute("report", importer.importFile(file.getBytes(), partial));
		}
		catch (LianluoException ex) {
			Map<String, String> errors = formErrors.of(ex);
			model.addAttribute("error", errors.getOrDefault("file", errors.get("_")));
		}
		return show(model);
	}

	/** A registry's sheet import. */
	@FunctionalInterface
	public interface Importer {

		ImportReport importFile(byte[] content, boolean partial);
	}
}
