package org.lianluo.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The screen {@code /admin/keys}: the key set, what is left to re-seal, the rotations, and a button to start one. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class KeyRotationScreens {

	private final KeyRotationApi api;

	KeyRotationScreens(KeyRotationApi api) {
		this.api = api;
	}

	@GetMapping("/admin/keys")
	String screen(Model model) {
		model.addAttribute("keys", api.keys());
		return "identity/keys";
	}

	@PostMapping("/admin/keys/rotation")
	String startOnScreen() {
		api.start();
		return "redirect:/admin/keys";
	}
}
