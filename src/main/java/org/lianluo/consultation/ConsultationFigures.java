package org.lianluo.consultation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.platform.FigureRow;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The consultations' figures for the reports: the comments on drafts made in a period, a comment gathered at a
 * station counting for the station's region, any other for the consultation's; a comment hidden by moderation
 * (abuse, advertising) is not a comment on the draft. Only this module names its tables. Unscoped beyond row-level
 * security.
 */
@Service
public class ConsultationFigures {

	/** The figures of API.md counted from comments. */
	public enum Figure {

		DRAFT_COMMENTS;

		/** A comment's region: its station's (null for a station outside the period's region), or its draft's. */
		private static final String REGION = "(case when c.station_id is null then k.region_code else s.region_code end)";

		/** The message key prefix naming a listed comment's kind (its channel). */
		public String kindKey() {
			return "consultation.channel.";
		}
	}

	/** Comments with their region; {@code :stationIds}/{@code :stationRegions} name where each station is. */
	private static final String COMMENTS = " from consultation_comment c join consultation k on k.id = c.consultation_id"
			+ " left join unnest(cast(:stationIds as uuid[]), cast(:stationRegions as varchar[])) s(id, region_code)"
			+ " on s.id = c.station_id where " + Figure.REGION + " like :pattern"
			+ " and c.created_at >= :from and c.created_at < :to and not c.hidden";

	private final JdbcClient jdbc;

	ConsultationFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every figure per region directly below the period's; {@code stations}: station id to its region. */
	public Map<Figure, Map<String, Long>> byPart(RegionPeriod p, Map<UUID, String> stations) {
		Map<String, Long> comments = new HashMap<>();
		jdbc.sql("select " + p.part(Figure.REGION) + ", count(*)" + COMMENTS + " group by 1")
			.params(params(p, stations))
			.query((rs, n) -> comments.put(rs.getString(1), rs.getLong(2)))
			.list();
		Map<Figure, Map<String, Long>> counts = new EnumMap<>(Figure.class);
		counts.put(Figure.DRAFT_COMMENTS, comments);
		return counts;
	}

	/** The comments behind a figure, a page at a time, newest first, each as its consultation. */
	public Page<FigureRow> records(Figure f, RegionPeriod p, Map<UUID, String> stations, int page, int size) {
		Map<String, Object> params = params(p, stations);
		List<FigureRow> rows = jdbc.sql("select k.id, k.title, cast(c.created_at at time zone 'Asia/Shanghai' as date),"
				+ " " + Figure.REGION + ", c.channel" + COMMENTS
				+ " order by 3 desc nulls last, 2 limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new FigureRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), "/manage/consultations/" + rs.getObject(1)))
			.list();
		long total = jdbc.sql("select count(*)" + COMMENTS).params(params).query(Long.class).single();
		return new Page<>(rows, page, size, total);
	}

	private static Map<String, Object> params(RegionPeriod p, Map<UUID, String> stations) {
		Map<String, Object> params = new HashMap<>(p.params());
		params.put("stationIds", stations.keySet().toArray(UUID[]::new));
		params.put("stationRegions", stations.values().toArray(String[]::new));
		return params;
	}
}
