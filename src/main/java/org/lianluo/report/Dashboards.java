package org.lianluo.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.OpinionFigures;
import org.lianluo.opinion.OpinionKpis;
import org.lianluo.proposal.ProposalFigures;
import org.lianluo.platform.LianluoException;
import org.lianluo.region.Region;
import org.lianluo.region.RegionCode;
import org.lianluo.region.RegionPeriod;
import org.lianluo.region.Regions;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards of leaders and offices (issue 8, point 4): opinions received and settled by month, the 12 counties
 * by a chosen KPI, what is overdue now by unit and region with the records themselves, and the top categories. All
 * counted in SQL over the records of the caller's region filter (and everything below it), for a span of months in
 * Asia/Shanghai. The KPIs are those of {@link org.lianluo.opinion.OpinionKpis}, over the opinions received in the
 * span; "settled" in a month means reported back to the citizen (FED_BACK, since then maybe CLOSED) in that month.
 */
@Service
public class Dashboards {

	public static final YearMonth FIRST_MONTH = YearMonth.of(AnnualReports.FIRST_YEAR, 1);

	public static final int MAX_MONTHS = 120;

	public static final int OVERDUE_ITEMS = 100;

	private static final List<Role> READERS = List.of(Role.ASSESSOR, Role.LEADER, Role.ADMIN);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
		.withResolverStyle(ResolverStyle.STRICT);

	private final OpinionFigures opinions;

	private final ProposalFigures proposals;


	private final Regions regions;

	private final Units units;

	private final Clock clock;

	Dashboards(OpinionFigures opinions, ProposalFigures proposals, Regions regions, Units units, Clock clock) {
		this.opinions = opinions;
		this.proposals = proposals;
		this.regions = regions;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * Checks the caller and the filter: the region (blank: the caller's own; outside the caller's scope: not found)
	 * and the months {@code from} to {@code to} ({@code yyyy-MM}, both included) or else a {@code year} (the current
	 * year up to this month; nothing given: the current year).
	 */
	public Filter filter(String region, String from, String to, String year) {
		Actor user = Actor.current();
		if (!user.hasAny(READERS)) {
			throw LianluoException.forbidden();
		}
		String code = region == null || region.isBlank() ? user.regionCode() : region.strip();
		if (!RegionCode.isValid(code) || !regions.exists(code)) {
			throw LianluoException.invalidField("region", "problem.field.region");
		}
		YearMonth now = YearMonth.now(clock.withZone(AnnualReports.ZONE));
		YearMonth first;
		YearMonth last;
		if (blank(from) && blank(to)) {
			int y = year(year, now);
			first = YearMonth.of(y, 1);
			last = y == now.getYear() ? now : YearMonth.of(y, 12);
		}
		else {
			last = blank(to) ? now : month("to", to, now);
			first = blank(from) ? last.minusMonths(11) : month("from", from, now);
			if (first.isBefore(FIRST_MONTH)) {
				first = blank(from) ? FIRST_MONTH : first;
			}
		}
		if (first.isAfter(last) || first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
			throw LianluoException.invalidField("from", "report.dashboard.period.invalid", MAX_MONTHS);
		}
		user.scope().check(code);
		return new Filter(code, regions.fullName(code), first, last);
	}

	/** Opinions received and settled in each month of the filter, every month listed. */
	@Transactional(readOnly = true)
	public Trend trend(Filter f) {
		Map<String, long[]> byMonth = new LinkedHashMap<>();
		for (YearMonth m = f.from(); !m.isAfter(f.to()); m = m.plusMonths(1)) {
			byMonth.put(m.format(MONTH), new long[2]);
		}
		// The opinion module's monthly sums: received by the month received, settled by the month reported back.
		opinions.receivedAndSettledByMonth(f.period()).forEach((month, v) -> {
			if (byMonth.containsKey(month)) {
				byMonth.put(month, v);
			}
		});
		List<Trend.Month> months = new ArrayList<>();
		byMonth.forEach((m, v) -> months.add(new Trend.Month(m, v[0], v[1])));
		return new Trend(f, months, months.stream().mapToLong(Trend.Month::received).sum(),
				months.stream().mapToLong(Trend.Month::settled).sum());
	}

	/**
	 * The 12 counties with the loop's figures of the filter and the KPI chosen; a county outside the filter's region
	 * has no figures (a county office sees its neighbours' tiles, never their numbers).
	 */
	@Transactional(readOnly = true)
	public CountyFigures map(Filter f, MapKpi kpi) {
		Map<String, OpinionKpis.Figures> sums = opinions.byCounty(f.period());
		Map<String, Long> overdue = new HashMap<>(opinions.overdueByCounty(f.period(), now()));
		proposals.overdueByCounty(f.period(), now()).forEach((county, n) -> overdue.merge(county, n, Long::sum));
		RegionCode filter = new RegionCode(f.region());
		List<CountyFigures.County> counties = new ArrayList<>();
		for (Region county : regions.counties()) {
			boolean inFilter = filter.contains(county.code()) || new RegionCode(county.code()).contains(f.region());
			if (!inFilter) {
				counties.add(new CountyFigures.County(county.code(), county.name(), false, null, null, null, null, null,
						null, null, null, null, null, null));
				continue;
			}
			OpinionKpis.Figures o = sums.get(county.code());
			long[] c = o == null ? new long[7] : new long[] { o.received(), o.assigned(), o.settled(), o.onTime(),
					o.rated(), o.satisfied(), 0 };
			c[6] = overdue.getOrDefault(county.code(), 0L);
			Double closure = AnnualReports.rate(c[2], c[1]);
			Double onTime = AnnualReports.rate(c[3], c[2]);
			Double satisfaction = AnnualReports.rate(c[5], c[4]);
			Number value = switch (kpi) {
				case CLOSURE_RATE -> closure;
				case ON_TIME_RATE -> onTime;
				case SATISFACTION_RATE -> satisfaction;
				case RECEIVED -> c[0];
				case OVERDUE -> c[6];
			};
			counties.add(new CountyFigures.County(county.code(), county.name(), true, c[0], c[1], c[2], c[3], c[4], c[5],
					c[6], closure, onTime, satisfaction, value));
		}
		return CountyFigures.coloured(f, kpi, counties);
	}

	/**
	 * What is overdue now in the filter's region, whatever the months: opinions being handled past their deadline and
	 * proposals being handled past theirs, by lead unit and by region directly below the filter's, and the
	 * {@value #OVERDUE_ITEMS} oldest of them each with its link.
	 */
	@Transactional(readOnly = true)
	public Overdue overdue(Filter f) {
		OffsetDateTime now = now();
		RegionPeriod p = f.period();
		Map<UUID, long[]> byUnit = new LinkedHashMap<>();
		Map<String, long[]> byRegion = new LinkedHashMap<>();
		for (OpinionFigures.OverdueCount c : opinions.overdueCounts(p, now)) {
			add(c.byUnit() ? byUnit : byRegion, c.byUnit() ? c.unitId() : c.region(), c.overdue(), 0, c.escalated(),
					c.keySupervision());
		}
		for (ProposalFigures.OverdueCount c : proposals.overdueCounts(p, now)) {
			add(c.byUnit() ? byUnit : byRegion, c.byUnit() ? c.unitId() : c.region(), 0, c.overdue(), c.escalated(),
					c.keySupervision());
		}
		Map<UUID, String> unitNames = unitNames(byUnit.keySet());
		List<Overdue.Group> units = byUnit.entrySet().stream()
			.map(e -> new Overdue.Group(e.getKey() == null ? null : e.getKey().toString(),
					e.getKey() == null ? null : unitNames.getOrDefault(e.getKey(), e.getKey().toString()), e.getValue()[0],
					e.getValue()[1], e.getValue()[2], e.getValue()[3]))
			.sorted(Overdue.Group.LARGEST_FIRST)
			.toList();
		Map<String, String> names = regions.fullNames();
		List<Overdue.Group> places = byRegion.entrySet().stream()
			.map(e -> new Overdue.Group(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
					e.getValue()[1], e.getValue()[2], e.getValue()[3]))
			.sorted(Overdue.Group.LARGEST_FIRST)
			.toList();
		// The oldest of each kind first, then the oldest of both (ties by id, as PostgreSQL orders uuids).
		List<Overdue.Item> items = new ArrayList<>();
		opinions.oldestOverdue(p, now, OVERDUE_ITEMS).forEach(o -> items.add(new Overdue.Item("OPINION", o.id(),
				o.trackingCode(), o.category(), o.regionCode(), o.leadUnitId(), o.deadline(),
				Duration.between(o.deadline(), now.toInstant()).toDays(), o.supervisionLevel(), "/opinions/" + o.id())));
		proposals.oldestOverdue(p, now, OVERDUE_ITEMS).forEach(o -> items.add(new Overdue.Item("PROPOSAL", o.id(),
				o.title(), null, o.regionCode(), o.leadUnitId(), o.deadline(),
				Duration.between(o.deadline(), now.toInstant()).toDays(), o.supervisionLevel(), "/proposals/" + o.id())));
		items.sort(Comparator.comparing(Overdue.Item::deadline).thenComparing(i -> i.id().toString()));
		List<Overdue.Item> oldest = items.subList(0, Math.min(items.size(), OVERDUE_ITEMS));
		Map<UUID, String> itemUnits = unitNames(oldest.stream().map(Overdue.Item::unitId).filter(Objects::nonNull).toList());
		List<Overdue.Item> named = oldest.stream().map(i -> i.named(names.getOrDefault(i.regionCode(), i.regionCode()),
				i.unitId() == null ? null : itemUnits.getOrDefault(i.unitId(), i.unitId().toString()))).toList();
		long totalOpinions = places.stream().mapToLong(Overdue.Group::opinions).sum();
		long totalProposals = places.stream().mapToLong(Overdue.Group::proposals).sum();
		return new Overdue(f, now.toInstant(), totalOpinions, totalProposals, units, places, named);
	}

	/** The categories of the opinions received in the filter, most frequent first (at most 10). */
	@Transactional(readOnly = true)
	public Categories categories(Filter f) {
		// All twelve categories in one pass: their sum is the total, the first ten are shown.
		List<Categories.Category> list = opinions.byCategory(f.period()).stream()
			.map(c -> new Categories.Category(c.key(), c.received(), c.assigned(), c.settled(), c.closureRate(),
					c.satisfactionRate()))
			.toList();
		long total = list.stream().mapToLong(Categories.Category::received).sum();
		return new Categories(f, total, list.subList(0, Math.min(list.size(), 10)));
	}

	private static boolean add(Map<?, long[]> map, Object key, long opinions, long proposals, long escalated, long key4) {
		@SuppressWarnings("unchecked")
		long[] v = ((Map<Object, long[]>) map).computeIfAbsent(key, k -> new long[4]);
		v[0] += opinions;
		v[1] += proposals;
		v[2] += escalated;
		v[3] += key4;
		return true;
	}

	private Map<UUID, String> unitNames(Collection<UUID> ids) {
		List<UUID> known = ids.stream().filter(Objects::nonNull).distinct().toList();
		if (known.isEmpty()) {
			return Map.of();
		}
		return units.findAll(known).stream().collect(Collectors.toMap(HandlingUnit::id, HandlingUnit::name, (a, b) -> a));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static int year(String year, YearMonth now) {
		if (blank(year)) {
			return now.getYear();
		}
		try {
			int y = Integer.parseInt(year.strip());
			if (y >= AnnualReports.FIRST_YEAR && y <= now.getYear()) {
				return y;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw LianluoException.invalidField("year", "report.year.invalid", AnnualReports.FIRST_YEAR, now.getYear());
	}

	private static YearMonth month(String field, String value, YearMonth now) {
		try {
			YearMonth m = YearMonth.parse(value.strip(), MONTH);
			if (!m.isBefore(FIRST_MONTH) && !m.isAfter(now)) {
				return m;
			}
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		throw LianluoException.invalidField(field, "report.dashboard.month.invalid", FIRST_MONTH.format(MONTH),
				now.format(MONTH));
	}

	/** A checked filter: a region the caller may see and the months from and to (both included), in Asia/Shanghai. */
	public record Filter(String region, String regionName, YearMonth from, YearMonth to) {

		/** The region and its months as days. */
		RegionPeriod period() {
			return new RegionPeriod(region, from.atDay(1), to.plusMonths(1).atDay(1));
		}

		/** The filter as the query string of a link (without the KPI). */
		public String query() {
			return "region=" + region + "&from=" + from.format(MONTH) + "&to=" + to.format(MONTH);
		}

		/**
		 * The calendar year whose records the filter covers exactly (January to December, or to this month of this
		 * year), for the links to the annual report's records; otherwise null.
		 */
		public Integer wholeYear() {
			boolean untilNow = to.equals(YearMonth.now(AnnualReports.ZONE));
			return from.getYear() == to.getYear() && from.getMonthValue() == 1 && (to.getMonthValue() == 12 || untilNow)
					? from.getYear() : null;
		}
	}

	/** Opinions received and settled per month. */
	public record Trend(Filter filter, List<Month> months, long received, long settled) {

		public record Month(String month, long received, long settled) {
		}
	}

	/** The overdue board: its time, totals, groups by unit and by region, and the oldest records. */
	public record Overdue(Filter filter, Instant at, long opinions, long proposals, List<Group> byUnit,
			List<Group> byRegion, List<Item> items) {

		/** A lead unit (key null: none) or a region: overdue opinions and proposals, escalated, key supervision. */
		public record Group(String key, String name, long opinions, long proposals, long escalated,
				long keySupervision) {

			static final java.util.Comparator<Group> LARGEST_FIRST = java.util.Comparator
				.comparingLong((Group g) -> -(g.opinions + g.proposals))
				.thenComparing(g -> String.valueOf(g.name));

			public long total() {
				return opinions + proposals;
			}
		}

		/** One overdue record: OPINION (label: its tracking code) or PROPOSAL (its title). */
		public record Item(String kind, UUID id, String label, String category, String regionCode, UUID unitId,
				Instant deadline, long daysOverdue, int supervisionLevel, String link, String regionName,
				String unitName) {

			Item(String kind, UUID id, String label, String category, String regionCode, UUID unitId, Instant deadline,
					long daysOverdue, int supervisionLevel, String link) {
				this(kind, id, label, category, regionCode, unitId, deadline, daysOverdue, supervisionLevel, link, null,
						null);
			}

			Item named(String region, String unit) {
				return new Item(kind, id, label, category, regionCode, unitId, deadline, daysOverdue, supervisionLevel,
						link, region, unit);
			}
		}
	}

	/** The categories of the opinions received, with their closure and satisfaction rates. */
	public record Categories(Filter filter, long received, List<Category> categories) {

		public record Category(String category, long received, long assigned, long settled, Double closureRate,
				Double satisfactionRate) {
		}
	}
}
