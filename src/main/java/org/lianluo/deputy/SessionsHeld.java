package org.lianluo.deputy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sessions of every congress opened in a span of days: the reports count a proposal in the year its session was
 * held (API.md).
 */
@Service
public class SessionsHeld {

	private final JdbcClient jdbc;

	SessionsHeld(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Session id to the day it opened, for the sessions opened from {@code from} up to but not including {@code to}. */
	public Map<UUID, LocalDate> openedBetween(LocalDate from, LocalDate to) {
		Map<UUID, LocalDate> sessions = new LinkedHashMap<>();
		jdbc.sql("select s.id, s.opens_on from congress_session s where s.opens_on >= ? and s.opens_on < ? order by 2, 1")
			.params(from, to)
			.query(rs -> {
				sessions.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
			});
		return sessions;
	}
}
