package org.lianluo.deputy;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 代表团: the deputies who hold an active seat in a named delegation. Unscoped, ids only: it tells other
 * modules whom to compare a deputy with (the duty record's rank), not who those deputies are.
 */
@Service
public class Delegations {

	private final JdbcClient jdbc;

	Delegations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The deputies with an active seat in the delegation of that name; none for a blank name. */
	public List<UUID> members(String delegation) {
		if (delegation == null || delegation.isBlank()) {
			return List.of();
		}
		return jdbc.sql("select distinct deputy_id from deputy_seat where delegation = ? and status = 'ACTIVE'")
			.param(delegation.strip())
			.query(UUID.class)
			.list();
	}
}
