package org.lianluo.identity;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.lianluo.platform.DatabaseScope;
import org.lianluo.region.RegionCode;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the database which region the signed-in caller of this thread is limited to (row-level security): their
 * user's region, or for a deputy, who sees only their own records, the widest region of the congresses they sit in
 * (a township's resident who sits in the county congress proposes to the county, and must see those proposals).
 * The public pages answer everyone alike, so there the caller's region does not apply.
 */
@Component
class CallerRegion implements DatabaseScope.Caller {

	private final JdbcClient jdbc;

	private final CityWide cityWide;

	/** Both resolved at first use: the migrations ask for connections before either exists, with nobody signed in. */
	CallerRegion(@Lazy JdbcClient jdbc, @Lazy CityWide cityWide) {
		this.jdbc = jdbc;
		this.cityWide = cityWide;
	}

	/**
	 * Pages and endpoints that answer everyone alike, signed in or not: the public's (a staff member tracking a
	 * citizen's code) and the sign-in doors (a failed attempt is counted on a row of no region).
	 */
	private static final List<String> PUBLIC = List.of("/api/v1/public/", "/public/", "/consultations", "/track", "/opinions/new",
			"/api/v1/auth/token", "/login");

	@Override
	public String regionPrefix() {
		if (publicRequest()) {
			return null;
		}
		return Actor.find().map(this::prefix).orElse(null);
	}

	private String prefix(Actor user) {
		if (user.scope().deputyId() == null && user.scope().unitId() == null && cityWide.covers(user)) {
			// The whole installation, also what belongs to no region (a delivery to a staff member, the audit of sign-ins).
			return DatabaseScope.ALL;
		}
		return new RegionCode(region(user)).subtreePrefix();
	}

	private static boolean publicRequest() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpServletRequest request = attributes.getRequest();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return PUBLIC.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p) || path.startsWith(p + "/"));
	}

	private String region(Actor user) {
		UUID deputy = user.scope().deputyId();
		if (deputy == null) {
			return user.regionCode();
		}
		// Seats and congresses carry no policy, so this look-up needs no scope of its own (it runs without one).
		RegionCode home = new RegionCode(user.regionCode());
		return jdbc.sql("select c.region_code from deputy_seat s join congress c on c.id = s.congress_id where s.deputy_id = ?")
			.param(deputy)
			.query(String.class)
			.list()
			.stream()
			.filter(code -> RegionCode.isValid(code) && home.onLineWith(code))
			.min(Comparator.comparingInt(code -> new RegionCode(code).subtreePrefix().length()))
			.filter(code -> new RegionCode(code).subtreePrefix().length() < home.subtreePrefix().length())
			.orElse(user.regionCode());
	}
}
