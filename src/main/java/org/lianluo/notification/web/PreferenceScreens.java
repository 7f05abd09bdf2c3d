package org.lianluo.notification.web;

import org.lianluo.identity.CurrentUser;
import org.lianluo.notification.Preferences;
import org.lianluo.platform.LianluoException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's e-mail preference, and the opt-out link of every e-mail, which needs no sign-in. */
@Controller
class PreferenceScreens {

	private final Preferences preferences;

	PreferenceScreens(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/inbox/preferences")
	String form(Model model) {
		model.addAttribute("preference", preferences.of(CurrentUser.get().id()));
		return "notification/preferences";
	}

	@PostMapping("/inbox/preferences")
	String save(@RequestParam(required = false) String email, @RequestParam(defaultValue = "false") boolean emailEnabled,
			Model model) {
		try {
			model.addAttribute("preference", preferences.update(CurrentUser.get().id(), email, emailEnabled));
			model.addAttribute("notice", "notification.preferences.saved");
		}
		catch (LianluoException ex) {
			model.addAttribute("preference", new Preferences.Preference(email, emailEnabled));
			model.addAttribute("problem", "notification.email.format");
		}
		return "notification/preferences";
	}

	@GetMapping("/public/email-opt-out")
	String optOutForm(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		return "notification/opt-out";
	}

	@PostMapping("/public/email-opt-out")
	String optOut(@RequestParam(required = false) String token, Model model) {
		preferences.optOut(token);
		model.addAttribute("done", true);
		return "notification/opt-out";
	}
}
