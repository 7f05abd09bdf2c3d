package org.lianluo.deputy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Deputy.CommitteePosition;
import org.lianluo.deputy.Deputy.Seat;
import org.lianluo.deputy.Deputy.SeatStatus;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.Page;
import org.lianluo.platform.PersonalData;
import org.lianluo.platform.Where;
import org.lianluo.region.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deputy registry's tables, {@code deputy} and {@code deputy_seat}: every statement the registry runs, and the
 * mapping of their rows. Phones are written encrypted with a keyed hash beside them and read back masked; the rules,
 * the scope checks, the history and the audit are {@link Deputies}'.
 */
@Repository
class DeputyStore {

	private static final String COLUMNS = """
			d.id, d.name, d.gender, d.ethnicity, d.birth_year, d.political_affiliation, d.occupation, d.workplace,
			d.title, d.region_code, d.phone_cipher, d.committee_position""";

	private static final String INSERT_DEPUTY = """
			insert into deputy (id, name, gender, ethnicity, birth_year, political_affiliation, occupation, workplace, title,
			region_code, phone_cipher, phone_hash, committee_position, created_at, updated_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_SEAT = """
			insert into deputy_seat (id, deputy_id, congress_id, term_id, level, constituency, delegation, status, started_on)
			values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""";

	/**
	 * A whole sheet's deputies in one statement, a column an array: rows a batch of single inserts would send one by
	 * one (and bind a null in by asking the driver its type, a round trip per null).
	 */
	private static final String INSERT_DEPUTIES = """
			insert into deputy (id, name, gender, ethnicity, birth_year, political_affiliation, occupation, workplace, title,
			region_code, phone_cipher, phone_hash, committee_position, created_at, updated_at)
			select r.*, ?, ? from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
			cast(? as int[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
			cast(? as text[]), cast(? as text[]), cast(? as text[])) as r""";

	private static final String INSERT_SEATS = """
			insert into deputy_seat (id, deputy_id, congress_id, term_id, level, constituency, delegation, status, started_on)
			select r.*, 'ACTIVE', ? from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as uuid[]), cast(? as uuid[]),
			cast(? as text[]), cast(? as text[]), cast(? as text[])) as r""";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Congresses congresses;

	DeputyStore(JdbcClient jdbc, PersonalData personalData, Congresses congresses) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.congresses = congresses;
	}

	Page<Deputy> page(DeputyFilter filter, Scope scope, int page, int size) {
		Where query = where(filter, scope);
		List<UUID> ids = jdbc.sql("select d.id from deputy d where " + query.sql() + " order by d.region_code, d.name, d.id limit ? offset ?")
			.params(query.with(size, page * size))
			.query(UUID.class)
			.list();
		long total = jdbc.sql("select count(*) from deputy d where " + query.sql()).params(query.params()).query(Long.class).single();
		return new Page<>(load(ids), page, size, total);
	}

	List<Deputy> all(DeputyFilter filter, Scope scope, int limit) {
		Where query = where(filter, scope);
		List<UUID> ids = jdbc.sql("select d.id from deputy d where " + query.sql() + " order by d.region_code, d.name, d.id limit ?")
			.params(query.with(limit))
			.query(UUID.class)
			.list();
		return load(ids);
	}

	Deputies.Composition composition(DeputyFilter filter, Scope scope, int year) {
		Where query = where(filter, scope);
		return new Deputies.Composition(
				countBy("d.gender", query),
				countBy("coalesce(d.ethnicity, 'UNKNOWN')", query),
				countBy("coalesce(d.occupation, 'UNKNOWN')", query),
				countBy("case when d.birth_year is null then 'UNKNOWN' when " + year + " - d.birth_year < 35 then 'UNDER_35' when "
						+ year + " - d.birth_year < 45 then 'FROM_35_TO_44' when " + year + " - d.birth_year < 55 then 'FROM_45_TO_54' else 'FROM_55' end",
						query),
				levels(query));
	}

	private Map<String, Long> countBy(String expression, Where query) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select " + expression + " as k, count(*) from deputy d where " + query.sql() + " group by k order by count(*) desc, k")
			.params(query.params())
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	private Map<String, Long> levels(Where query) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select s.level, count(distinct d.id) from deputy d join deputy_seat s on s.deputy_id = d.id and s.status = 'ACTIVE' where "
				+ query.sql() + " group by s.level order by s.level")
			.params(query.params())
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/** The "name|birth year|region" identities registered among deputies of these names. */
	Set<String> identities(Collection<String> names) {
		Set<String> found = new HashSet<>();
		if (names.isEmpty()) {
			return found;
		}
		jdbc.sql("select name, birth_year, region_code from deputy where name = any(?)")
			.param(names.toArray(String[]::new))
			.query(rs -> {
				found.add(Deputies.identity(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)));
			});
		return found;
	}

	boolean exists(String name, Integer birthYear, String regionCode) {
		return jdbc.sql("select count(*) from deputy where name = ? and birth_year = ? and region_code = ?")
			.params(name, birthYear, regionCode)
			.query(Long.class)
			.single() > 0;
	}

	UUID insert(DeputyRules.Valid valid) {
		UUID id = Ids.newId();
		jdbc.sql(INSERT_DEPUTY).params(deputyRow(id, valid, now())).update();
		for (Level level : valid.levels()) {
			insertSeat(id, level, valid);
		}
		return id;
	}

	/** Inserts validated deputies and their seats in two statements; their ids in order. */
	List<UUID> insertAll(List<DeputyRules.Valid> valid) {
		List<UUID> ids = new ArrayList<>();
		Map<String, UUID[]> congressesSeen = new HashMap<>();
		List<Object[]> people = new ArrayList<>();
		List<Object[]> seats = new ArrayList<>();
		OffsetDateTime now = now();
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		for (DeputyRules.Valid v : valid) {
			UUID id = Ids.newId();
			ids.add(id);
			people.add(deputyRow(id, v, now));
			for (Level level : v.levels()) {
				UUID[] congressAndTerm = congressAndTerm(level, v.regionCode(), congressesSeen);
				seats.add(new Object[] { Ids.newId(), id, congressAndTerm[0], congressAndTerm[1], level.name(),
						v.constituency(), v.delegation(), today });
			}
		}
		List<Object> params = new ArrayList<>(List.of(now, now));
		params.addAll(columns(people, 13));
		jdbc.sql(INSERT_DEPUTIES).params(params).update();
		params = new ArrayList<>(List.of(today));
		params.addAll(columns(seats, 7));
		jdbc.sql(INSERT_SEATS).params(params).update();
		return ids;
	}

	/** The first {@code count} columns of the rows, each as an array of texts that the statement casts. */
	static List<Object> columns(List<Object[]> rows, int count) {
		List<Object> columns = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			int column = c;
			columns.add(rows.stream().map(r -> r[column] == null ? null : r[column].toString()).toArray(String[]::new));
		}
		return columns;
	}

	String phoneHash(UUID id) {
		return jdbc.sql("select phone_hash from deputy where id = ?").param(id).query(String.class).optional().orElse(null);
	}

	String phoneCipher(UUID id) {
		return jdbc.sql("select phone_cipher from deputy where id = ?").param(id).query(String.class).optional().orElse(null);
	}

	/** Writes the form's fields (and the phone unless {@code keepPhone}), and makes the active seats the form's levels. */
	void update(UUID id, DeputyRules.Valid valid, boolean keepPhone, List<Seat> seatsBefore, Set<Level> levelsBefore) {
		jdbc.sql("""
				update deputy set name = ?, gender = ?, ethnicity = ?, birth_year = ?, political_affiliation = ?, occupation = ?,
				workplace = ?, title = ?, region_code = ?, committee_position = ?, updated_at = ? where id = ?""")
			.params(valid.name(), valid.gender().name(), name(valid.ethnicity()), valid.birthYear(),
					name(valid.politicalAffiliation()), name(valid.occupation()), valid.workplace(), valid.title(),
					valid.regionCode(), name(valid.committeePosition()), now(), id)
			.update();
		if (!keepPhone) {
			jdbc.sql("update deputy set phone_cipher = ?, phone_hash = ? where id = ?")
				.params(personalData.encrypt(valid.phone(), "deputy", "phone_cipher", id), personalData.searchHash(valid.phone()), id)
				.update();
		}
		for (Seat seat : seatsBefore) {
			if (seat.status() == SeatStatus.ACTIVE && !valid.levels().contains(seat.level())) {
				jdbc.sql("delete from deputy_seat where id = ?").param(seat.id()).update();
			}
		}
		jdbc.sql("update deputy_seat set delegation = ?, constituency = ? where deputy_id = ? and status = 'ACTIVE'")
			.params(valid.delegation(), valid.constituency(), id)
			.update();
		for (Level level : valid.levels()) {
			if (!levelsBefore.contains(level)) {
				insertSeat(id, level, valid);
			}
		}
	}

	/** Ends an active seat; the level of the seat ended, or empty when it was not active. */
	Optional<Level> endSeat(UUID id, UUID seatId, SeatStatus status, LocalDate on) {
		int changed = jdbc.sql("update deputy_seat set status = ?, ended_on = ? where id = ? and deputy_id = ? and status = 'ACTIVE'")
			.params(status.name(), on, seatId, id)
			.update();
		if (changed == 0) {
			return Optional.empty();
		}
		return jdbc.sql("select level from deputy_seat where id = ?").param(seatId).query(String.class).optional()
			.map(Level::valueOf);
	}

	private Object[] deputyRow(UUID id, DeputyRules.Valid v, OffsetDateTime now) {
		return new Object[] { id, v.name(), v.gender().name(), name(v.ethnicity()), v.birthYear(),
				name(v.politicalAffiliation()), name(v.occupation()), v.workplace(), v.title(), v.regionCode(),
				personalData.encrypt(v.phone(), "deputy", "phone_cipher", id), personalData.searchHash(v.phone()), name(v.committeePosition()), now, now };
	}

	private void insertSeat(UUID deputyId, Level level, DeputyRules.Valid valid) {
		UUID[] congressAndTerm = congressAndTerm(level, valid.regionCode(), new HashMap<>());
		jdbc.sql(INSERT_SEAT)
			.params(Ids.newId(), deputyId, congressAndTerm[0], congressAndTerm[1], level.name(), valid.constituency(),
					valid.delegation(), LocalDate.now(WorkingCalendar.ZONE))
			.update();
	}

	/** The congress of a seat and its current term, remembered by level and congress region. */
	private UUID[] congressAndTerm(Level level, String regionCode, Map<String, UUID[]> seen) {
		String region = level.congressRegion(regionCode);
		return seen.computeIfAbsent(level + "|" + region, k -> {
			UUID congress = congresses.congress(level, region);
			return new UUID[] { congress, congresses.currentTerm(congress).orElse(null) };
		});
	}

	private Where where(DeputyFilter f, Scope scope) {
		Where q = Where.of("d.region_code like ?", scope.narrow(f.region()));
		if (scope.deputyId() != null) {
			q.and("d.id = ?", scope.deputyId());
		}
		if (f.ethnicity() != null) {
			q.and("d.ethnicity = ?", f.ethnicity().name());
		}
		if (f.committeeMember() != null) {
			q.and(f.committeeMember() ? "d.committee_position is not null" : "d.committee_position is null");
		}
		if (f.q() != null && !f.q().isBlank()) {
			String text = f.q().trim();
			if (text.matches("[0-9-]{7,}")) {
				// Under every key and suite of the set: rows a rotation has not re-sealed yet are found too.
				List<String> hashes = personalData.searchHashes(text);
				q.and("d.phone_hash in (" + String.join(", ", java.util.Collections.nCopies(hashes.size(), "?")) + ")",
						hashes.toArray());
			}
			else {
				q.and("d.name like ?", "%" + text.replace("%", "").replace("_", "") + "%");
			}
		}
		if (f.level() != null || f.status() != null || (f.delegation() != null && !f.delegation().isBlank())) {
			StringBuilder seat = new StringBuilder("exists (select 1 from deputy_seat s where s.deputy_id = d.id");
			List<Object> args = new ArrayList<>();
			if (f.level() != null) {
				seat.append(" and s.level = ?");
				args.add(f.level().name());
			}
			if (f.status() != null) {
				seat.append(" and s.status = ?");
				args.add(f.status().name());
			}
			if (f.delegation() != null && !f.delegation().isBlank()) {
				seat.append(" and s.delegation = ?");
				args.add(f.delegation().trim());
			}
			q.and(seat.append(")").toString(), args.toArray());
		}
		return q;
	}

	/** Reads deputies with their seats, in the order of the ids. */
	List<Deputy> load(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID[] array = ids.toArray(UUID[]::new);
		Map<UUID, List<Seat>> seats = new LinkedHashMap<>();
		jdbc.sql("""
				select s.deputy_id, s.id, s.level, c.region_code, t.number, s.constituency, s.delegation, s.status,
				s.started_on, s.ended_on from deputy_seat s join congress c on c.id = s.congress_id
				left join congress_term t on t.id = s.term_id where s.deputy_id = any(?) order by s.level, s.started_on""")
			.param(array)
			.query(rs -> {
				seats.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new Seat(rs.getObject(2, UUID.class), Level.valueOf(rs.getString(3)), rs.getString(4),
							(Integer) rs.getObject(5), rs.getString(6), rs.getString(7), SeatStatus.valueOf(rs.getString(8)),
							rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)));
			});
		Map<UUID, Deputy> byId = new LinkedHashMap<>();
		jdbc.sql("select " + COLUMNS + " from deputy d where d.id = any(?)")
			.param(array)
			.query((rs, n) -> map(rs, seats.getOrDefault(rs.getObject("id", UUID.class), List.of())))
			.list()
			.forEach(d -> byId.put(d.id(), d));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private Deputy map(ResultSet rs, List<Seat> seats) throws SQLException {
		Set<Level> levels = EnumSet.noneOf(Level.class);
		String delegation = null;
		for (Seat seat : seats) {
			if (seat.status() == SeatStatus.ACTIVE) {
				levels.add(seat.level());
				delegation = delegation == null ? seat.delegation() : delegation;
			}
		}
		String position = rs.getString("committee_position");
		String cipher = rs.getString("phone_cipher");
		UUID id = rs.getObject("id", UUID.class);
		return new Deputy(id, rs.getString("name"), Deputy.Gender.valueOf(rs.getString("gender")),
				value(Deputy.Ethnicity.class, rs.getString("ethnicity")), (Integer) rs.getObject("birth_year"),
				value(Deputy.PoliticalAffiliation.class, rs.getString("political_affiliation")),
				value(Deputy.Occupation.class, rs.getString("occupation")), rs.getString("workplace"), rs.getString("title"),
				rs.getString("region_code"), cipher == null ? null : PersonalData.mask(personalData.decrypt(cipher, "deputy", "phone_cipher", id)),
				position != null, value(CommitteePosition.class, position), delegation, levels, List.copyOf(seats));
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}
