package org.lianluo.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.lianluo.station.Station;
import org.lianluo.station.StationRota;
import org.lianluo.station.Stations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The rota of a station set against the receptions held there (进站接待: RECEPTION activities at the station): a
 * rota day is HELD when a reception was registered at the station on that day (Asia/Shanghai), MISSED when it is
 * past without one, PLANNED while it is today or later without one; a reception on a day not on the rota is
 * UNPLANNED. For a station the caller may see (else not found).
 */
@Service
public class Receptions {

	private final JdbcClient jdbc;

	private final StationRota rota;

	private final Stations stations;

	Receptions(JdbcClient jdbc, StationRota rota, Stations stations) {
		this.jdbc = jdbc;
		this.rota = rota;
		this.stations = stations;
	}

	public RotaReport rota(UUID stationId, LocalDate from, LocalDate to) {
		Station station = stations.get(stationId);
		List<StationRota.Duty> planned = rota.between(stationId, from, to);
		LocalDate today = LocalDate.now(DutyStatistics.ZONE);
		Map<LocalDate, List<Held>> held = new TreeMap<>();
		OffsetDateTime start = from.atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime();
		OffsetDateTime end = to.plusDays(1).atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime();
		jdbc.sql("""
				select a.id, a.title, a.start_at, a.voters_received from duty_activity a
				where a.type = 'RECEPTION' and a.station_id = ? and a.start_at >= ? and a.start_at < ? order by a.start_at, a.id""")
			.params(stationId, start, end)
			.query(rs -> {
				LocalDate day = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(DutyStatistics.ZONE).toLocalDate();
				held.computeIfAbsent(day, k -> new ArrayList<>())
					.add(new Held(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(4)));
			});
		Map<LocalDate, List<String>> onDuty = new LinkedHashMap<>();
		planned.forEach(d -> onDuty.computeIfAbsent(d.day(), k -> new ArrayList<>()).add(d.deputyName() == null ? "" : d.deputyName()));
		TreeSet<LocalDate> days = new TreeSet<>(onDuty.keySet());
		days.addAll(held.keySet());
		List<RotaDay> result = new ArrayList<>();
		for (LocalDate day : days) {
			List<Held> receptions = held.getOrDefault(day, List.of());
			boolean onRota = onDuty.containsKey(day);
			State state = !onRota ? State.UNPLANNED
					: !receptions.isEmpty() ? State.HELD : day.isBefore(today) ? State.MISSED : State.PLANNED;
			result.add(new RotaDay(day, onDuty.getOrDefault(day, List.of()), state, receptions));
		}
		return new RotaReport(stationId, station.name(), from, to, onDuty.size(), count(result, State.HELD),
				count(result, State.MISSED), count(result, State.PLANNED), count(result, State.UNPLANNED), result);
	}

	private static int count(List<RotaDay> days, State state) {
		return (int) days.stream().filter(d -> d.state() == state).count();
	}

	public enum State {
		HELD, MISSED, PLANNED, UNPLANNED
	}

	/** A reception registered at the station. */
	public record Held(UUID activityId, String title, int votersReceived) {
	}

	/** A day on the rota or with a reception: who was on duty, what was held. */
	public record RotaDay(LocalDate day, List<String> onDuty, State state, List<Held> receptions) {
	}

	/** Planned rota days against receptions held, for one station and period. */
	public record RotaReport(UUID stationId, String stationName, LocalDate from, LocalDate to, int planned, int held,
			int missed, int upcoming, int unplanned, List<RotaDay> days) {
	}
}
