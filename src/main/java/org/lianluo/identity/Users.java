package org.lianluo.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user table. */
@Repository
class Users {

	private static final String COLUMNS = "id, username, display_name, roles, region_code, unit_id, deputy_id, enabled, locked_until, created_at";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<User> byUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from app_user where username = ?").param(username).query(Users::map).optional();
	}

	Optional<User> byId(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(Users::map).optional();
	}

	Optional<String> passwordHash(String username) {
		return jdbc.sql("select password_hash from app_user where username = ?").param(username).query(String.class).optional();
	}

	List<User> page(String regionPattern, String q, int page, int size) {
		return jdbc.sql("select " + COLUMNS + " from app_user where region_code like ? and (username ilike ? or display_name ilike ?)"
				+ " order by username limit ? offset ?")
			.params(regionPattern, like(q), like(q), size, page * size)
			.query(Users::map)
			.list();
	}

	long count(String regionPattern, String q) {
		return jdbc.sql("select count(*) from app_user where region_code like ? and (username ilike ? or display_name ilike ?)")
			.params(regionPattern, like(q), like(q))
			.query(Long.class)
			.single();
	}

	void insert(User u, String passwordHash) {
		jdbc.sql("""
				insert into app_user (id, username, display_name, password_hash, roles, region_code, unit_id, deputy_id,
				  enabled, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())""")
			.params(u.id(), u.username(), u.displayName(), passwordHash, roles(u.roles()), u.regionCode(), u.unitId(),
					u.deputyId(), u.enabled())
			.update();
	}

	void update(User u) {
		jdbc.sql("""
				update app_user set display_name = ?, roles = ?, region_code = ?, unit_id = ?, deputy_id = ?, enabled = ?,
				  updated_at = now() where id = ?""")
			.params(u.displayName(), roles(u.roles()), u.regionCode(), u.unitId(), u.deputyId(), u.enabled(), u.id())
			.update();
	}

	void updatePassword(UUID id, String passwordHash) {
		jdbc.sql("update app_user set password_hash = ?, updated_at = now() where id = ?").params(passwordHash, id).update();
	}

	/**
	 * Counts an attempt before its password is checked, in one statement, so that parallel guesses are numbered
	 * one by one: the one that reaches {@code maxAttempts} locks the account until {@code lockedUntil} at once (its
	 * own right password unlocks it again). Answers the attempt's number, or 0 when the account is locked: then the
	 * password must not be checked at all. An expired lock starts the count afresh.
	 */
	int countAttempt(UUID id, int maxAttempts, OffsetDateTime lockedUntil) {
		return jdbc.sql("""
				update app_user set
				  failed_attempts = case when locked_until <= now() then 1 else failed_attempts + 1 end,
				  locked_until = case when (case when locked_until <= now() then 1 else failed_attempts + 1 end) >= ?
				    then ? else null end
				where id = ? and (locked_until is null or locked_until <= now())
				returning failed_attempts""")
			.params(maxAttempts, lockedUntil, id)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** The stamp a screen session was signed in under; empty once the user is disabled or gone. */
	Optional<Long> securityVersion(UUID id) {
		return jdbc.sql("select security_version from app_user where id = ? and enabled").param(id).query(Long.class).optional();
	}

	/** Ends every session and token of a user: the stamp moves on, the tokens are deleted. */
	void endSessions(UUID id) {
		jdbc.sql("update app_user set security_version = security_version + 1 where id = ?").param(id).update();
		jdbc.sql("delete from api_token where user_id = ?").param(id).update();
	}

	void resetFailures(String username) {
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = ?").param(username).update();
	}

	boolean exists(String username) {
		return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0;
	}

	private static String like(String q) {
		return q == null || q.isBlank() ? "%" : "%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static String roles(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	private static User map(ResultSet rs, int n) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
		OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
		return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"), roles,
				rs.getString("region_code"), rs.getObject("unit_id", UUID.class), rs.getObject("deputy_id", UUID.class),
				rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}
