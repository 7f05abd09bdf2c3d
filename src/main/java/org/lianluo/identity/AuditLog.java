package org.lianluo.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.lianluo.platform.Text;
import org.lianluo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only security audit: sign-ins, lockouts, user and role changes, every unmasking of
 * personal data. Rows are only ever inserted; the database refuses updates and deletes, but for the one
 * row per address and hour that counts failed sign-ins up. Each row carries a region, so that a county's
 * administrator reads their county's rows; rows without one are the city's.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final CityWide cityWide;

	AuditLog(JdbcClient jdbc, CityWide cityWide) {
		this.jdbc = jdbc;
		this.cityWide = cityWide;
	}

	/** Recorded in its own transaction, so that a refused action still leaves its trace. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String actor, Action action, String target, String detail) {
		insert(actor, action, target, detail, Actor.find().map(Actor::regionCode).orElse(null));
	}

	/** Recorded in its own transaction, in the region of the record (a sign-in: the user's). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String actor, Action action, String target, String detail, String region) {
		insert(actor, action, target, detail, region);
	}

	/** Recorded as the signed-in user, inside the caller's transaction. */
	public void record(Action action, String target, String detail) {
		record(Actor.find().map(Actor::username).orElse(null), action, target, detail);
	}

	/**
	 * A failed sign-in from this request's address: one row per address and hour, whose count goes up, so that a
	 * flood of guesses is one line rather than a flood of lines.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void countFailedSignIn() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String address = address();
		jdbc.sql("""
				insert into audit_log (id, at, actor, action, target, detail, address, region_code, hits, last_at, tally_key)
				values (?, ?, null, ?, null, 'failed sign-ins from this address', ?, null, 1, ?, ?)
				on conflict (tally_key) where tally_key is not null
				do update set hits = audit_log.hits + 1, last_at = greatest(audit_log.last_at, excluded.last_at)""")
			.params(Ids.newId(), now, Action.SIGN_IN_FAILED.name(), address, now,
					Action.SIGN_IN_FAILED.name() + "|" + address + "|" + now.truncatedTo(ChronoUnit.HOURS).toEpochSecond())
			.update();
	}

	private void insert(String actor, Action action, String target, String detail, String region) {
		jdbc.sql("""
				insert into audit_log (id, at, actor, action, target, detail, address, region_code)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), OffsetDateTime.now(ZoneOffset.UTC), actor, action.name(), target, detail, address(), region)
			.update();
	}

	/** The newest rows the caller may read: their region's; the rows without a region too when their scope is the city. */
	public List<Entry> search(String actor, String action, int limit) {
		Actor user = Actor.current();
		boolean city = cityWide.covers(user);
		return jdbc.sql("""
				select at, actor, action, target, detail, address, hits, last_at from audit_log
				where (cast(? as varchar) is null or actor = ?) and (cast(? as varchar) is null or action = ?)
				  and (? or region_code like ?)
				order by at desc limit ?""")
			.params(Text.blankToNull(actor), Text.blankToNull(actor), Text.blankToNull(action), Text.blankToNull(action), city,
					user.scope().regionPattern(), limit)
			.query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
					rs.getObject(8, OffsetDateTime.class) == null ? null : rs.getObject(8, OffsetDateTime.class).toInstant()))
			.list();
	}


	static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			return attrs.getRequest().getRemoteAddr();
		}
		return null;
	}

	public enum Action {
		/** The key rotation of personal data (issue 23.3): started or resumed by an ADMIN, resumed after a restart, ended. */
		KEY_ROTATION_STARTED, KEY_ROTATION_RESUMED, KEY_ROTATION_FINISHED, KEY_ROTATION_FAILED,
		SIGN_IN, SIGN_IN_FAILED, LOCKED_OUT, SIGN_OUT, TOKEN_ISSUED, TOKEN_REVOKED, USER_CREATED, USER_UPDATED,
		ROLES_CHANGED, PASSWORD_CHANGED, SESSIONS_ENDED, PERSONAL_DATA_REVEALED, CONTENT_HIDDEN,
		/** The office rated an opinion's reply for the citizen, from its phone call-back (回访). */
		FOLLOW_UP_RATED,
		/** A city administrator replaced the county outlines of the dashboards' maps. */
		MAP_UPLOADED,
		/** The identity platform signed someone in who is no enabled Lianluo user (统一身份认证). */
		SIGN_IN_REFUSED
	}

	/** One row; {@code hits} counts a tally's events (0 for a single event), {@code lastAt} is when its last came. */
	public record Entry(Instant at, String actor, String action, String target, String detail, String address, int hits,
			Instant lastAt) {
	}
}
