package org.lianluo.notification.web;

import org.lianluo.identity.Actor;
import org.lianluo.notification.Preferences;
import org.lianluo.notification.Preferences.Preference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/inbox/preferences}: the caller's e-mail address and whether they want e-mail, their mobile number,
 * and per kind of message whether also by e-mail and by SMS ({@code kinds}; left out: unchanged).
 */
@RestController
@RequestMapping("/api/v1/inbox/preferences")
class PreferenceApi {

	private final Preferences preferences;

	PreferenceApi(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	Preference get() {
		return preferences.of(Actor.current().id());
	}

	@PutMapping
	Preference put(@RequestBody Preference body) {
		return preferences.update(Actor.current().id(), body);
	}
}
