package org.lianluo.identity;

import java.util.List;
import java.util.UUID;

import org.lianluo.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who holds a duty, for modules that must reach people rather than show them: the enabled handlers of a
 * unit, the enabled assessors whose scope covers a region, the leaders. No scope check: callers are event
 * listeners and scheduled tasks.
 */
@Service
public class UserDirectory {

	private final JdbcClient jdbc;

	private final Users users;

	UserDirectory(JdbcClient jdbc, Users users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	public List<UUID> handlersOf(UUID unitId) {
		if (unitId == null) {
			return List.of();
		}
		return jdbc.sql("select id, roles from app_user where unit_id = ? and enabled order by id")
			.param(unitId)
			.query((rs, n) -> hasRole(rs.getString(2), Role.UNIT_HANDLER) ? rs.getObject(1, UUID.class) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/** The enabled DEPUTY users of a deputy (a deputy may have more than one account, or none). */
	public List<UUID> usersOfDeputy(UUID deputyId) {
		if (deputyId == null) {
			return List.of();
		}
		return jdbc.sql("select id, roles from app_user where deputy_id = ? and enabled order by id")
			.param(deputyId)
			.query((rs, n) -> hasRole(rs.getString(2), Role.DEPUTY) ? rs.getObject(1, UUID.class) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/** Assessors whose region is the given region or one above it. */
	public List<UUID> assessorsCovering(String regionCode) {
		return jdbc.sql("select id, roles, region_code from app_user where enabled and roles like '%ASSESSOR%' order by id")
			.query((rs, n) -> hasRole(rs.getString(2), Role.ASSESSOR)
					&& new RegionCode(rs.getString(3)).contains(regionCode) ? rs.getObject(1, UUID.class) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/** The enabled leaders, as the users they are, so that work done for them can be seen through their scope. */
	public List<Actor> leaders() {
		return jdbc.sql("select id, roles from app_user where enabled and roles like '%LEADER%' order by id")
			.query((rs, n) -> hasRole(rs.getString(2), Role.LEADER) ? rs.getObject(1, UUID.class) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.map(id -> users.byId(id).orElseThrow().toCurrentUser())
			.toList();
	}

	private static boolean hasRole(String roles, Role role) {
		return List.of(roles.split(",")).contains(role.name());
	}
}
