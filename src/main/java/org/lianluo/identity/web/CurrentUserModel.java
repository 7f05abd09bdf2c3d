package org.lianluo.identity.web;

import java.util.Map;

import org.lianluo.identity.CurrentUser;
import org.lianluo.platform.web.LayoutModel;
import org.lianluo.region.Regions;
import org.springframework.stereotype.Component;

/** Puts the signed-in user and the name of their scope into every screen's model, for the layout. */
@Component
class CurrentUserModel implements LayoutModel {

	private final Regions regions;

	CurrentUserModel(Regions regions) {
		this.regions = regions;
	}

	@Override
	public void addTo(Map<String, Object> model) {
		CurrentUser.find().ifPresent(user -> {
			model.put("currentUser", user);
			model.put("currentScopeName", regions.fullName(user.regionCode()));
		});
	}
}
