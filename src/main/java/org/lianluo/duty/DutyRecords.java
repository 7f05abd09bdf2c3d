package org.lianluo.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 履职档案: per deputy and year, the activities they signed in at (by type), the receptions among them, their
 * contacts as committee member or as contacted deputy, the opinions they received, and the points.
 */
@Service
@EnableConfigurationProperties(DutyProperties.class)
public class DutyRecords {

	private final JdbcClient jdbc;

	private final Deputies deputies;

	private final DutyProperties properties;

	DutyRecords(JdbcClient jdbc, Deputies deputies, DutyProperties properties) {
		this.jdbc = jdbc;
		this.deputies = deputies;
		this.properties = properties;
	}

	/** The record of a deputy the caller may see, else not found. */
	public DutyRecord of(UUID deputyId, int year) {
		Deputy deputy = deputies.get(deputyId);
		OffsetDateTime start = LocalDate.of(year, 1, 1).atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime();
		OffsetDateTime end = start.plusYears(1);
		Map<ActivityType, Long> byType = new EnumMap<>(ActivityType.class);
		jdbc.sql("""
				select a.type, count(*) from duty_activity a join duty_activity_deputy p on p.activity_id = a.id
				where p.deputy_id = ? and p.attendance = 'SIGNED_IN' and a.start_at >= ? and a.start_at < ? group by a.type""")
			.params(deputyId, start, end)
			.query(rs -> {
				byType.put(ActivityType.valueOf(rs.getString(1)), rs.getLong(2));
			});
		List<Entry> entries = jdbc.sql("""
				select a.id, a.type, a.title, a.start_at, p.attendance from duty_activity a
				join duty_activity_deputy p on p.activity_id = a.id
				where p.deputy_id = ? and a.start_at >= ? and a.start_at < ? order by a.start_at, a.id""")
			.params(deputyId, start, end)
			.query((rs, n) -> new Entry(rs.getObject(1, UUID.class), ActivityType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(DutyStatistics.ZONE).toOffsetDateTime(),
					Attendance.valueOf(rs.getString(5))))
			.list();
		long contacts = jdbc.sql("select count(*) from duty_contact where (member_id = ? or deputy_id = ?) and at >= ? and at < ?")
			.params(deputyId, deputyId, start, end).query(Long.class).single();
		long opinions = jdbc.sql("select count(*) from duty_opinion where deputy_id = ? and received_at >= ? and received_at < ?")
			.params(deputyId, start, end).query(Long.class).single();
		long attended = byType.values().stream().mapToLong(Long::longValue).sum();
		DutyProperties.Points points = properties.points();
		long score = byType.entrySet().stream().mapToLong(e -> e.getValue() * points.activity().get(e.getKey())).sum()
				+ contacts * points.contact() + opinions * points.opinion();
		return new DutyRecord(deputyId, deputy.name(), deputy.regionCode(), year, attended,
				byType.getOrDefault(ActivityType.RECEPTION, 0L), contacts, opinions, Map.copyOf(byType), score, entries);
	}

	public record DutyRecord(UUID deputyId, String name, String regionCode, int year, long activitiesAttended,
			long receptionsHeld, long contacts, long opinionsReceived, Map<ActivityType, Long> byType, long points,
			List<Entry> activities) {
	}

	/** One activity the deputy was invited to, with whether they came. */
	public record Entry(UUID activityId, ActivityType type, String title, OffsetDateTime startAt, Attendance attendance) {
	}
}
