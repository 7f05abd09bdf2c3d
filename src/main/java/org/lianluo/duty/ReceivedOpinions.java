package org.lianluo.duty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.lianluo.opinion.OpinionEvents.OpinionReceived;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps which deputies received which opinion, and where, for their duty records: written in the opinion's own
 * transaction, so that a deputy's record never misses an opinion nor counts one that was rolled back.
 */
@Component
class ReceivedOpinions {

	private final JdbcClient jdbc;

	ReceivedOpinions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(OpinionReceived event) {
		OffsetDateTime at = OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC);
		for (UUID deputy : event.deputyIds()) {
			jdbc.sql("""
					insert into duty_opinion (opinion_id, deputy_id, station_id, received_at) values (?, ?, ?, ?)
					on conflict do nothing""")
				.params(event.opinionId(), deputy, event.stationId(), at)
				.update();
		}
	}
}
