package org.lianluo.duty;

import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionEvents.OpinionReceived;
import org.lianluo.opinion.OpinionManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps which deputies received which opinion, and where, for their duty records. */
@Component
class ReceivedOpinions {

	private final JdbcClient jdbc;

	private final OpinionManagement opinions;

	ReceivedOpinions(JdbcClient jdbc, OpinionManagement opinions) {
		this.jdbc = jdbc;
		this.opinions = opinions;
	}

	@ApplicationModuleListener
	void on(OpinionReceived event) {
		Opinion opinion = opinions.byId(event.opinionId()).orElse(null);
		if (opinion == null) {
			return;
		}
		for (java.util.UUID deputy : opinion.getDeputyIds()) {
			jdbc.sql("""
					insert into duty_opinion (opinion_id, deputy_id, station_id, received_at) values (?, ?, ?, ?)
					on conflict do nothing""")
				.params(opinion.getId(), deputy, opinion.getStationId(),
						java.time.OffsetDateTime.ofInstant(event.at(), java.time.ZoneOffset.UTC))
				.update();
		}
	}
}
