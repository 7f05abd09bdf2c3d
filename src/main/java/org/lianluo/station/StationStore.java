package org.lianluo.station;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.Page;
import org.lianluo.platform.Where;
import org.lianluo.region.RegionCode;
import org.lianluo.station.Station.Kind;
import org.lianluo.station.Station.Partner;
import org.lianluo.station.Station.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The station registry's tables ({@code station}, its co-building regions and its roster): every statement the
 * registry runs and the mapping of their rows. Which stations a caller may see and change is {@link Stations}'.
 */
@Repository
class StationStore {

	private static final String COLUMNS = """
			s.id, s.name, s.kind, s.partners, s.functions, s.region_code, s.address, s.latitude, s.longitude, s.phone,
			s.opening_hours, s.reception_schedule, s.status, s.upgraded_on, s.checklist""";

	private static final String INSERT = """
			insert into station (id, name, kind, partners, functions, region_code, address, latitude, longitude, phone,
			opening_hours, reception_schedule, status, upgraded_on, checklist, created_at, updated_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/** A whole sheet's stations in one statement, a column an array of texts (a batch would send them one by one). */
	private static final String INSERT_ALL = """
			insert into station (id, name, kind, partners, functions, region_code, address, latitude, longitude, phone,
			opening_hours, reception_schedule, status, upgraded_on, checklist, created_at, updated_at)
			select r.*, ?, ? from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
			cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as numeric[]), cast(? as numeric[]),
			cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as date[]),
			cast(? as text[])) as r""";

	private final JdbcClient jdbc;

	private final Deputies deputies;

	StationStore(JdbcClient jdbc, Deputies deputies) {
		this.jdbc = jdbc;
		this.deputies = deputies;
	}

	/** Any station by id, whatever the caller's scope. */
	Optional<StationSummary> find(UUID id) {
		return id == null ? Optional.empty()
				: jdbc.sql("select id, name, region_code from station where id = ?")
					.param(id)
					.query((rs, n) -> new StationSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
					.optional();
	}

	Page<Station> list(StationFilter filter, Scope scope, int page, int size) {
		return page(scoped(filter, scope), "s.region_code, s.name, s.id", page, size);
	}

	List<Station> all(StationFilter filter, Scope scope, int limit) {
		Where where = scoped(filter, scope);
		List<UUID> ids = jdbc.sql("select s.id from station s where " + where.sql() + " order by s.region_code, s.name, s.id limit ?")
			.params(where.with(limit)).query(UUID.class).list();
		return load(ids);
	}

	/** Active stations whose region or co-building region matches {@code pattern}, with words of name or address. */
	Page<Station> published(String pattern, String q, int page, int size) {
		Where where = Where.of(regionCondition(), pattern, pattern);
		where.and("s.status = 'ACTIVE'");
		words(where, q, true);
		return page(where, "s.region_code, s.name, s.id", page, size);
	}

	/**
	 * The rosters of the active stations in a region's subtree, whatever the caller's scope: station id to
	 * deputy ids. The duty module counts who of them held receptions.
	 */
	Map<UUID, List<UUID>> rosters(String regionCode) {
		Map<UUID, List<UUID>> rosters = new LinkedHashMap<>();
		jdbc.sql("""
				select r.station_id, r.deputy_id from station_deputy r join station s on s.id = r.station_id
				where s.status = 'ACTIVE' and s.region_code like ? order by s.region_code, s.name, r.position""")
			.param(new RegionCode(regionCode).subtreePrefix() + "%")
			.query(rs -> {
				rosters.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
			});
		return rosters;
	}

	/** Active stations per county (the first six digits of the region code), for the portal's map. */
	Map<String, Long> publishedPerCounty() {
		return jdbc.sql("select substr(region_code, 1, 6), count(*) from station where status = 'ACTIVE' group by 1")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** How many stations are registered, whatever the caller's scope. */
	long total() {
		return jdbc.sql("select count(*) from station").query(Long.class).single();
	}

	/** Whether the deputy is on the station's roster (进站代表). */
	boolean onRoster(UUID stationId, UUID deputyId) {
		return jdbc.sql("select exists (select 1 from station_deputy where station_id = ? and deputy_id = ?)")
			.params(stationId, deputyId)
			.query(Boolean.class)
			.single();
	}

	boolean exists(String name, String regionCode) {
		return jdbc.sql("select count(*) from station where name = ? and region_code = ?").params(name, regionCode)
			.query(Long.class).single() > 0;
	}

	/** The "name|region" identities registered among stations of these names: one query for a whole sheet. */
	Set<String> identities(Collection<String> names) {
		Set<String> found = new HashSet<>();
		if (!names.isEmpty()) {
			jdbc.sql("select name, region_code from station where name = any(?)")
				.param(names.toArray(String[]::new))
				.query(rs -> {
					found.add(rs.getString(1) + "|" + rs.getString(2));
				});
		}
		return found;
	}

	void update(UUID id, StationRules.Valid v) {
		jdbc.sql("""
				update station set name = ?, kind = ?, partners = ?, functions = ?, region_code = ?, address = ?, latitude = ?,
				longitude = ?, phone = ?, opening_hours = ?, reception_schedule = ?, status = ?, upgraded_on = ?, checklist = ?,
				updated_at = ? where id = ?""")
			.params(v.name(), v.kind().name(), joined(v.partners()), joined(v.functions()), v.regionCode(), v.address(),
					v.latitude(), v.longitude(), v.phone(), v.openingHours(), v.receptionSchedule(), v.status().name(),
					v.upgradedOn(), String.join("\n", v.checklist()), OffsetDateTime.now(ZoneOffset.UTC), id)
			.update();
		// The members follow their station's region, which row-level security reads.
		jdbc.sql("update station_member set region_code = ? where station_id = ? and region_code <> ?")
			.params(v.regionCode(), id, v.regionCode())
			.update();
		jdbc.sql("delete from station_co_region where station_id = ?").param(id).update();
		jdbc.sql("delete from station_deputy where station_id = ?").param(id).update();
		children(id, v);
	}

	UUID insert(StationRules.Valid v) {
		UUID id = Ids.newId();
		jdbc.sql(INSERT).params(row(id, v, OffsetDateTime.now(ZoneOffset.UTC))).update();
		children(id, v);
		return id;
	}

	/** Inserts validated stations and their co-building regions and rosters in three statements: the import's path. */
	void insertAll(List<StationRules.Valid> valid) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Object[]> stations = new ArrayList<>();
		List<Object[]> coRegions = new ArrayList<>();
		List<Object[]> roster = new ArrayList<>();
		for (StationRules.Valid v : valid) {
			UUID id = Ids.newId();
			stations.add(row(id, v, now));
			v.coRegionCodes().forEach(code -> coRegions.add(new Object[] { id, code }));
			int position = 0;
			for (UUID deputy : v.deputyIds()) {
				roster.add(new Object[] { id, deputy, position++ });
			}
		}
		List<Object> params = new ArrayList<>(List.of(now, now));
		params.addAll(columns(stations, 15));
		jdbc.sql(INSERT_ALL).params(params).update();
		jdbc.sql("insert into station_co_region (station_id, region_code) select * from unnest(cast(? as uuid[]), cast(? as text[]))")
			.params(columns(coRegions, 2))
			.update();
		jdbc.sql("insert into station_deputy (station_id, deputy_id, position) select * from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as int[]))")
			.params(columns(roster, 3))
			.update();
	}

	/** The first {@code count} columns of the rows, each as an array of texts that the statement casts. */
	private static List<Object> columns(List<Object[]> rows, int count) {
		List<Object> columns = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			int column = c;
			columns.add(rows.stream().map(r -> r[column] == null ? null : r[column].toString()).toArray(String[]::new));
		}
		return columns;
	}

	private static Object[] row(UUID id, StationRules.Valid v, OffsetDateTime now) {
		return new Object[] { id, v.name(), v.kind().name(), joined(v.partners()), joined(v.functions()), v.regionCode(),
				v.address(), v.latitude(), v.longitude(), v.phone(), v.openingHours(), v.receptionSchedule(), v.status().name(),
				v.upgradedOn(), String.join("\n", v.checklist()), now, now };
	}

	private void children(UUID id, StationRules.Valid v) {
		for (String code : v.coRegionCodes()) {
			jdbc.sql("insert into station_co_region (station_id, region_code) values (?, ?)").params(id, code).update();
		}
		int position = 0;
		for (UUID deputy : v.deputyIds()) {
			jdbc.sql("insert into station_deputy (station_id, deputy_id, position) values (?, ?, ?)")
				.params(id, deputy, position++).update();
		}
	}

	private Where scoped(StationFilter f, Scope scope) {
		String pattern = scope.narrow(f.region());
		Where where = Where.of(regionCondition(), pattern, pattern);
		if (scope.deputyId() != null) {
			where.and("exists (select 1 from station_deputy r where r.station_id = s.id and r.deputy_id = ?)", scope.deputyId());
		}
		if (f.kind() != null) {
			where.and("s.kind = ?", f.kind().name());
		}
		if (f.special() != null) {
			where.and(f.special() ? "s.kind <> 'STANDARD'" : "s.kind = 'STANDARD'");
		}
		if (f.partner() != null) {
			where.and("s.partners like ?", "%" + f.partner().name() + "%");
		}
		if (f.status() != null) {
			where.and("s.status = ?", f.status().name());
		}
		words(where, f.q(), false);
		return where;
	}

	private static String regionCondition() {
		return "(s.region_code like ? or exists (select 1 from station_co_region c where c.station_id = s.id and c.region_code like ?))";
	}

	private static void words(Where where, String q, boolean address) {
		if (q != null && !q.isBlank()) {
			String like = "%" + q.trim().replace("%", "").replace("_", "") + "%";
			if (address) {
				where.and("(s.name like ? or s.address like ?)", like, like);
			}
			else {
				where.and("s.name like ?", like);
			}
		}
	}

	private Page<Station> page(Where where, String order, int page, int size) {
		List<UUID> ids = jdbc.sql("select s.id from station s where " + where.sql() + " order by " + order + " limit ? offset ?")
			.params(where.with(size, page * size)).query(UUID.class).list();
		long total = jdbc.sql("select count(*) from station s where " + where.sql()).params(where.params()).query(Long.class).single();
		return new Page<>(load(ids), page, size, total);
	}

	List<Station> load(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID[] array = ids.toArray(UUID[]::new);
		Map<UUID, List<String>> coRegions = new LinkedHashMap<>();
		jdbc.sql("select station_id, region_code from station_co_region where station_id = any(?) order by region_code")
			.param(array)
			.query(rs -> {
				coRegions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
			});
		Map<UUID, List<UUID>> rosters = new LinkedHashMap<>();
		jdbc.sql("select station_id, deputy_id from station_deputy where station_id = any(?) order by position")
			.param(array)
			.query(rs -> {
				rosters.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
			});
		Map<UUID, List<StationMember>> members = members("station_id", ids);
		Map<UUID, DeputySummary> people = deputies.findAll(rosters.values().stream().flatMap(List::stream).distinct().toList())
			.stream()
			.collect(Collectors.toMap(DeputySummary::id, Function.identity()));
		Map<UUID, Station> byId = new LinkedHashMap<>();
		jdbc.sql("select " + COLUMNS + " from station s where s.id = any(?)")
			.param(array)
			.query((rs, n) -> map(rs, coRegions, rosters, people, members))
			.list()
			.forEach(s -> byId.put(s.id(), s));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private static Station map(ResultSet rs, Map<UUID, List<String>> coRegions, Map<UUID, List<UUID>> rosters,
			Map<UUID, DeputySummary> people, Map<UUID, List<StationMember>> members) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<DeputySummary> roster = rosters.getOrDefault(id, List.of()).stream().map(people::get).filter(Objects::nonNull).toList();
		return new Station(id, rs.getString("name"), Kind.valueOf(rs.getString("kind")),
				set(Partner.class, rs.getString("partners")), set(Station.Function.class, rs.getString("functions")),
				rs.getString("region_code"), List.copyOf(coRegions.getOrDefault(id, List.of())), rs.getString("address"),
				rs.getObject("latitude", BigDecimal.class), rs.getObject("longitude", BigDecimal.class), rs.getString("phone"),
				rs.getString("opening_hours"), rs.getString("reception_schedule"), Status.valueOf(rs.getString("status")),
				roster, rs.getObject("upgraded_on", LocalDate.class),
				Arrays.stream(rs.getString("checklist").split("\n")).filter(s -> !s.isBlank()).toList(),
				members.getOrDefault(id, List.of()));
	}

	/** The members of stations ({@code column} station_id) or of these ids ({@code column} id): station id to them. */
	Map<UUID, List<StationMember>> members(String column, Collection<UUID> keys) {
		Map<UUID, List<StationMember>> members = new LinkedHashMap<>();
		jdbc.sql("select id, station_id, name, kind, organisation, schedule from station_member where "
				+ ("id".equals(column) ? "id" : "station_id") + " = any(?) order by station_id, position")
			.param(keys.toArray(UUID[]::new))
			.query(rs -> {
				StationMember m = new StationMember(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getString(3), StationMember.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6));
				members.computeIfAbsent(m.stationId(), k -> new ArrayList<>()).add(m);
			});
		return members;
	}

	private static <E extends Enum<E>> Set<E> set(Class<E> type, String joined) {
		Set<E> values = EnumSet.noneOf(type);
		Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).forEach(s -> values.add(Enum.valueOf(type, s)));
		return values;
	}

	private static String joined(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(","));
	}
}
