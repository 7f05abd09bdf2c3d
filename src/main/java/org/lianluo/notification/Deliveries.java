package org.lianluo.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ADMIN's view of the delivery outbox: what is dead (or failing), and retrying it. Deliveries of the admin's
 * region and those of no region are shown; the recipient only masked.
 */
@Service
public class Deliveries {

	public static final Set<String> STATUSES = Set.of("PENDING", "SENDING", "SENT", "FAILED", "DEAD");

	private static final String COLUMNS = "id, channel, recipient_enc, template, status, attempts, next_attempt_at,"
			+ " last_error, created_at, sent_at";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
	}

	public Page<DeliveryView> list(String status, int page, int size) {
		String pattern = admin().scope().regionPattern();
		Page.check(page, size);
		String wanted = status == null || status.isBlank() ? "DEAD" : status.trim();
		if (!STATUSES.contains(wanted)) {
			throw LianluoException.invalidField("status", "notification.delivery.status.invalid");
		}
		String where = " from notification_delivery where status = ? and (region_code is null or region_code like ?)";
		List<DeliveryView> items = jdbc.sql("select " + COLUMNS + where + " order by updated_at desc, id limit ? offset ?")
			.params(wanted, pattern, size, page * size)
			.query(this::map)
			.list();
		long total = jdbc.sql("select count(*)" + where).params(wanted, pattern).query(Long.class).single();
		return new Page<>(items, page, size, total);
	}

	/** Puts a DEAD or FAILED delivery back in line now, with a fresh count of attempts. */
	@Transactional
	public DeliveryView retry(UUID id) {
		String pattern = admin().scope().regionPattern();
		String status = jdbc.sql("select status from notification_delivery where id = ? and (region_code is null or region_code like ?) for update")
			.params(id, pattern)
			.query(String.class)
			.optional()
			.orElseThrow(LianluoException::notFound);
		if (!status.equals("DEAD") && !status.equals("FAILED")) {
			throw LianluoException.conflict("notification.delivery.not-retryable");
		}
		OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
		jdbc.sql("update notification_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ? where id = ?")
			.params(now, now, id)
			.update();
		return jdbc.sql("select " + COLUMNS + " from notification_delivery where id = ?").param(id).query(this::map).single();
	}

	private static Actor admin() {
		Actor user = Actor.current();
		if (!user.has(Role.ADMIN)) {
			throw LianluoException.forbidden();
		}
		return user;
	}

	private DeliveryView map(ResultSet rs, int n) throws SQLException {
		OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
		return new DeliveryView(rs.getObject("id", UUID.class), rs.getString("channel"),
				PersonalData.mask(personalData.decrypt(rs.getString("recipient_enc"), "notification_delivery", "recipient_enc",
						rs.getObject("id", UUID.class))), rs.getString("template"),
				rs.getString("status"), rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
				rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				sent == null ? null : sent.toInstant());
	}
}
