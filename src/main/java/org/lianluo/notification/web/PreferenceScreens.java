package org.lianluo.notification.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lianluo.identity.Actor;
import org.lianluo.notification.Preferences;
import org.lianluo.notification.Preferences.Channels;
import org.lianluo.notification.Preferences.Preference;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user's notification settings (e-mail address, mobile number, and per kind of message e-mail and SMS), and
 * the opt-out link of every e-mail, which needs no sign-in.
 */
@Controller
class PreferenceScreens {

	private final Preferences preferences;

	private final FormErrors formErrors;

	PreferenceScreens(Preferences preferences, FormErrors formErrors) {
		this.preferences = preferences;
		this.formErrors = formErrors;
	}

	@GetMapping("/inbox/preferences")
	String form(Model model) {
		return show(preferences.of(Actor.current().id()), model);
	}

	/** Checkboxes {@code email-KIND} and {@code sms-KIND}: present when ticked. */
	@PostMapping("/inbox/preferences")
	String save(@RequestParam(required = false) String email, @RequestParam(defaultValue = "false") boolean emailEnabled,
			@RequestParam(required = false) String phone, @RequestParam Map<String, String> form, Model model) {
		Map<String, Channels> kinds = new LinkedHashMap<>();
		Preferences.KINDS.forEach(k -> kinds.put(k, new Channels(form.containsKey("email-" + k), form.containsKey("sms-" + k))));
		Preference wanted = new Preference(email, emailEnabled, phone, kinds);
		try {
			Preference saved = preferences.update(Actor.current().id(), wanted);
			model.addAttribute("notice", "notification.preferences.saved");
			return show(saved, model);
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return show(wanted, model);
		}
	}

	private static String show(Preference preference, Model model) {
		model.addAttribute("preference", preference);
		model.addAttribute("kinds", Preferences.KINDS);
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
