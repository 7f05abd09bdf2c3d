package org.lianluo.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Role;
import org.lianluo.identity.UserManagement;
import org.lianluo.identity.UserManagement.UserForm;
import org.lianluo.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One user for every staff role, in the city and in 田东县, so that a newcomer can try Lianluo as each of the people
 * of DESIGN.md: the office that triages, a unit's handler, a deputy, a station's staff, a leader, an administrator.
 * The handler's unit, the deputy and the station are the busiest of the demo year, so each sees work at once. They
 * share one fixed password ({@link #PASSWORD}), printed at the first start with the demo and never without it.
 */
@Component
class DemoUsers {

	static final String PASSWORD = "lianluo-demo";

	static final String CITY = "451000";

	static final String COUNTY = "451022";

	private final UserManagement users;

	private final JdbcClient jdbc;

	DemoUsers(UserManagement users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	/** A demo user: its name, what it is, and its first screen. */
	record DemoUser(String username, String displayName) {
	}

	/** Creates the users through the administrators' own checks; the caller has the city's scope. */
	List<DemoUser> create() {
		List<DemoUser> made = new ArrayList<>();
		made.add(user("baise-assessor", "百色市人大代表工委（演示）", CITY, null, null, Role.ASSESSOR));
		made.add(user("baise-leader", "百色市人大常委会领导（演示）", CITY, null, null, Role.LEADER));
		made.add(user("baise-station", "百色市联络站工作人员（演示）", CITY, null, null, Role.STATION_ADMIN));
		made.add(user("baise-unit", "百色市承办单位经办人（演示）", CITY, busiestUnit(CITY, true), null, Role.UNIT_HANDLER));
		made.add(user("baise-deputy", "百色市人大代表（演示）", CITY, null, busiestDeputy(CITY, "CITY"), Role.DEPUTY));
		made.add(user("tiandong-admin", "田东县系统管理员（演示）", COUNTY, null, null, Role.ADMIN));
		made.add(user("tiandong-assessor", "田东县人大选联工委（演示）", COUNTY, null, null, Role.ASSESSOR));
		made.add(user("tiandong-leader", "田东县人大常委会领导（演示）", COUNTY, null, null, Role.LEADER));
		made.add(user("tiandong-station", "田东县联络站工作人员（演示）", COUNTY, null, null, Role.STATION_ADMIN));
		made.add(user("tiandong-unit", "田东县承办单位经办人（演示）", COUNTY, busiestUnit(COUNTY, false), null, Role.UNIT_HANDLER));
		made.add(user("tiandong-deputy", "田东县人大代表（演示）", COUNTY, null, busiestDeputy(COUNTY, "COUNTY"), Role.DEPUTY));
		return made;
	}

	private DemoUser user(String username, String displayName, String region, UUID unit, UUID deputy, Role role) {
		users.create(new UserForm(username, displayName, PASSWORD, EnumSet.of(role), region, unit, deputy, true));
		return new DemoUser(username, displayName);
	}

	/** The unit of the region (exactly it, or anywhere below it) that leads the most opinions of the demo year. */
	private UUID busiestUnit(String region, boolean exactly) {
		return jdbc.sql("""
				select u.id from handling_unit u left join opinion o on o.lead_unit_id = u.id
				where (u.region_code = :region or (not :exactly and u.region_code like :below))
				group by u.id order by count(o.id) desc, u.id limit 1""")
			.param("region", region).param("exactly", exactly).param("below", new RegionCode(region).subtreePrefix() + "%")
			.query(UUID.class).single();
	}

	/** The deputy with a seat at this level on the roster of the region's station that received the most opinions. */
	private UUID busiestDeputy(String region, String level) {
		return jdbc.sql("""
				select r.deputy_id from station_deputy r join station s on s.id = r.station_id
				join deputy_seat seat on seat.deputy_id = r.deputy_id and seat.level = :level and seat.status = 'ACTIVE'
				left join opinion o on o.station_id = s.id
				where s.region_code like :below group by r.deputy_id order by count(o.id) desc, r.deputy_id limit 1""")
			.param("level", level).param("below", new RegionCode(region).subtreePrefix() + "%")
			.query(UUID.class).single();
	}
}
