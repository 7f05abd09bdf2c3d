package org.lianluo.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
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
import org.lianluo.duty.DutyFigures;
import org.lianluo.opinion.OpinionFigures;
import org.lianluo.opinion.OpinionKpis;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.proposal.ProposalFigures;
import org.lianluo.region.RegionCode;
import org.lianluo.region.RegionPeriod;
import org.lianluo.region.Regions;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
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

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final List<Role> READERS = List.of(Role.ASSESSOR, Role.LEADER, Role.ADMIN);

	private final ModuleFigures figures;

	private final Regions regions;

	private final Units units;

	private final Clock clock;

	AnnualReports(ModuleFigures figures, Regions regions, Units units, Clock clock) {
		this.figures = figures;
		this.regions = regions;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * Checks the caller, the region (blank: the caller's own) and the period: the days {@code from} to {@code to}
	 * ({@code yyyy-MM-dd}, both included) when either is given, else the calendar {@code year} (blank: this year).
	 */
	public Request request(String region, String year, String from, String to) {
		Actor user = Actor.current();
		if (!user.hasAny(READERS)) {
			throw LianluoException.forbidden();
		}
		String code = region == null || region.isBlank() ? user.regionCode() : region.strip();
		if (!RegionCode.isValid(code) || !regions.exists(code)) {
			throw LianluoException.invalidField("region", "problem.field.region");
		}
		int thisYear = Year.now(clock.withZone(ZONE)).getValue();
		Request request;
		if (blank(from) && blank(to)) {
			int y;
			try {
				y = blank(year) ? thisYear : Integer.parseInt(year.strip());
			}
			catch (NumberFormatException ex) {
				throw LianluoException.invalidField("year", "report.year.invalid", FIRST_YEAR, thisYear);
			}
			if (y < FIRST_YEAR || y > thisYear) {
				throw LianluoException.invalidField("year", "report.year.invalid", FIRST_YEAR, thisYear);
			}
			request = Request.year(code, y);
		}
		else {
			LocalDate first = LocalDate.of(FIRST_YEAR, 1, 1);
			LocalDate last = LocalDate.of(thisYear, 12, 31);
			LocalDate start = day("from", from, first, last);
			LocalDate end = day("to", to, first, last);
			if (start.isAfter(end)) {
				throw LianluoException.invalidField("from", "report.period.invalid");
			}
			request = new Request(code, start.getYear(), start, end);
		}
		user.scope().check(code);
		return request;
	}

	private static LocalDate day(String field, String value, LocalDate first, LocalDate last) {
		try {
			LocalDate day = LocalDate.parse(value == null ? "" : value.strip(), DAY);
			if (!day.isBefore(first) && !day.isAfter(last)) {
				return day;
			}
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		throw LianluoException.invalidField(field, "report.period.day.invalid", first, last);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	@Transactional(readOnly = true)
	public AnnualReport report(Request request) {
		RegionPeriod now = request.period();
		Map<String, Map<String, Number>> parts = new TreeMap<>();
		Map<Figure, Long> totals = new EnumMap<>(Figure.class);
		OpinionFigures.Annual opinions = figures.opinions().annual(now, true);
		figures.byPart(now, opinions).forEach((f, byPart) -> {
			byPart.forEach((part, n) -> parts.computeIfAbsent(part, k -> new LinkedHashMap<>()).put(f.key(), n));
			totals.put(f, byPart.values().stream().mapToLong(Long::longValue).sum());
		});
		DutyFigures.Participation participation = figures.duty().participation(now);
		participation.byPart().forEach((part, p) -> parts.computeIfAbsent(part, k -> new LinkedHashMap<>())
			.put("stationParticipationRate", p.rate()));
		double rate = participation.total().rate();
		AnnualReport current = build(request, totals, rate, opinionLoop(opinions), proposalLoop(now),
				byRegion(now, parts), byCategory(opinions), byUnit(opinions), Map.of(), Map.of());
		List<AnnualReport.Month> byMonth = byMonth(now);
		AnnualReport previous = lastYear(request, participation.totalYearBefore().rate());
		Map<String, Number> was = Figures.of(previous);
		Map<String, Double> change = new LinkedHashMap<>();
		Figures.of(current).forEach((key, value) -> change.put(key, change(value, was.get(key))));
		return build(request, totals, rate, current.opinionLoop(), current.proposalLoop(), current.byRegion(),
				current.byCategory(), current.byUnit(), was, change).withMonths(byMonth);
	}

	/** Every month the period touches: activities held, opinions received and opinions reported back in it. */
	private List<AnnualReport.Month> byMonth(RegionPeriod p) {
		Map<String, Long> activities = figures.duty().activitiesByMonth(p);
		Map<String, long[]> opinions = figures.opinions().receivedAndSettledByMonth(p);
		List<AnnualReport.Month> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(p.from()); m.atDay(1).isBefore(p.to()); m = m.plusMonths(1)) {
			String key = m.toString();
			long[] o = opinions.getOrDefault(key, new long[2]);
			months.add(new AnnualReport.Month(key, activities.getOrDefault(key, 0L), o[0], o[1]));
		}
		return months;
	}

	/** The records behind a figure, a page at a time, newest first. */
	@Transactional(readOnly = true)
	public Page<Row> records(Request request, Figure figure, int page, int size) {
		Page.check(page, size);
		return figures.records(figure, request.period(), page, size)
			.map(r -> new Row(r.id(), r.label(), r.date(), r.regionCode(), r.kind(), r.link()));
	}

	public String regionName(String code) {
		return regions.fullName(code);
	}

	/** The totals of the same days a year before, for the changes: no breakdowns. */
	private AnnualReport lastYear(Request request, double participationRate) {
		RegionPeriod before = request.yearBefore().period();
		Map<Figure, Long> totals = new EnumMap<>(Figure.class);
		OpinionFigures.Annual opinions = figures.opinions().annual(before, false);
		figures.byPart(before, opinions)
			.forEach((f, byPart) -> totals.put(f, byPart.values().stream().mapToLong(Long::longValue).sum()));
		return build(request.yearBefore(), totals, participationRate,
				opinionLoop(opinions), proposalLoop(before), List.of(), List.of(), List.of(), Map.of(), Map.of());
	}

	private AnnualReport build(Request r, Map<Figure, Long> t, double rate, AnnualReport.OpinionLoop opinions,
			AnnualReport.ProposalLoop proposals, List<AnnualReport.Part> byRegion, List<AnnualReport.Group> byCategory,
			List<AnnualReport.Group> byUnit, Map<String, Number> previous, Map<String, Double> change) {
		return new AnnualReport(r.region(), r.year(), t.get(Figure.ACTIVITIES), t.get(Figure.THEMATIC_ACTIVITIES),
				t.get(Figure.VOTERS_RECEIVED), t.get(Figure.PUBLIC_MEETINGS), t.get(Figure.OPINIONS_COLLECTED),
				t.get(Figure.OPINIONS_IMPLEMENTED), t.get(Figure.COMMITTEE_CONTACTS), t.get(Figure.COMMITTEE_ATTENDANCE),
				rate, t.get(Figure.DRAFT_COMMENTS), t.get(Figure.PROPOSALS_ASSIGNED), t.get(Figure.PROPOSALS_ANSWERED),
				t.get(Figure.UPWARD_PROPOSALS), t.get(Figure.JOINT_SUPERVISIONS), t.get(Figure.DISPUTES_RESOLVED),
				t.get(Figure.STATIONS), t.get(Figure.SPECIAL_STATIONS), t.get(Figure.DISPUTES_RESOLVED_BY_OPINIONS),
				t.get(Figure.DISPUTES_RESOLVED_AT_ACTIVITIES), byKind(t), t.get(Figure.STATIONS_UPGRADED),
				regions.fullName(r.region()), opinions, proposals,
				byRegion, byCategory, byUnit, previous, change, r.from(), r.to(), List.of());
	}

	/** API.md's {@code specialStationsByKind}: the special stations' kinds as the station registry names them. */
	private static Map<String, Long> byKind(Map<Figure, Long> t) {
		Map<String, Long> kinds = new LinkedHashMap<>();
		kinds.put("CROSS_REGION", t.get(Figure.CROSS_REGION_STATIONS));
		kinds.put("INDUSTRY_CHAIN", t.get(Figure.INDUSTRY_CHAIN_STATIONS));
		kinds.put("PARK", t.get(Figure.PARK_STATIONS));
		return kinds;
	}

	private static AnnualReport.OpinionLoop opinionLoop(OpinionFigures.Annual pass) {
		OpinionKpis.Figures f = pass.total();
		long byFollowUp = pass.ratedByFollowUp();
		return new AnnualReport.OpinionLoop(f.received(), f.assigned(), f.settled(), f.onTime(), f.rated(), f.satisfied(),
				f.replied(), f.resolved(), f.closureRate(), f.onTimeRate(), f.satisfactionRate(), f.solvedRate(),
				f.averageDaysToClose(), pass.disputesClosed(), pass.disputeAverageDaysToClose(),
				Math.max(0, f.rated() - byFollowUp), byFollowUp);
	}

	private AnnualReport.ProposalLoop proposalLoop(RegionPeriod p) {
		ProposalFigures.Loop l = figures.proposals().loop(p);
		return new AnnualReport.ProposalLoop(l.assigned(), l.replied(), l.onTime(), l.classA(), l.classB(), l.classC(),
				l.classD(), l.rated(), l.satisfied(), rate(l.replied(), l.assigned()), rate(l.onTime(), l.assigned()),
				rate(l.classA() + l.classB(), l.replied()), rate(l.satisfied(), l.rated()), rate(l.classA(), l.replied()),
				rate(l.classB(), l.replied()), rate(l.classC(), l.replied()), rate(l.classD(), l.replied()),
				l.averageDaysToReply());
	}

	private List<AnnualReport.Part> byRegion(RegionPeriod p, Map<String, Map<String, Number>> parts) {
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
		list.sort(Comparator.comparing((AnnualReport.Part part) -> part.region().equals(p.region()) ? 0 : 1)
			.thenComparing(AnnualReport.Part::region));
		return list;
	}

	private static final Comparator<OpinionKpis.Figures> LARGEST = Comparator
		.comparingLong(OpinionKpis.Figures::received)
		.reversed()
		.thenComparing(OpinionKpis.Figures::key);

	private static List<AnnualReport.Group> byCategory(OpinionFigures.Annual pass) {
		return pass.byCategory().stream().filter(f -> f.received() > 0).sorted(LARGEST).map(f -> group(f, f.key())).toList();
	}

	/** The lead units with the most opinions received, at most 100. */
	private List<AnnualReport.Group> byUnit(OpinionFigures.Annual pass) {
		List<OpinionKpis.Figures> largest = pass.byUnit().stream().sorted(LARGEST).limit(100).toList();
		Map<UUID, String> names = units.findAll(largest.stream().map(f -> UUID.fromString(f.key())).toList())
			.stream()
			.collect(Collectors.toMap(HandlingUnit::id, HandlingUnit::name, (a, b) -> a));
		return largest.stream().map(f -> group(f, names.getOrDefault(UUID.fromString(f.key()), f.key()))).toList();
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

	/**
	 * A checked request: a region the caller may see and the days {@code from} to {@code to}, both included, in
	 * Asia/Shanghai (a calendar year, or any period); {@code year} is the year the period starts in.
	 */
	public record Request(String region, int year, LocalDate from, LocalDate to) {

		static Request year(String region, int year) {
			return new Request(region, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		}

		public RegionPeriod period() {
			return new RegionPeriod(region, from, to.plusDays(1));
		}

		/** Whether the period is the calendar year {@link #year}. */
		public boolean wholeYear() {
			return from.equals(LocalDate.of(year, 1, 1)) && to.equals(LocalDate.of(year, 12, 31));
		}

		/** The same days a year before. */
		Request yearBefore() {
			return new Request(region, year - 1, from.minusYears(1), to.minusYears(1));
		}
	}

	/** One record behind a figure: what it is called, its date, region and kind, and its screen if it has one. */
	public record Row(UUID id, String label, LocalDate date, String regionCode, String kind, String link) {
	}
}
