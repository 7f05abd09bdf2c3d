package org.lianluo.station;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.platform.FigureRow;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The stations' figures for the reports, as the stations stand when the report is made, by their own region
 * (co-building regions aside), and what other modules' figures need of them: the rosters of the active stations,
 * each station's region. Only this module names its tables. Unscoped beyond row-level security.
 */
@Service
public class StationFigures {

	/** The figures of API.md counted from stations. */
	public enum Figure {

		STATIONS("s.status = :active"),
		/** 特色联络站: active stations of a kind other than STANDARD. */
		SPECIAL_STATIONS("s.status = :active and s.kind <> :standard"),
		CROSS_REGION_STATIONS("s.status = :active and s.kind = :crossRegion"),
		INDUSTRY_CHAIN_STATIONS("s.status = :active and s.kind = :industryChain"),
		PARK_STATIONS("s.status = :active and s.kind = :park"),
		/** 提档升级: active stations upgraded on or before the period's last day. */
		STATIONS_UPGRADED("s.status = :active and s.upgraded_on < :toDate");

		private final String condition;

		Figure(String condition) {
			this.condition = condition;
		}

		/** The message key prefix naming a listed station's kind. */
		public String kindKey() {
			return "station-kind.";
		}
	}

	private final JdbcClient jdbc;

	StationFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every figure per region directly below the period's (the region itself: its own stations). */
	public Map<Figure, Map<String, Long>> byPart(RegionPeriod p) {
		Map<Figure, Map<String, Long>> counts = new EnumMap<>(Figure.class);
		for (Figure f : Figure.values()) {
			counts.put(f, new HashMap<>());
		}
		StringBuilder sql = new StringBuilder("select " + p.part("s.region_code"));
		for (Figure f : Figure.values()) {
			sql.append(", count(*) filter (where ").append(f.condition).append(")");
		}
		jdbc.sql(sql + " from station s where s.region_code like :pattern group by 1")
			.params(params(p))
			.query(rs -> {
				for (Figure f : Figure.values()) {
					counts.get(f).put(rs.getString(1), rs.getLong(f.ordinal() + 2));
				}
			});
		return counts;
	}

	/** The stations behind a figure, a page at a time. */
	public Page<FigureRow> records(Figure f, RegionPeriod p, int page, int size) {
		String where = " from station s where s.region_code like :pattern and " + f.condition;
		List<FigureRow> rows = jdbc.sql("select s.id, s.name, s.region_code, s.kind" + where
				+ " order by s.name, s.id limit :limit offset :offset")
			.params(params(p))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new FigureRow(rs.getObject(1, UUID.class), rs.getString(2), null, rs.getString(3),
					rs.getString(4), "/stations/" + rs.getObject(1)))
			.list();
		long total = jdbc.sql("select count(*)" + where).params(params(p)).query(Long.class).single();
		return new Page<>(rows, page, size, total);
	}

	/** Every station in the period's region and below, whatever its state: id to its own region. */
	public Map<UUID, String> regions(RegionPeriod p) {
		Map<UUID, String> regions = new LinkedHashMap<>();
		jdbc.sql("select s.id, s.region_code from station s where s.region_code like :pattern order by 1")
			.params(p.params())
			.query(rs -> {
				regions.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		return regions;
	}

	/** The rosters of the active stations in the period's region and below: one line per station and deputy. */
	public List<Rostered> rosters(RegionPeriod p) {
		List<Rostered> rosters = new ArrayList<>();
		jdbc.sql("select r.station_id, s.region_code, r.deputy_id from station_deputy r join station s"
				+ " on s.id = r.station_id where s.status = :active and s.region_code like :pattern")
			.params(params(p))
			.query(rs -> {
				rosters.add(new Rostered(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)));
			});
		return rosters;
	}

	private static Map<String, Object> params(RegionPeriod p) {
		Map<String, Object> params = new HashMap<>(p.params());
		params.put("active", Station.Status.ACTIVE.name());
		params.put("standard", Station.Kind.STANDARD.name());
		params.put("crossRegion", Station.Kind.CROSS_REGION.name());
		params.put("industryChain", Station.Kind.INDUSTRY_CHAIN.name());
		params.put("park", Station.Kind.PARK.name());
		return params;
	}

	/** A deputy on the roster of an active station, with the station's region. */
	public record Rostered(UUID stationId, String regionCode, UUID deputyId) {
	}
}
