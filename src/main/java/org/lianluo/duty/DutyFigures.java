package org.lianluo.duty;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.platform.FigureRow;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionPeriod;
import org.lianluo.station.StationFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The duty records' figures for the reports, by the definitions of API.md, and the records behind them: counted
 * from the monthly sums of migration V21_1 when the period is whole months, else from the activities themselves;
 * and 进站履职参与率 ({@link DutyStatistics#stationParticipationRate}) per region. Only this module names its tables
 * and kinds. Unscoped beyond row-level security.
 */
@Service
public class DutyFigures {

	/** The figures of API.md counted from activities, attendance and contacts. */
	public enum Figure {

		ACTIVITIES(null, "sum(r.activities)"),
		THEMATIC_ACTIVITIES("a.type in (:thematic) and coalesce(a.theme, '') <> ''", "sum(r.activities) filter (where r.thematic)"),
		VOTERS_RECEIVED("a.voters_received > 0", "sum(r.voters)"),
		PUBLIC_MEETINGS("a.type = :publicMeeting", "sum(r.activities) filter (where r.type = :publicMeeting)"),
		JOINT_SUPERVISIONS("a.type = :jointSupervision", "sum(r.activities) filter (where r.type = :jointSupervision)"),
		/** Deputy-attendances (signed in) at COMMITTEE_ATTENDANCE activities. */
		COMMITTEE_ATTENDANCE("a.type = :committeeAttendance and p.attendance = :signedIn",
				"sum(r.signed_in) filter (where r.type = :committeeAttendance)"),
		COMMITTEE_CONTACTS(null, null),
		/** The disputes resolved recorded on activities (a sum): always from the activities that record any. */
		DISPUTES_RESOLVED("a.disputes_resolved > 0", null);

		private final String condition;

		private final String summed;

		Figure(String condition, String summed) {
			this.condition = condition;
			this.summed = summed;
		}

		/** The message key prefix naming a listed record's kind (an activity's type, a contact's method). */
		public String kindKey() {
			return this == COMMITTEE_CONTACTS ? "report.contact-method." : "duty.type.";
		}

		private String from() {
			return switch (this) {
				case COMMITTEE_CONTACTS -> " from duty_contact k where k.region_code like :pattern and k.at >= :from and k.at < :to";
				case COMMITTEE_ATTENDANCE -> " from duty_activity a join duty_activity_deputy p on p.activity_id = a.id"
						+ " where " + ACTIVITY_PERIOD;
				default -> " from duty_activity a where " + ACTIVITY_PERIOD;
			};
		}
	}

	private static final String ACTIVITY_PERIOD = "a.region_code like :pattern and a.start_at >= :from and a.start_at < :to";

	private final JdbcClient jdbc;

	private final StationFigures stations;

	DutyFigures(JdbcClient jdbc, StationFigures stations) {
		this.jdbc = jdbc;
		this.stations = stations;
	}

	/** Every figure per region directly below the period's (the region itself: its own records). */
	public Map<Figure, Map<String, Long>> byPart(RegionPeriod p) {
		Map<Figure, Map<String, Long>> counts = new EnumMap<>(Figure.class);
		for (Figure f : Figure.values()) {
			counts.put(f, new HashMap<>());
		}
		List<Figure> activities = List.of(Figure.ACTIVITIES, Figure.THEMATIC_ACTIVITIES, Figure.VOTERS_RECEIVED,
				Figure.PUBLIC_MEETINGS, Figure.JOINT_SUPERVISIONS, Figure.COMMITTEE_ATTENDANCE);
		if (p.wholeMonths()) {
			count(counts, activities, "select " + p.part("r.region_code") + ", "
					+ String.join(", ", activities.stream().map(f -> "coalesce(" + f.summed + ", 0)").toList())
					+ " from duty_rollup r where r.region_code like :pattern and r.month >= :fromDate and r.month < :toDate"
					+ " group by 1", p);
		}
		else {
			List<Figure> direct = activities.subList(0, 5);
			count(counts, direct, "select " + p.part("a.region_code") + ", count(*), "
					+ "count(*) filter (where " + Figure.THEMATIC_ACTIVITIES.condition + "), "
					+ "coalesce(sum(a.voters_received), 0), count(*) filter (where " + Figure.PUBLIC_MEETINGS.condition
					+ "), count(*) filter (where " + Figure.JOINT_SUPERVISIONS.condition + ")"
					+ Figure.ACTIVITIES.from() + " group by 1", p);
			count(counts, List.of(Figure.COMMITTEE_ATTENDANCE), "select " + p.part("a.region_code") + ", count(*)"
					+ Figure.COMMITTEE_ATTENDANCE.from() + " and " + Figure.COMMITTEE_ATTENDANCE.condition + " group by 1", p);
		}
		count(counts, List.of(Figure.DISPUTES_RESOLVED), "select " + p.part("a.region_code") + ", sum(a.disputes_resolved)"
				+ Figure.DISPUTES_RESOLVED.from() + " and " + Figure.DISPUTES_RESOLVED.condition + " group by 1", p);
		count(counts, List.of(Figure.COMMITTEE_CONTACTS),
				"select " + p.part("k.region_code") + ", count(*)" + Figure.COMMITTEE_CONTACTS.from() + " group by 1", p);
		return counts;
	}

	/** The activities held in each month the period touches, by "yyyy-MM" (only months with any). */
	public Map<String, Long> activitiesByMonth(RegionPeriod p) {
		Map<String, Long> months = new HashMap<>();
		String sql = p.wholeMonths()
				? "select to_char(r.month, 'YYYY-MM'), coalesce(sum(r.activities), 0) from duty_rollup r"
						+ " where r.region_code like :pattern and r.month >= :fromDate and r.month < :toDate group by 1"
				: "select to_char(a.start_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*)" + Figure.ACTIVITIES.from()
						+ " group by 1";
		jdbc.sql(sql).params(p.params()).query((rs, n) -> months.put(rs.getString(1), rs.getLong(2))).list();
		return months;
	}

	/** The records behind a figure, a page at a time, newest first. */
	public Page<FigureRow> records(Figure f, RegionPeriod p, int page, int size) {
		String where = f.from() + (f.condition == null ? "" : " and " + f.condition);
		String columns = f == Figure.COMMITTEE_CONTACTS
				? "k.id, k.method, cast(k.at at time zone 'Asia/Shanghai' as date), k.region_code, k.method"
				: "a.id, a.title, cast(a.start_at at time zone 'Asia/Shanghai' as date), a.region_code, a.type";
		String link = f == Figure.COMMITTEE_CONTACTS ? null : "/duty/activities/";
		List<FigureRow> rows = jdbc.sql("select " + columns + where + " order by 3 desc nulls last, 2 limit :limit offset :offset")
			.params(params(p))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new FigureRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), link == null ? null : link + rs.getObject(1)))
			.list();
		long total = jdbc.sql("select count(*)" + where).params(params(p)).query(Long.class).single();
		return new Page<>(rows, page, size, total);
	}

	/**
	 * 进站履职参与率 of the period and of the same days a year before, per region directly below the period's and in
	 * total: deputies on the rosters of the region's active stations who signed in at a RECEPTION at a station whose
	 * roster they are on, over the deputies on those rosters (rosters as they stand now). From the receptions per
	 * station, deputy and month (migration V21_1) when the period is whole months, else from the activities.
	 */
	public Participation participation(RegionPeriod p) {
		List<StationFigures.Rostered> rosters = stations.rosters(p);
		RegionPeriod before = p.yearBefore();
		Map<String, Object> params = params(p);
		params.put("beforeFrom", before.start());
		params.put("beforeTo", before.end());
		params.put("beforeFromDate", before.from());
		params.put("beforeToDate", before.to());
		params.put("rosterStations", rosters.stream().map(StationFigures.Rostered::stationId).toArray(UUID[]::new));
		params.put("rosterRegions", rosters.stream().map(StationFigures.Rostered::regionCode).toArray(String[]::new));
		params.put("rosterDeputies", rosters.stream().map(StationFigures.Rostered::deputyId).toArray(UUID[]::new));
		String took = p.wholeMonths() ? """
				select x.station_id, x.deputy_id, bool_or(x.month >= :fromDate and x.month < :toDate) as this_year,
				  bool_or(x.month >= :beforeFromDate and x.month < :beforeToDate) as year_before
				from station_reception x
				where (x.month >= :fromDate and x.month < :toDate or x.month >= :beforeFromDate and x.month < :beforeToDate)
				  and x.signed_in > 0
				group by 1, 2""" : """
				select a.station_id, d.deputy_id, bool_or(a.start_at >= :from and a.start_at < :to) as this_year,
				  bool_or(a.start_at >= :beforeFrom and a.start_at < :beforeTo) as year_before
				from duty_activity a join duty_activity_deputy d on d.activity_id = a.id
				where a.type = :reception and d.attendance = :signedIn and a.station_id is not null
				  and (a.start_at >= :from and a.start_at < :to or a.start_at >= :beforeFrom and a.start_at < :beforeTo)
				group by 1, 2""";
		Map<String, Rate> byPart = new HashMap<>();
		Rate[] total = new Rate[2];
		jdbc.sql("""
				with took as (TOOK),
				rostered as (
				  select PART as part, r.deputy_id, coalesce(bool_or(t.this_year), false) as this_year,
				    coalesce(bool_or(t.year_before), false) as year_before
				  from unnest(cast(:rosterStations as uuid[]), cast(:rosterRegions as varchar[]),
				    cast(:rosterDeputies as uuid[])) r(station_id, region_code, deputy_id)
				  left join took t on t.station_id = r.station_id and t.deputy_id = r.deputy_id
				  group by 1, 2)
				select part, count(*), count(*) filter (where this_year), count(*) filter (where year_before)
				from rostered group by part
				union all
				select null, count(*), count(*) filter (where this_year), count(*) filter (where year_before)
				from (select deputy_id, bool_or(this_year) as this_year, bool_or(year_before) as year_before
				      from rostered group by deputy_id) d""".replace("TOOK", took).replace("PART", p.part("r.region_code")))
			.params(params)
			.query((rs, n) -> {
				String part = rs.getString(1);
				if (part == null) {
					total[0] = new Rate(rs.getLong(2), rs.getLong(3));
					total[1] = new Rate(rs.getLong(2), rs.getLong(4));
				}
				else {
					byPart.put(part, new Rate(rs.getLong(2), rs.getLong(3)));
				}
				return part;
			})
			.list();
		return new Participation(byPart, total[0], total[1]);
	}

	private void count(Map<Figure, Map<String, Long>> counts, List<Figure> figures, String sql, RegionPeriod p) {
		jdbc.sql(sql).params(params(p)).query((rs, n) -> {
			for (int i = 0; i < figures.size(); i++) {
				counts.get(figures.get(i)).put(rs.getString(1), rs.getLong(i + 2));
			}
			return null;
		}).list();
	}

	private static Map<String, Object> params(RegionPeriod p) {
		Map<String, Object> params = new HashMap<>(p.params());
		params.put("thematic", ActivityType.THEMATIC.stream().map(Enum::name).toList());
		params.put("publicMeeting", ActivityType.PUBLIC_MEETING.name());
		params.put("jointSupervision", ActivityType.JOINT_SUPERVISION.name());
		params.put("committeeAttendance", ActivityType.COMMITTEE_ATTENDANCE.name());
		params.put("reception", ActivityType.RECEPTION.name());
		params.put("signedIn", Attendance.SIGNED_IN.name());
		return params;
	}

	/** The period's participation per region below its own and in total, and the total a year before. */
	public record Participation(Map<String, Rate> byPart, Rate total, Rate totalYearBefore) {
	}

	/** Deputies on the rosters and those of them who received voters at their station. */
	public record Rate(long rostered, long received) {

		public double rate() {
			return rostered == 0 ? 0.0 : (double) received / rostered;
		}
	}
}
