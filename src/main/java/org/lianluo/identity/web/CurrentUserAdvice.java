package org.lianluo.identity.web;

import org.lianluo.identity.CurrentUser;
import org.lianluo.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and the name of their scope into every screen's model, for the layout. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	private final Regions regions;

	CurrentUserAdvice(Regions regions) {
		this.regions = regions;
	}

	@ModelAttribute
	void addUser(Model model) {
		CurrentUser.find().ifPresent(user -> {
			model.addAttribute("currentUser", user);
			model.addAttribute("currentScopeName", regions.fullName(user.regionCode()));
		});
	}
}
