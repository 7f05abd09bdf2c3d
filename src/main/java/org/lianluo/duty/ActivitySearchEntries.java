package org.lianluo.duty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Activities as the search box finds them (issue 22): the title, the theme and the outcome, in the activity's region,
 * with its deputies as the parties who see it when their scope is their own (a deputy finds the activities they took
 * part in). No citizen's name or phone is in an activity.
 */
@Component
public class ActivitySearchEntries {

	private static final String SELECT = """
			select a.id, a.region_code, a.station_id, a.start_at, a.type, a.title, a.theme, a.outcome,
			coalesce((select array_agg(p.deputy_id) from duty_activity_deputy p where p.activity_id = a.id), '{}') as parties
			from duty_activity a""";

	private final JdbcClient jdbc;

	ActivitySearchEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One activity as indexed: its type, what the title and the text hold, and who took part. */
	public record Entry(UUID id, String regionCode, UUID stationId, Instant at, ActivityType type, String title,
			String text, List<UUID> parties) {
	}

	public Optional<Entry> entry(UUID id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query((rs, n) -> entry(rs)).optional();
	}

	/** The next {@code limit} activities after {@code after} in id order, for a rebuild of the index. */
	public List<Entry> page(UUID after, int limit) {
		return jdbc.sql(SELECT + " where a.id > ? order by a.id limit ?")
			.params(after == null ? new UUID(0, 0) : after, limit)
			.query((rs, n) -> entry(rs))
			.list();
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		String text = Stream.of(rs.getString("title"), rs.getString("theme"), rs.getString("outcome"))
			.filter(t -> t != null && !t.isBlank()).collect(Collectors.joining("\n"));
		return new Entry(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getObject("station_id", UUID.class),
				rs.getObject("start_at", OffsetDateTime.class).toInstant(), ActivityType.valueOf(rs.getString("type")),
				rs.getString("title"), text,
				List.of((UUID[]) rs.getArray("parties").getArray()));
	}
}
