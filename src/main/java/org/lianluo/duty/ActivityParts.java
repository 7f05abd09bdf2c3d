package org.lianluo.duty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.station.StationMember;
import org.lianluo.station.StationMembers;
import org.lianluo.station.StationSummary;
import org.lianluo.station.Stations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an activity holds beside its own row: the stations it was held at (one, or several for an activity of a
 * 片区联络站 held together, the first kept on the row as its station) and the station members who took part beside the
 * deputies; and the checks of the texts voters gave during it. The activity stays one row, so that every figure counts
 * it once however many stations held it.
 */
@Component
class ActivityParts {

	static final int MAX_STATIONS = 20;

	private final JdbcClient jdbc;

	private final Stations stations;

	private final StationMembers members;

	ActivityParts(JdbcClient jdbc, Stations stations, StationMembers members) {
		this.jdbc = jdbc;
		this.stations = stations;
		this.members = members;
	}

	/** The stations given, {@code stationId} first, each once; every one must exist. */
	List<UUID> stations(NewActivity a, List<FieldProblem> problems) {
		Set<UUID> ids = new LinkedHashSet<>();
		if (a.stationId() != null) {
			ids.add(a.stationId());
		}
		if (a.stationIds() != null) {
			ids.addAll(a.stationIds());
		}
		ids.remove(null);
		if (ids.size() > MAX_STATIONS) {
			problems.add(new FieldProblem("stationIds", "duty.activity.stations.too-many", MAX_STATIONS));
		}
		else if (ids.stream().anyMatch(id -> stations.find(id).isEmpty())) {
			problems.add(new FieldProblem(a.stationIds() == null ? "stationId" : "stationIds", "duty.activity.station.unknown"));
		}
		return List.copyOf(ids);
	}

	/** The station members given, each once; every one must be a member the caller may see. */
	List<StationMember> members(List<UUID> given, List<FieldProblem> problems) {
		Set<UUID> ids = new LinkedHashSet<>(given == null ? List.of() : given);
		ids.remove(null);
		List<StationMember> found = members.findAll(ids);
		if (found.size() != ids.size()) {
			problems.add(new FieldProblem("memberIds", "duty.activity.members.unknown"));
		}
		return found;
	}

	void insert(UUID activity, List<UUID> stationIds, List<StationMember> people) {
		for (int i = 0; i < stationIds.size(); i++) {
			jdbc.sql("insert into duty_activity_station (activity_id, station_id, position) values (?, ?, ?)")
				.params(activity, stationIds.get(i), i)
				.update();
		}
		for (int i = 0; i < people.size(); i++) {
			jdbc.sql("insert into duty_activity_member (activity_id, member_id, position) values (?, ?, ?)")
				.params(activity, people.get(i).id(), i)
				.update();
		}
	}

	/** The stations and members of activities, by activity. */
	Map<UUID, Of> of(List<UUID> activities) {
		UUID[] array = activities.toArray(UUID[]::new);
		Map<UUID, List<Activity.Place>> places = new LinkedHashMap<>();
		jdbc.sql("select activity_id, station_id from duty_activity_station where activity_id = any(?) order by activity_id, position")
			.param(array)
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.list()
			.forEach(pair -> places.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(new Activity.Place(pair[1],
					stations.find(pair[1]).map(StationSummary::name).orElse(null))));
		Map<UUID, List<UUID>> memberIds = new LinkedHashMap<>();
		jdbc.sql("select activity_id, member_id from duty_activity_member where activity_id = any(?) order by activity_id, position")
			.param(array)
			.query(rs -> {
				memberIds.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
			});
		Map<UUID, StationMember> known = new LinkedHashMap<>();
		members.findAll(memberIds.values().stream().flatMap(List::stream).distinct().toList()).forEach(m -> known.put(m.id(), m));
		Map<UUID, Of> of = new LinkedHashMap<>();
		for (UUID id : activities) {
			List<Activity.Member> people = memberIds.getOrDefault(id, List.of()).stream().map(known::get)
				.filter(m -> m != null)
				.map(m -> new Activity.Member(m.id(), m.name(), m.kind(), m.organisation(), m.stationId()))
				.toList();
			of.put(id, new Of(places.getOrDefault(id, List.of()), people));
		}
		return of;
	}

	/** What voters said, each non-blank text once: 5 to 5000 characters each, at most {@code max}. */
	static List<String> collected(List<String> given, int max, List<FieldProblem> problems) {
		if (given == null) {
			return List.of();
		}
		List<String> texts = given.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
		if (texts.size() > max) {
			problems.add(new FieldProblem("opinions", "duty.activity.opinions.too-many", max));
		}
		if (texts.stream().anyMatch(t -> t.codePointCount(0, t.length()) < 5 || t.codePointCount(0, t.length()) > 5000)) {
			problems.add(new FieldProblem("opinions", "duty.activity.opinion.length", 5, 5000));
		}
		return texts;
	}

	/** An activity's stations and members. */
	record Of(List<Activity.Place> stations, List<Activity.Member> members) {
	}
}
