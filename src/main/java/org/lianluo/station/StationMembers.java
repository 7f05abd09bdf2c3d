package org.lianluo.station;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.lianluo.identity.Scope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of the stations who are not deputies: registered and removed by the staff who may change the station,
 * read with it. Their rows carry the station's region, so that row-level security keeps them to its scope.
 */
@Service
public class StationMembers {

	static final int MAX_PER_STATION = 100;

	private final JdbcClient jdbc;

	private final Stations stations;

	private final Labels labels;

	private final StationStore store;

	StationMembers(JdbcClient jdbc, Stations stations, Labels labels, StationStore store) {
		this.store = store;
		this.jdbc = jdbc;
		this.stations = stations;
		this.labels = labels;
	}

	/** Registers a member at a station the caller may change: a name, a kind, an organisation and the days. */
	@Transactional
	public StationMember add(UUID stationId, StationMember.Form form) {
		Station station = stations.get(stationId);
		Scope.current().check(station.regionCode());
		List<FieldProblem> problems = new ArrayList<>();
		String name = check(problems, "name", form.name(), 50, true);
		StationMember.Kind kind = labels.parse(StationMember.Kind.class, "station-member-kind", form.kind());
		if (kind == null) {
			problems.add(new FieldProblem("kind", "station.member.kind.invalid"));
		}
		String organisation = check(problems, "organisation", form.organisation(), 100, true);
		String schedule = check(problems, "schedule", form.schedule(), 200, false);
		if (station.members().size() >= MAX_PER_STATION) {
			problems.add(new FieldProblem("name", "station.member.too-many", MAX_PER_STATION));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		UUID id = Ids.newId();
		jdbc.sql("""
				insert into station_member (id, station_id, region_code, name, kind, organisation, schedule, position, created_at)
				values (?, ?, ?, ?, ?, ?, ?, coalesce((select max(position) + 1 from station_member where station_id = ?), 0), ?)""")
			.params(id, stationId, station.regionCode(), name, kind.name(), organisation, schedule, stationId,
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return new StationMember(id, stationId, name, kind, organisation, schedule);
	}

	/** Removes a member from a station the caller may change; an unknown member is not found. */
	@Transactional
	public void remove(UUID stationId, UUID memberId) {
		Station station = stations.get(stationId);
		Scope.current().check(station.regionCode());
		if (jdbc.sql("delete from station_member where id = ? and station_id = ?").params(memberId, stationId).update() == 0) {
			throw LianluoException.notFound();
		}
	}

	/** The members of a station the caller may see, in the order they were registered. */
	public List<StationMember> of(UUID stationId) {
		return stations.get(stationId).members();
	}

	/** Members by id as row-level security lets the caller see them, in the order asked; unknown ones left out. */
	public List<StationMember> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, StationMember> byId = new LinkedHashMap<>();
		store.members("id", ids).values().forEach(list -> list.forEach(m -> byId.put(m.id(), m)));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private static String check(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		String text = Text.blankToNull(value);
		if (text != null) {
			text = text.strip();
		}
		if ((required && text == null) || (text != null && text.length() > max)) {
			problems.add(new FieldProblem(field, "station.member." + field + ".invalid", max));
		}
		return text;
	}
}
