package org.lianluo.identity;

import org.lianluo.platform.LianluoException;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.springframework.stereotype.Service;

/**
 * Settings that bind the whole city (message templates, the report template, the working calendar, the search
 * index) belong to an ADMIN whose scope is the whole installation: its root region. A county's administrator
 * manages their county's users only.
 */
@Service
public class CityWide {

	private final Regions regions;

	CityWide(Regions regions) {
		this.regions = regions;
	}

	/** Whether this user's scope holds the whole installation. */
	public boolean covers(Actor user) {
		return user != null && new RegionCode(user.regionCode()).contains(regions.root());
	}

	/** Whether this user may change city-wide settings. */
	public boolean isAdmin(Actor user) {
		return user != null && user.has(Role.ADMIN) && covers(user);
	}

	/** The caller, when they may change city-wide settings; else 403. */
	public Actor requireAdmin() {
		Actor user = Actor.current();
		if (!isAdmin(user)) {
			throw LianluoException.forbidden();
		}
		return user;
	}
}
