package org.lianluo.identity.web;

import java.util.Map;

import org.lianluo.identity.CityWide;
import org.lianluo.identity.Actor;
import org.lianluo.platform.web.LayoutModel;
import org.lianluo.region.Regions;
import org.springframework.stereotype.Component;

/** Puts the signed-in user and the name of their scope into every screen's model, for the layout. */
@Component
class CurrentUserModel implements LayoutModel {

	private final Regions regions;

	private final CityWide cityWide;

	CurrentUserModel(Regions regions, CityWide cityWide) {
		this.regions = regions;
		this.cityWide = cityWide;
	}

	@Override
	public void addTo(Map<String, Object> model) {
		Actor.find().ifPresent(user -> {
			model.put("currentUser", user);
			model.put("currentScopeName", regions.fullName(user.regionCode()));
			model.put("cityAdmin", cityWide.isAdmin(user));
		});
	}
}
