package org.lianluo.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.OpinionKpis;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report (代表工作综述) of a region and everything below it, for a calendar year in Asia/Shanghai,
 * computed from the records when it is asked for. Only ASSESSOR, LEADER and ADMIN ask; a region outside the
 * caller's scope is "not found", also when it contains the caller's region (a county office asking for the city).
 */
@Service
public class AnnualReports {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static final int FIRST_YEAR = 2000;

	private static final List<Role> READERS = List.of(Role.ASSESSOR, Role.LEADER, Role.ADMIN);

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Units units;

	private final Clock clock;

	AnnualReports(JdbcClient jdbc, Regions regions, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.units = units;
		this.clock = clock;
	}

	/** Checks the caller, the region (blank: the caller's own) and the year; answers the region's code. */
	public Request request(String region, String year) {
		Actor user = Actor.current();
		if (!user.hasAny(READERS)) {
			throw LianluoException.forbidden();
		}
		String code = region == null || region.isBlank() ? user.regionCode() : region.strip();
		if (!RegionCode.isValid(code) || !regions.exists(code)) {
			throw LianluoException.invalidField("region", "problem.field.region");
		}
		int thisYear = Year.now(clock.withZone(ZONE)).getValue();
		int y;
		try {
			y = year == null || year.isBlank() ? thisYear : Integer.parseInt(year.strip());
		}
		catch (NumberFormatException ex) {
			throw LianluoException.invalidField("year", "report.year.invalid", FIRST_YEAR, thisYear);
		}
		if (y < FIRST_YEAR || y > thisYear) {
			throw LianluoException.invalidField("year", "report.year.invalid", FIRST_YEAR, thisYear);
		}
		user.scope().check(code);
		return new Request(code, y);
	}

	@Transactional(readOnly = true)
	public AnnualReport report(Request request) {
		Period now = new Period(request.region(), request.year());
		Period before = new Period(request.region(), request.year() - 1);
		Map<String, Map<String, Number>> parts = new TreeMap<>();
		Map<Figure, Long> totals = new EnumMap<>(Figure.class);
		OpinionPass opinions = opinions(now, true);
		Map<Figure, Map<String, Long>> counts = counts(now);
		counts.putAll(opinions.counts());
		counts.forEach((f, byPart) -> {
			byPart.forEach((part, n) -> parts.computeIfAbsent(part, k -> new LinkedHashMap<>()).put(f.key(), n));
			totals.put(f, byPart.values().stream().mapToLong(Long::longValue).sum());
		});
		Participations participation = participation(now);
		participation.byPart().forEach((part, p) -> parts.computeIfAbsent(part, k -> new LinkedHashMap<>())
			.put("stationParticipationRate", p.rate()));
		double rate = participation.total().rate();
		OpinionKpis.Report kpis = opinions.kpis();
		AnnualReport current = build(now, totals, rate, opinionLoop(opinions), proposalLoop(now),
				byRegion(now, parts), byCategory(kpis), byUnit(kpis), Map.of(), Map.of());
		AnnualReport previous = lastYear(before, participation.totalYearBefore().rate());
		Map<String, Number> was = Figures.of(previous);
		Map<String, Double> change = new LinkedHashMap<>();
		Figures.of(current).forEach((key, value) -> change.put(key, change(value, was.get(key))));
		return build(now, totals, rate, current.opinionLoop(), current.proposalLoop(), current.byRegion(),
				current.byCategory(), current.byUnit(), was, change);
	}

	/** The records behind a figure, a page at a time, newest first. */
	@Transactional(readOnly = true)
	public Page<Row> records(Request request, Figure figure, int page, int size) {
		Page.check(page, size);
		Period p = new Period(request.region(), request.year());
		Source s = figure.source;
		List<Row> rows = jdbc.sql("select " + s.columns + figure.where() + " order by 3 desc nulls last, 2 limit :limit offset :offset")
			.params(p.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), s.link == null ? null : s.link + rs.getObject(1, UUID.class)))
			.list();
		long total = jdbc.sql("select count(*)" + figure.where()).params(p.params()).query(Long.class).single();
		return new Page<>(rows, page, size, total);
	}

	public String regionName(String code) {
		return regions.fullName(code);
	}

	/** The totals of the year before, for the changes: no breakdowns. */
	private AnnualReport lastYear(Period before, double participationRate) {
		Map<Figure, Long> totals = new EnumMap<>(Figure.class);
		OpinionPass opinions = opinions(before, false);
		Map<Figure, Map<String, Long>> counts = counts(before);
		counts.putAll(opinions.counts());
		counts.forEach((f, byPart) -> totals.put(f, byPart.values().stream().mapToLong(Long::longValue).sum()));
		return build(before, totals, participationRate, opinionLoop(opinions),
				proposalLoop(before), List.of(), List.of(), List.of(), Map.of(), Map.of());
	}

	private AnnualReport build(Period p, Map<Figure, Long> t, double rate, AnnualReport.OpinionLoop opinions,
			AnnualReport.ProposalLoop proposals, List<AnnualReport.Part> byRegion, List<AnnualReport.Group> byCategory,
			List<AnnualReport.Group> byUnit, Map<String, Number> previous, Map<String, Double> change) {
		return new AnnualReport(p.region, p.year, t.get(Figure.ACTIVITIES), t.get(Figure.THEMATIC_ACTIVITIES),
				t.get(Figure.VOTERS_RECEIVED), t.get(Figure.PUBLIC_MEETINGS), t.get(Figure.OPINIONS_COLLECTED),
				t.get(Figure.OPINIONS_IMPLEMENTED), t.get(Figure.COMMITTEE_CONTACTS), t.get(Figure.COMMITTEE_ATTENDANCE),
				rate, t.get(Figure.DRAFT_COMMENTS), t.get(Figure.PROPOSALS_ASSIGNED), t.get(Figure.PROPOSALS_ANSWERED),
				t.get(Figure.UPWARD_PROPOSALS), t.get(Figure.JOINT_SUPERVISIONS), t.get(Figure.DISPUTES_RESOLVED),
				t.get(Figure.STATIONS), t.get(Figure.SPECIAL_STATIONS), regions.fullName(p.region), opinions, proposals,
				byRegion, byCategory, byUnit, previous, change);
	}

	/**
	 * Every figure per region directly below the report's region (its own records under its own code): one query per
	 * kind of record, each figure a filtered aggregate of it, so that each table is read once. The opinions' figures
	 * come from {@link #opinions(Period)}.
	 */
	private Map<Figure, Map<String, Long>> counts(Period p) {
		Map<Figure, Map<String, Long>> counts = new EnumMap<>(Figure.class);
		for (Source s : Source.values()) {
			if (s == Source.OPINION) {
				continue;
			}
			List<Figure> figures = java.util.Arrays.stream(Figure.values()).filter(f -> f.source == s).toList();
			if (figures.isEmpty()) {
				continue;
			}
			figures.forEach(f -> counts.put(f, new HashMap<>()));
			String sql = s.summed == null
					? "select " + p.child(s.region) + ", " + String.join(", ", figures.stream().map(Figure::column).toList())
							+ " from " + s.from + " where " + s.region + " like :pattern and " + s.period + " group by 1"
					: "select " + p.child("r.region_code") + ", "
							+ String.join(", ", figures.stream().map(Figure::summedColumn).toList()) + " from " + s.summed
							+ " where r.region_code like :pattern and r.month >= :fromDate and r.month < :toDate group by 1";
			jdbc.sql(sql).params(p.params()).query((rs, n) -> {
				for (int i = 0; i < figures.size(); i++) {
					counts.get(figures.get(i)).put(rs.getString(1), rs.getLong(i + 2));
				}
				return null;
			}).list();
		}
		return counts;
	}

	/**
	 * 进站履职参与率 by the definition of {@link org.lianluo.duty.DutyStatistics#stationParticipationRate}: deputies on
	 * the rosters of the region's active stations who signed in at a RECEPTION at a station whose roster they are on,
	 * in the period, over the deputies on those rosters. One pass over the rosters gives it per region directly below
	 * the report's and in total, for the year and the year before, from the duty module's receptions per station,
	 * deputy and month (migration V21_1): first each rostered deputy's two answers per region, then the counts.
	 */
	private Participations participation(Period p) {
		Map<String, Object> params = new HashMap<>(p.params());
		params.put("beforeDate", LocalDate.of(p.year - 1, 1, 1));
		Map<String, Participation> byPart = new HashMap<>();
		Participation[] total = new Participation[2];
		jdbc.sql("""
				with took as (
				  select x.station_id, x.deputy_id, bool_or(x.month >= :fromDate) as this_year,
				    bool_or(x.month < :fromDate) as year_before
				  from station_reception x
				  where x.month >= :beforeDate and x.month < :toDate and x.signed_in > 0
				  group by 1, 2),
				rostered as (
				  select PART as part, r.deputy_id, coalesce(bool_or(t.this_year), false) as this_year,
				    coalesce(bool_or(t.year_before), false) as year_before
				  from station_deputy r join station s on s.id = r.station_id
				  left join took t on t.station_id = r.station_id and t.deputy_id = r.deputy_id
				  where s.status = 'ACTIVE' and s.region_code like :pattern
				  group by 1, 2)
				select part, count(*), count(*) filter (where this_year), count(*) filter (where year_before)
				from rostered group by part
				union all
				select null, count(*), count(*) filter (where this_year), count(*) filter (where year_before)
				from (select deputy_id, bool_or(this_year) as this_year, bool_or(year_before) as year_before
				      from rostered group by deputy_id) d""".replace("PART", p.child("s.region_code")))
			.params(params)
			.query((rs, n) -> {
				String part = rs.getString(1);
				if (part == null) {
					total[0] = new Participation(rs.getLong(2), rs.getLong(3));
					total[1] = new Participation(rs.getLong(2), rs.getLong(4));
				}
				else {
					byPart.put(part, new Participation(rs.getLong(2), rs.getLong(3)));
				}
				return part;
			})
			.list();
		return new Participations(byPart, total[0], total[1]);
	}

	/** This year's participation per region and in total, and last year's total (on today's rosters). */
	private record Participations(Map<String, Participation> byPart, Participation total, Participation totalYearBefore) {
	}

	/**
	 * The opinions' figures of a period from the opinion module's monthly sums ({@link OpinionKpis#ROLLUP}, exactly
	 * OpinionKpis' conditions): per region below the report's, per category and in total from the sums by category,
	 * with the closed disputes; per lead unit ({@link OpinionKpis#unitSums}), when {@code byUnits}.
	 */
	private OpinionPass opinions(Period p, boolean byUnits) {
		Map<Figure, Map<String, Long>> counts = new EnumMap<>(Figure.class);
		List.of(Figure.OPINIONS_COLLECTED, Figure.OPINIONS_IMPLEMENTED, Figure.DISPUTES_RESOLVED)
			.forEach(f -> counts.put(f, new HashMap<>()));
		List<OpinionKpis.Figures> byCategory = new ArrayList<>();
		OpinionKpis.Figures[] total = new OpinionKpis.Figures[1];
		double[] disputes = new double[2];
		jdbc.sql("select grouping(r.part, r.key) as mask, r.part, r.key, " + OpinionKpis.SUMS + """
				, coalesce(sum(r.closed_resolved) filter (where r.key = 'DISPUTE'), 0) as disputes_resolved,
				coalesce(sum(r.closed) filter (where r.key = 'DISPUTE'), 0) as disputes_closed,
				coalesce(sum(r.closed_days) filter (where r.key = 'DISPUTE')
				  / nullif(sum(r.closed_timed) filter (where r.key = 'DISPUTE'), 0), 0) as dispute_days
				""" + summed("C", p.child("r.region_code")) + " group by grouping sets ((r.part), (r.key), ())")
			.params(p.params())
			.query((rs, n) -> {
				switch (rs.getInt("mask")) {
					case 1 -> {
						counts.get(Figure.OPINIONS_COLLECTED).put(rs.getString("part"), rs.getLong("received"));
						counts.get(Figure.OPINIONS_IMPLEMENTED).put(rs.getString("part"), rs.getLong("implemented"));
						counts.get(Figure.DISPUTES_RESOLVED).put(rs.getString("part"), rs.getLong("disputes_resolved"));
					}
					case 2 -> byCategory.add(OpinionKpis.figures(rs, rs.getString("key")));
					default -> {
						total[0] = OpinionKpis.figures(rs, null);
						disputes[0] = rs.getLong("disputes_closed");
						disputes[1] = Math.round(rs.getDouble("dispute_days") * 10) / 10.0;
					}
				}
				return null;
			})
			.list();
		List<OpinionKpis.Figures> byUnit = new ArrayList<>(!byUnits ? List.of()
				: jdbc.sql("select r.key, " + OpinionKpis.SUMS + OpinionKpis.unitSums(p.prefix) + " group by r.key having sum(r.received) > 0")
					.params(p.params())
					.query((rs, n) -> OpinionKpis.figures(rs, rs.getString("key")))
					.list());
		Comparator<OpinionKpis.Figures> largest = Comparator.comparingLong(OpinionKpis.Figures::received).reversed()
			.thenComparing(OpinionKpis.Figures::key);
		byUnit.sort(largest);
		byCategory.removeIf(f -> f.received() == 0);
		byCategory.sort(largest);
		long followUps = jdbc.sql(OpinionKpis.FOLLOW_UPS).params(p.params()).query(Long.class).single();
		OpinionKpis.Report kpis = new OpinionKpis.Report(p.prefix + "%", p.year, total[0],
				byUnit.subList(0, Math.min(byUnit.size(), 100)), byCategory, followUps);
		return new OpinionPass(counts, kpis, (long) disputes[0], disputes[1]);
	}

	/** The opinions' sums of one dimension in the region and year, each row with the region below the report's. */
	private static String summed(String dimension, String part) {
		return " from (select r.*, " + part + " as part from " + OpinionKpis.ROLLUP + " r where r.dimension = '" + dimension
				+ "' and r.region_code like :pattern and r.month >= :fromDate and r.month < :toDate) r";
	}

	private record OpinionPass(Map<Figure, Map<String, Long>> counts, OpinionKpis.Report kpis, long disputesClosed,
			double disputeAverageDays) {
	}

	private AnnualReport.OpinionLoop opinionLoop(OpinionPass pass) {
		OpinionKpis.Figures f = pass.kpis().total();
		return new AnnualReport.OpinionLoop(f.received(), f.assigned(), f.settled(), f.onTime(), f.rated(), f.satisfied(),
				f.replied(), f.resolved(), f.closureRate(), f.onTimeRate(), f.satisfactionRate(), f.solvedRate(),
				f.averageDaysToClose(), pass.disputesClosed(), pass.disputeAverageDays(), pass.kpis().ratedByCitizens(),
				pass.kpis().ratedByFollowUp());
	}

	private AnnualReport.ProposalLoop proposalLoop(Period p) {
		return jdbc.sql("""
				select count(*) filter (where p.assigned_at is not null), count(*) filter (where p.replied_at is not null),
				  count(*) filter (where p.replied_on_time), count(*) filter (where p.reply_class = 'A'),
				  count(*) filter (where p.reply_class = 'B'), count(*) filter (where p.reply_class = 'C'),
				  count(*) filter (where p.reply_class = 'D'), count(*) filter (where p.grade is not null),
				  count(*) filter (where p.grade in ('SATISFIED', 'BASICALLY_SATISFIED')),
				  coalesce(avg(extract(epoch from (p.replied_at - p.assigned_at)) / 86400.0)
				    filter (where p.replied_at is not null and p.assigned_at is not null), 0)
				""" + " from " + Source.PROPOSAL.from + " where p.region_code like :pattern and " + Source.PROPOSAL.period)
			.params(p.params())
			.query((rs, n) -> {
				long assigned = rs.getLong(1);
				long replied = rs.getLong(2);
				long a = rs.getLong(4);
				long b = rs.getLong(5);
				long c = rs.getLong(6);
				long d = rs.getLong(7);
				return new AnnualReport.ProposalLoop(assigned, replied, rs.getLong(3), a, b, c, d, rs.getLong(8),
						rs.getLong(9), rate(replied, assigned), rate(rs.getLong(3), assigned), rate(a + b, replied),
						rate(rs.getLong(9), rs.getLong(8)), rate(a, replied), rate(b, replied), rate(c, replied),
						rate(d, replied), Math.round(rs.getDouble(10) * 10) / 10.0);
			})
			.single();
	}

	private List<AnnualReport.Part> byRegion(Period p, Map<String, Map<String, Number>> parts) {
		Map<String, String> names = regions.fullNames();
		List<AnnualReport.Part> list = new ArrayList<>();
		parts.forEach((code, figures) -> {
			Map<String, Number> all = new LinkedHashMap<>();
			for (Figure f : Figure.values()) {
				all.put(f.key(), figures.getOrDefault(f.key(), 0L));
			}
			all.put("stationParticipationRate", figures.getOrDefault("stationParticipationRate", 0.0));
			list.add(new AnnualReport.Part(code, names.getOrDefault(code, code), all));
		});
		list.sort(Comparator.comparing((AnnualReport.Part part) -> part.region().equals(p.region) ? 0 : 1)
			.thenComparing(AnnualReport.Part::region));
		return list;
	}

	private List<AnnualReport.Group> byCategory(OpinionKpis.Report kpis) {
		return kpis.byCategory().stream().map(f -> group(f, f.key())).toList();
	}

	private List<AnnualReport.Group> byUnit(OpinionKpis.Report kpis) {
		Map<UUID, String> names = units.findAll(kpis.byUnit().stream().map(f -> UUID.fromString(f.key())).toList())
			.stream()
			.collect(Collectors.toMap(HandlingUnit::id, HandlingUnit::name, (a, b) -> a));
		return kpis.byUnit().stream().map(f -> group(f, names.getOrDefault(UUID.fromString(f.key()), f.key()))).toList();
	}

	private static AnnualReport.Group group(OpinionKpis.Figures f, String name) {
		return new AnnualReport.Group(f.key(), name, f.received(), f.assigned(), f.closureRate(), f.satisfactionRate(),
				f.solvedRate(), f.implemented());
	}

	static Double change(Number now, Number before) {
		if (now == null || before == null || before.doubleValue() == 0) {
			return null;
		}
		return Math.round((now.doubleValue() - before.doubleValue()) * 1000.0 / before.doubleValue()) / 1000.0;
	}

	static Double rate(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 1000.0;
	}

	/** A checked request: a region the caller may see and a year. */
	public record Request(String region, int year) {
	}

	/** One record behind a figure: what it is called, its date, region and kind, and its screen if it has one. */
	public record Row(UUID id, String label, LocalDate date, String regionCode, String kind, String link) {
	}

	private record Participation(long rostered, long received) {

		double rate() {
			return rostered == 0 ? 0.0 : (double) received / rostered;
		}
	}

	/** A region's subtree and a calendar year in Asia/Shanghai, as query parameters. */
	static final class Period {

		final String region;

		final int year;

		final String prefix;

		Period(String region, int year) {
			this.region = region;
			this.year = year;
			this.prefix = new RegionCode(region).subtreePrefix();
		}

		Map<String, Object> params() {
			LocalDate from = LocalDate.of(year, 1, 1);
			LocalDate to = from.plusYears(1);
			Map<String, Object> m = new HashMap<>();
			m.put("pattern", prefix + "%");
			m.put("from", from.atStartOfDay(ZONE).toOffsetDateTime());
			m.put("to", to.atStartOfDay(ZONE).toOffsetDateTime());
			m.put("fromDate", from);
			m.put("toDate", to);
			return m;
		}

		/** The code of the region directly below this one that a record's region falls in (or this one's own). */
		String child(String column) {
			return child(prefix, column);
		}

		/** The same for the subtree of a region's {@link RegionCode#subtreePrefix() prefix}. */
		static String child(String prefix, String column) {
			return switch (prefix.length()) {
				case 2 -> "case when length(" + column + ") = 6 and " + column + " like '__0000' then " + column
						+ " else substr(" + column + ", 1, 4) || '00' end";
				case 4 -> "substr(" + column + ", 1, 6)";
				case 6 -> "substr(" + column + ", 1, 9)";
				default -> column;
			};
		}
	}
}
