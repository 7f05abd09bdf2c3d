package org.lianluo.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every user's in-app inbox: their messages, newest first, and which they have read. */
@Service
public class Inbox {

	private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final MessageTemplates templates;

	private final JsonMapper json;

	private final Clock clock;

	Inbox(JdbcClient jdbc, MessageTemplates templates, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.json = json;
		this.clock = clock;
	}

	public long unreadCount(UUID userId) {
		return jdbc.sql("select count(*) from notification_message where recipient_id = ? and read_at is null")
			.param(userId)
			.query(Long.class)
			.single();
	}

	public Page<InboxMessage> list(UUID userId, boolean unreadOnly, int page, int size) {
		Page.check(page, size);
		String filter = unreadOnly ? " and read_at is null" : "";
		List<InboxMessage> items = jdbc.sql("select id, kind, template, params, link, created_at, read_at"
				+ " from notification_message where recipient_id = ?" + filter
				+ " order by created_at desc, id limit ? offset ?")
			.params(userId, size, page * size)
			.query(this::map)
			.list();
		long total = jdbc.sql("select count(*) from notification_message where recipient_id = ?" + filter)
			.param(userId)
			.query(Long.class)
			.single();
		return new Page<>(items, page, size, total);
	}

	/** Marks one of the user's messages read; reading it again changes nothing. Another's message is 404. */
	@Transactional
	public void markRead(UUID userId, UUID messageId) {
		int found = jdbc.sql("update notification_message set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?")
			.params(OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), messageId, userId)
			.update();
		if (found == 0) {
			throw LianluoException.notFound();
		}
	}

	@Transactional
	public int markAllRead(UUID userId) {
		return jdbc.sql("update notification_message set read_at = ? where recipient_id = ? and read_at is null")
			.params(OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), userId)
			.update();
	}

	private InboxMessage map(ResultSet rs, int n) throws SQLException {
		Map<String, String> params = json.readValue(rs.getString("params"), PARAMS);
		String text = templates.text(rs.getString("template"), "INBOX", params, LocaleContextHolder.getLocale());
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		return new InboxMessage(rs.getObject("id", UUID.class), rs.getString("kind"), text, rs.getString("link"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant());
	}
}
