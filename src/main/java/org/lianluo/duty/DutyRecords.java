package org.lianluo.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.deputy.Delegations;
import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.proposal.ProposalCounts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 履职档案: per deputy and year, the activities they signed in at (by type), the receptions among them, their
 * contacts as committee member or as contacted deputy, the opinions they received, the proposals they led and
 * co-signed, the points of the configured scheme ({@link DutyProperties}) and their rank by points in their
 * delegation (1 + the members with more points; equal points share a rank).
 */
@Service
@EnableConfigurationProperties(DutyProperties.class)
public class DutyRecords {

	private final JdbcClient jdbc;

	private final Deputies deputies;

	private final DutyProperties properties;

	private final ProposalCounts proposals;

	private final Delegations delegations;

	DutyRecords(JdbcClient jdbc, Deputies deputies, DutyProperties properties, ProposalCounts proposals,
			Delegations delegations) {
		this.jdbc = jdbc;
		this.deputies = deputies;
		this.properties = properties;
		this.proposals = proposals;
		this.delegations = delegations;
	}

	/** The record of a deputy the caller may see, else not found. */
	public DutyRecord of(UUID deputyId, int year) {
		Deputy deputy = deputies.get(deputyId);
		OffsetDateTime start = start(year);
		OffsetDateTime end = start(year + 1);
		List<Entry> entries = jdbc.sql("""
				select a.id, a.type, a.title, a.start_at, p.attendance from duty_activity a
				join duty_activity_deputy p on p.activity_id = a.id
				where p.deputy_id = ? and a.start_at >= ? and a.start_at < ? order by a.start_at, a.id""")
			.params(deputyId, start, end)
			.query((rs, n) -> new Entry(rs.getObject(1, UUID.class), ActivityType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(DutyStatistics.ZONE).toOffsetDateTime(),
					Attendance.valueOf(rs.getString(5))))
			.list();
		Tally mine = tallies(List.of(deputyId), year).get(deputyId);
		long attended = mine.byType().values().stream().mapToLong(Long::longValue).sum();
		List<UUID> members = delegations.members(deputy.delegation());
		Integer rank = null;
		if (members.contains(deputyId)) {
			long points = mine.points();
			rank = 1 + (int) tallies(members, year).values().stream().filter(t -> t.points() > points).count();
		}
		return new DutyRecord(deputyId, deputy.name(), deputy.regionCode(), year, attended,
				mine.byType().getOrDefault(ActivityType.RECEPTION, 0L), mine.contacts(), mine.opinions(),
				Map.copyOf(mine.byType()), mine.points(), entries, mine.proposalsLed(), mine.cosignatures(),
				deputy.delegation(), rank, members.contains(deputyId) ? members.size() : 0, mine.pointsByKind());
	}

	/** The points of each deputy in a year by the configured scheme; unscoped, for ranks and reports. */
	public Map<UUID, Long> points(Collection<UUID> deputyIds, int year) {
		Map<UUID, Long> result = new HashMap<>();
		tallies(deputyIds, year).forEach((id, t) -> result.put(id, t.points()));
		return result;
	}

	/** What counts for points, per deputy, in a year: a few grouped queries whatever the number of deputies. */
	private Map<UUID, Tally> tallies(Collection<UUID> deputyIds, int year) {
		UUID[] ids = deputyIds.stream().distinct().toArray(UUID[]::new);
		OffsetDateTime start = start(year);
		OffsetDateTime end = start(year + 1);
		Map<UUID, Map<ActivityType, Long>> byType = new HashMap<>();
		jdbc.sql("""
				select p.deputy_id, a.type, count(*) from duty_activity a join duty_activity_deputy p on p.activity_id = a.id
				where p.deputy_id = any(?) and p.attendance = 'SIGNED_IN' and a.start_at >= ? and a.start_at < ?
				group by p.deputy_id, a.type""")
			.params(ids, start, end)
			.query(rs -> {
				byType.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(ActivityType.class))
					.put(ActivityType.valueOf(rs.getString(2)), rs.getLong(3));
			});
		Map<UUID, Long> contacts = new HashMap<>();
		jdbc.sql("""
				select d, count(*) from (
				  select member_id as d from duty_contact where member_id = any(?) and at >= ? and at < ?
				  union all
				  select deputy_id as d from duty_contact where deputy_id = any(?) and at >= ? and at < ?) c group by d""")
			.params(ids, start, end, ids, start, end)
			.query(rs -> {
				contacts.put(rs.getObject(1, UUID.class), rs.getLong(2));
			});
		Map<UUID, Long> opinions = new HashMap<>();
		jdbc.sql("""
				select deputy_id, count(*) from duty_opinion where deputy_id = any(?) and received_at >= ? and received_at < ?
				group by deputy_id""")
			.params(ids, start, end)
			.query(rs -> {
				opinions.put(rs.getObject(1, UUID.class), rs.getLong(2));
			});
		Map<UUID, ProposalCounts.Counts> proposed = proposals.of(List.of(ids), year);
		DutyProperties.Points scheme = properties.points();
		Map<UUID, Tally> result = new HashMap<>();
		for (UUID id : ids) {
			Map<ActivityType, Long> types = byType.getOrDefault(id, Map.of());
			ProposalCounts.Counts p = proposed.getOrDefault(id, new ProposalCounts.Counts(0, 0));
			result.put(id, new Tally(types, contacts.getOrDefault(id, 0L), opinions.getOrDefault(id, 0L), p.led(), p.cosigned(),
					scheme));
		}
		return result;
	}

	static OffsetDateTime start(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime();
	}

	private record Tally(Map<ActivityType, Long> byType, long contacts, long opinions, long proposalsLed, long cosignatures,
			DutyProperties.Points scheme) {

		PointsByKind pointsByKind() {
			return new PointsByKind(byType.entrySet().stream().mapToLong(e -> e.getValue() * scheme.activity().get(e.getKey())).sum(),
					contacts * scheme.contact(), opinions * scheme.opinion(), proposalsLed * scheme.proposal(),
					cosignatures * scheme.cosignature());
		}

		long points() {
			return pointsByKind().total();
		}
	}

	/**
	 * A deputy's year. {@code rank} is their place by points among the {@code delegationSize} deputies of their
	 * delegation (null when they have none).
	 */
	public record DutyRecord(UUID deputyId, String name, String regionCode, int year, long activitiesAttended,
			long receptionsHeld, long contacts, long opinionsReceived, Map<ActivityType, Long> byType, long points,
			List<Entry> activities, long proposalsLed, long cosignatures, String delegation, Integer rank,
			int delegationSize, PointsByKind pointsByKind) {
	}

	/** Where the points came from. */
	public record PointsByKind(long activities, long contacts, long opinions, long proposals, long cosignatures) {

		public long total() {
			return activities + contacts + opinions + proposals + cosignatures;
		}
	}

	/** One activity the deputy was invited to, with whether they came. */
	public record Entry(UUID activityId, ActivityType type, String title, OffsetDateTime startAt, Attendance attendance) {
	}

}
