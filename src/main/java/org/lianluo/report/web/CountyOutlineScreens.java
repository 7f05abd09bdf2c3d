package org.lianluo.report.web;

import java.io.IOException;
import java.time.Duration;

import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.report.CountyOutlines;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The county outlines the maps are drawn on: served to the dashboards, and replaced by a city administrator. */
@Controller
class CountyOutlineScreens {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final CountyOutlines outlines;

	private final FormErrors formErrors;

	CountyOutlineScreens(CountyOutlines outlines, FormErrors formErrors) {
		this.outlines = outlines;
		this.formErrors = formErrors;
	}

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	@GetMapping("/maps/{city}.geojson")
	ResponseEntity<String> geojson(@PathVariable String city) {
		return outlines.geojson(city)
			.map(g -> ResponseEntity.ok().contentType(GEO_JSON)
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate()).body(g))
			.orElseThrow(LianluoException::notFound);
	}

	@GetMapping("/admin/maps")
	String page(Model model) {
		model.addAttribute("city", outlines.city());
		model.addAttribute("source", outlines.source(outlines.city()).orElse(null));
		return "report/maps";
	}

	@PostMapping("/admin/maps")
	String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			outlines.upload(outlines.city(), file == null ? null : file.getBytes(), Actor.current());
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return page(model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/maps";
	}
}
