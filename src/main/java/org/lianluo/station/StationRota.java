package org.lianluo.station;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lianluo.deputy.DeputySummary;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The duty rota (接待安排) of a station: deputies of its roster on the days they receive voters. */
@Service
public class StationRota {

	static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	private final Stations stations;

	StationRota(JdbcClient jdbc, Stations stations) {
		this.jdbc = jdbc;
		this.stations = stations;
	}

	/** A day of a rota lies between 1900 and 2200; anything else is a mistyped date (400), not a day to count from. */
	public static LocalDate plausible(String field, LocalDate day) {
		if (day != null && (day.getYear() < 1900 || day.getYear() > 2200)) {
			throw LianluoException.invalidField(field, "station.rota.day.range");
		}
		return day;
	}

	/** The rota between two days, inclusive, for a station the caller may see. */
	public List<Duty> between(UUID stationId, LocalDate from, LocalDate to) {
		Station station = stations.get(stationId);
		plausible("from", from);
		plausible("to", to);
		if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw LianluoException.invalidField("to", "station.rota.range", MAX_DAYS);
		}
		Map<UUID, DeputySummary> roster = station.deputies().stream()
			.collect(Collectors.toMap(DeputySummary::id, Function.identity()));
		return jdbc.sql("select day, deputy_id from station_rota where station_id = ? and day between ? and ? order by day")
			.params(stationId, from, to)
			.query((rs, n) -> {
				UUID deputy = rs.getObject(2, UUID.class);
				DeputySummary d = roster.get(deputy);
				return new Duty(rs.getObject(1, LocalDate.class), deputy, d == null ? null : d.name());
			})
			.list();
	}

	/** The next days on the rota of an active station from a day on, for citizens: days and deputies' names only. */
	public List<Duty> upcoming(UUID stationId, LocalDate from, int limit) {
		Station station = stations.findPublished(stationId).orElseThrow(LianluoException::notFound);
		Map<UUID, DeputySummary> roster = station.deputies().stream()
			.collect(Collectors.toMap(DeputySummary::id, Function.identity()));
		return jdbc.sql("select day, deputy_id from station_rota where station_id = ? and day >= ? order by day, deputy_id limit ?")
			.params(stationId, from, Math.max(0, Math.min(limit, 50)))
			.query((rs, n) -> {
				UUID deputy = rs.getObject(2, UUID.class);
				DeputySummary d = roster.get(deputy);
				return new Duty(rs.getObject(1, LocalDate.class), deputy, d == null ? null : d.name());
			})
			.list();
	}

	/** Puts a deputy of the roster on duty on a day; a second time changes nothing. */
	@Transactional
	public void add(UUID stationId, LocalDate day, UUID deputyId) {
		Station station = editable(stationId);
		if (day == null) {
			throw LianluoException.invalidField("day", "station.rota.day.required");
		}
		plausible("day", day);
		if (deputyId == null || station.deputies().stream().noneMatch(d -> d.id().equals(deputyId))) {
			throw LianluoException.invalidField("deputyId", "station.rota.not-on-roster");
		}
		jdbc.sql("insert into station_rota (station_id, day, deputy_id) values (?, ?, ?) on conflict do nothing")
			.params(stationId, day, deputyId)
			.update();
	}

	@Transactional
	public void remove(UUID stationId, LocalDate day, UUID deputyId) {
		editable(stationId);
		jdbc.sql("delete from station_rota where station_id = ? and day = ? and deputy_id = ?")
			.params(stationId, day, deputyId)
			.update();
	}

	private Station editable(UUID stationId) {
		Station station = stations.get(stationId);
		Scope.current().check(station.regionCode());
		return station;
	}

	/** One deputy on duty on one day. */
	public record Duty(LocalDate day, UUID deputyId, String deputyName) {
	}
}
