package org.lianluo.station;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
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
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionCode;
import org.lianluo.station.Station.Kind;
import org.lianluo.station.Station.Partner;
import org.lianluo.station.Station.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stations: other modules read them by id whatever the caller's scope; staff see a station when its
 * region or one of its co-building regions lies in their scope, and change it when its region does. The
 * public list shows active stations to everyone.
 */
@Service
public class Stations {

	private static final String COLUMNS = """
			s.id, s.name, s.kind, s.partners, s.functions, s.region_code, s.address, s.latitude, s.longitude, s.phone,
			s.opening_hours, s.reception_schedule, s.status""";

	private final JdbcClient jdbc;

	private final StationRules rules;

	private final Deputies deputies;

	Stations(JdbcClient jdbc, StationRules rules, Deputies deputies) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.deputies = deputies;
	}

	/** Any station by id, whatever the caller's scope. */
	public Optional<StationSummary> find(UUID id) {
		return id == null ? Optional.empty()
				: jdbc.sql("select id, name, region_code from station where id = ?")
					.param(id)
					.query((rs, n) -> new StationSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
					.optional();
	}

	/** A station the caller may see, else not found. */
	public Station get(UUID id) {
		Station station = load(List.of(id)).stream().findFirst().orElseThrow(LianluoException::notFound);
		Scope scope = Scope.current();
		boolean visible = scope.covers(station.regionCode()) || station.coRegionCodes().stream().anyMatch(scope::covers);
		if (!visible || (scope.deputyId() != null && station.deputies().stream().noneMatch(d -> d.id().equals(scope.deputyId())))) {
			throw LianluoException.notFound();
		}
		return station;
	}

	public Page<Station> list(StationFilter filter, int page, int size) {
		Where where = scoped(filter);
		return page(where, "s.region_code, s.name, s.id", page, size);
	}

	public List<Station> all(StationFilter filter, int limit) {
		Where where = scoped(filter);
		List<UUID> ids = jdbc.sql("select s.id from station s where " + where.sql + " order by s.region_code, s.name, s.id limit ?")
			.params(where.with(limit)).query(UUID.class).list();
		return load(ids);
	}

	/**
	 * The rosters of the active stations in a region's subtree, whatever the caller's scope: station id to
	 * deputy ids. The duty module counts who of them held receptions.
	 */
	public Map<UUID, List<UUID>> rosters(String regionCode) {
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

	/** One active station, for citizens. */
	public Optional<Station> findPublished(UUID id) {
		return load(List.of(id)).stream().filter(s -> s.status() == Station.Status.ACTIVE).findFirst();
	}

	/** Active stations per county (the first six digits of the region code), for the portal's map. */
	public Map<String, Long> publishedPerCounty() {
		return jdbc.sql("select substr(region_code, 1, 6), count(*) from station where status = 'ACTIVE' group by 1")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Active stations for citizens: by region (its subtree, co-building regions included) and words of name or address. */
	public Page<Station> published(String region, String q, int page, int size) {
		if (region != null && !region.isBlank() && !RegionCode.isValid(region.trim())) {
			throw LianluoException.invalidField("region", "problem.field.region");
		}
		String pattern = region == null || region.isBlank() ? "%" : new RegionCode(region.trim()).subtreePrefix() + "%";
		Where where = new Where(regionCondition(), pattern, pattern);
		where.and("s.status = 'ACTIVE'");
		words(where, q, true);
		return page(where, "s.region_code, s.name, s.id", page, size);
	}

	@Transactional
	public Station create(StationForm form) {
		UUID id = insert(rules.validate(form));
		return load(List.of(id)).get(0);
	}

	/** Inserts stations already validated by {@link StationRules}: the import's path. */
	@Transactional
	public void insertAll(List<StationRules.Valid> valid) {
		valid.forEach(this::insert);
	}

	/** How many stations are registered, whatever the caller's scope. */
	public long total() {
		return jdbc.sql("select count(*) from station").query(Long.class).single();
	}

	/** Whether the deputy is on the station's roster (进站代表). */
	public boolean onRoster(UUID stationId, UUID deputyId) {
		return jdbc.sql("select exists (select 1 from station_deputy where station_id = ? and deputy_id = ?)")
			.params(stationId, deputyId)
			.query(Boolean.class)
			.single();
	}

	public boolean exists(String name, String regionCode) {
		return jdbc.sql("select count(*) from station where name = ? and region_code = ?").params(name, regionCode)
			.query(Long.class).single() > 0;
	}

	@Transactional
	public Station update(UUID id, StationForm form) {
		Station before = get(id);
		Scope.current().check(before.regionCode());
		StationRules.Valid v = rules.validate(form);
		jdbc.sql("""
				update station set name = ?, kind = ?, partners = ?, functions = ?, region_code = ?, address = ?, latitude = ?,
				longitude = ?, phone = ?, opening_hours = ?, reception_schedule = ?, status = ?, updated_at = ? where id = ?""")
			.params(v.name(), v.kind().name(), joined(v.partners()), joined(v.functions()), v.regionCode(), v.address(),
					v.latitude(), v.longitude(), v.phone(), v.openingHours(), v.receptionSchedule(), v.status().name(),
					OffsetDateTime.now(ZoneOffset.UTC), id)
			.update();
		jdbc.sql("delete from station_co_region where station_id = ?").param(id).update();
		jdbc.sql("delete from station_deputy where station_id = ?").param(id).update();
		children(id, v);
		return load(List.of(id)).get(0);
	}

	private UUID insert(StationRules.Valid v) {
		UUID id = Ids.newId();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				insert into station (id, name, kind, partners, functions, region_code, address, latitude, longitude, phone,
				opening_hours, reception_schedule, status, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, v.name(), v.kind().name(), joined(v.partners()), joined(v.functions()), v.regionCode(), v.address(),
					v.latitude(), v.longitude(), v.phone(), v.openingHours(), v.receptionSchedule(), v.status().name(), now, now)
			.update();
		children(id, v);
		return id;
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

	private Where scoped(StationFilter f) {
		Scope scope = Scope.current();
		String pattern = scope.narrow(f.region());
		Where where = new Where(regionCondition(), pattern, pattern);
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
		List<UUID> ids = jdbc.sql("select s.id from station s where " + where.sql + " order by " + order + " limit ? offset ?")
			.params(where.with(size, page * size)).query(UUID.class).list();
		long total = jdbc.sql("select count(*) from station s where " + where.sql).params(where.params).query(Long.class).single();
		return new Page<>(load(ids), page, size, total);
	}

	private List<Station> load(Collection<UUID> ids) {
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
		Map<UUID, DeputySummary> people = deputies.findAll(rosters.values().stream().flatMap(List::stream).distinct().toList())
			.stream()
			.collect(Collectors.toMap(DeputySummary::id, Function.identity()));
		Map<UUID, Station> byId = new LinkedHashMap<>();
		jdbc.sql("select " + COLUMNS + " from station s where s.id = any(?)")
			.param(array)
			.query((rs, n) -> map(rs, coRegions, rosters, people))
			.list()
			.forEach(s -> byId.put(s.id(), s));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private static Station map(ResultSet rs, Map<UUID, List<String>> coRegions, Map<UUID, List<UUID>> rosters,
			Map<UUID, DeputySummary> people) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<DeputySummary> roster = rosters.getOrDefault(id, List.of()).stream().map(people::get).filter(Objects::nonNull).toList();
		return new Station(id, rs.getString("name"), Kind.valueOf(rs.getString("kind")),
				set(Partner.class, rs.getString("partners")), set(Station.Function.class, rs.getString("functions")),
				rs.getString("region_code"), List.copyOf(coRegions.getOrDefault(id, List.of())), rs.getString("address"),
				rs.getObject("latitude", BigDecimal.class), rs.getObject("longitude", BigDecimal.class), rs.getString("phone"),
				rs.getString("opening_hours"), rs.getString("reception_schedule"), Status.valueOf(rs.getString("status")),
				roster);
	}

	private static <E extends Enum<E>> Set<E> set(Class<E> type, String joined) {
		Set<E> values = EnumSet.noneOf(type);
		Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).forEach(s -> values.add(Enum.valueOf(type, s)));
		return values;
	}

	private static String joined(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	/** A where clause and its parameters. */
	private static final class Where {

		private String sql;

		private final List<Object> params = new ArrayList<>();

		Where(String first, Object... args) {
			this.sql = first;
			params.addAll(List.of(args));
		}

		void and(String condition, Object... args) {
			sql = sql + " and " + condition;
			params.addAll(List.of(args));
		}

		List<Object> with(Object... more) {
			List<Object> all = new ArrayList<>(params);
			all.addAll(List.of(more));
			return all;
		}
	}
}
