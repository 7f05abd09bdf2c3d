package org.lianluo.duty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A station's news for the public site (宣传站): the activities held at a station, most recent first, with what
 * a citizen may read: type, title, theme, when, and how many deputies came. No names of citizens, no outcome
 * text (it may name people), nothing not yet begun.
 */
@Service
public class StationNews {

	private final JdbcClient jdbc;

	private final Clock clock;

	StationNews(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The latest activities held at one station, alone or with others (at most 50). */
	public List<Item> ofStation(UUID stationId, int limit) {
		return jdbc.sql(SELECT + " where exists (select 1 from duty_activity_station s where s.activity_id = a.id"
				+ " and s.station_id = ?) and a.start_at <= ? order by a.start_at desc, a.id limit ?")
			.params(stationId, OffsetDateTime.now(clock), Math.max(0, Math.min(limit, 50)))
			.query((rs, n) -> item(rs))
			.list();
	}

	/** The latest activities held at any station (at most 50), for the home page. */
	public List<Item> latest(int limit) {
		return jdbc.sql(SELECT + " where a.station_id is not null and a.start_at <= ? order by a.start_at desc, a.id limit ?")
			.params(OffsetDateTime.now(clock), Math.max(0, Math.min(limit, 50)))
			.query((rs, n) -> item(rs))
			.list();
	}

	private static final String SELECT = """
			select a.id, a.type, a.title, a.theme, a.start_at, a.region_code, a.station_id, a.voters_received,
			  (select count(*) from duty_activity_deputy p where p.activity_id = a.id and p.attendance = 'SIGNED_IN') deputies,
			  (select count(*) from duty_activity_station s where s.activity_id = a.id) stations,
			  (select count(*) from duty_activity_member m where m.activity_id = a.id) members
			from duty_activity a""";

	private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Item(rs.getObject("id", UUID.class), ActivityType.valueOf(rs.getString("type")), rs.getString("title"),
				rs.getString("theme"), rs.getObject("start_at", OffsetDateTime.class), rs.getString("region_code"),
				rs.getObject("station_id", UUID.class), rs.getInt("deputies"), rs.getInt("voters_received"),
				rs.getInt("stations"), rs.getInt("members"));
	}

	/**
	 * One activity as the public sees it; {@code stations} is how many stations held it together (its first is
	 * {@code stationId}), {@code members} how many station members who are not deputies took part.
	 */
	public record Item(UUID id, ActivityType type, String title, String theme, OffsetDateTime startAt, String regionCode,
			UUID stationId, int deputies, int votersReceived, int stations, int members) {
	}
}
