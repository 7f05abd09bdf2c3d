package org.lianluo.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.lianluo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only security audit: sign-ins, lockouts, user and role changes, every unmasking of
 * personal data. Rows are only ever inserted; the database refuses updates and deletes.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Recorded in its own transaction, so that a refused action still leaves its trace. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String actor, Action action, String target, String detail) {
		String region = CurrentUser.find().map(CurrentUser::regionCode).orElse(null);
		jdbc.sql("""
				insert into audit_log (id, at, actor, action, target, detail, address, region_code)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), OffsetDateTime.now(ZoneOffset.UTC), actor, action.name(), target, detail, address(), region)
			.update();
	}

	/** Recorded as the signed-in user, inside the caller's transaction. */
	public void record(Action action, String target, String detail) {
		record(CurrentUser.find().map(CurrentUser::username).orElse(null), action, target, detail);
	}

	public List<Entry> search(String actor, String action, int limit) {
		return jdbc.sql("""
				select at, actor, action, target, detail, address from audit_log
				where (cast(? as varchar) is null or actor = ?) and (cast(? as varchar) is null or action = ?)
				order by at desc limit ?""")
			.params(blankToNull(actor), blankToNull(actor), blankToNull(action), blankToNull(action), limit)
			.query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			return attrs.getRequest().getRemoteAddr();
		}
		return null;
	}

	public enum Action {
		SIGN_IN, SIGN_IN_FAILED, LOCKED_OUT, SIGN_OUT, TOKEN_ISSUED, USER_CREATED, USER_UPDATED, ROLES_CHANGED,
		PASSWORD_CHANGED, PERSONAL_DATA_REVEALED, CONTENT_HIDDEN,
		/** The office rated an opinion's reply for the citizen, from its phone call-back (回访). */
		FOLLOW_UP_RATED
	}

	public record Entry(Instant at, String actor, String action, String target, String detail, String address) {
	}
}
