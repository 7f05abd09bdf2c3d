package org.lianluo.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lianluo.region.RegionCode;
import org.lianluo.station.Stations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of the annual report that come from duty records, for a region and everything below it, by
 * the definitions of API.md. Unscoped: callers check the caller's scope first.
 */
@Service
public class DutyStatistics {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Stations stations;

	DutyStatistics(JdbcClient jdbc, Stations stations) {
		this.jdbc = jdbc;
		this.stations = stations;
	}

	/** The figures for a calendar year in Asia/Shanghai. */
	public Figures figures(String regionCode, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = from.plusYears(1);
		String pattern = new RegionCode(regionCode).subtreePrefix() + "%";
		OffsetDateTime start = from.atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime end = to.atStartOfDay(ZONE).toOffsetDateTime();
		String thematic = String.join("','", ActivityType.THEMATIC.stream().map(Enum::name).toList());
		return jdbc.sql("""
				select count(*),
				  count(*) filter (where type in ('%s') and coalesce(theme, '') <> ''),
				  coalesce(sum(voters_received), 0),
				  count(*) filter (where type = 'PUBLIC_MEETING'),
				  count(*) filter (where type = 'JOINT_SUPERVISION'),
				  coalesce(sum(disputes_resolved), 0), coalesce(sum(people_relocated), 0), coalesce(sum(hazards_inspected), 0),
				  count(*) filter (where mixed_level),
				  (select count(*) from duty_activity_deputy p join duty_activity c on c.id = p.activity_id
				    where c.type = 'COMMITTEE_ATTENDANCE' and p.attendance = 'SIGNED_IN'
				    and c.region_code like ? and c.start_at >= ? and c.start_at < ?),
				  (select count(*) from duty_contact k where k.region_code like ? and k.at >= ? and k.at < ?)
				from duty_activity a where a.region_code like ? and a.start_at >= ? and a.start_at < ?""".formatted(thematic))
			.params(pattern, start, end, pattern, start, end, pattern, start, end)
			.query((rs, n) -> new Figures(regionCode, year, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(11), rs.getLong(10), stationParticipationRate(regionCode, from, to), rs.getLong(5), rs.getLong(6),
					rs.getLong(7), rs.getLong(8), rs.getLong(9)))
			.single();
	}

	/**
	 * 进站履职参与率: deputies on the rosters of the region's active stations who held at least one reception
	 * (signed in at a RECEPTION activity) at a station whose roster they are on, from {@code from} up to but
	 * not including {@code to}, divided by the deputies on those rosters; 0 when no station has a roster.
	 */
	public double stationParticipationRate(String regionCode, LocalDate from, LocalDate to) {
		List<Participation> perStation = participation(regionCode, from, to);
		Set<UUID> rostered = new HashSet<>();
		Set<UUID> came = new HashSet<>();
		perStation.forEach(p -> {
			rostered.addAll(p.roster());
			came.addAll(p.received());
		});
		return rostered.isEmpty() ? 0.0 : (double) came.size() / rostered.size();
	}

	/** Per station of the region: its roster and who of it held a reception there in the period. */
	public List<Participation> participation(String regionCode, LocalDate from, LocalDate to) {
		Map<UUID, List<UUID>> rosters = stations.rosters(regionCode);
		OffsetDateTime start = from.atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime end = to.atStartOfDay(ZONE).toOffsetDateTime();
		return rosters.entrySet().stream().map(e -> {
			Set<UUID> received = new HashSet<>(jdbc.sql("""
					select distinct p.deputy_id from duty_activity a join duty_activity_deputy p on p.activity_id = a.id
					where a.type = 'RECEPTION' and p.attendance = 'SIGNED_IN' and a.station_id = ? and a.start_at >= ?
					and a.start_at < ?""").params(e.getKey(), start, end).query(UUID.class).list());
			received.retainAll(e.getValue());
			return new Participation(e.getKey(), List.copyOf(e.getValue()), Set.copyOf(received));
		}).toList();
	}

	/** The report's keys (API.md) and a few more: counters kept on activities, mixed-level activities. */
	public record Figures(String region, int year, long activities, long thematicActivities, long votersReceived,
			long publicMeetings, long committeeContacts, long committeeAttendance, double stationParticipationRate,
			long jointSupervisions, long disputesResolvedAtActivities, long peopleRelocated, long hazardsInspected,
			long mixedLevelActivities) {
	}

	/** One station's roster and the deputies of it who held a reception there. */
	public record Participation(UUID stationId, List<UUID> roster, Set<UUID> received) {
	}
}
