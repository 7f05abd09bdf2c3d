package org.lianluo.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily check of the contact plans: a pair's contacts are due evenly through the year, the i-th of
 * {@code target} by the end of the i-th of {@code target} equal parts of it, so that on a day the pair should have
 * {@code floor(target × days passed / days in the year)}; a pair with fewer is behind, and a
 * {@link DutyEvents.ContactPlanBehind} tells the committee member and the assessors (the notification module
 * listens). Runs on db-scheduler, one node at a time ({@code DutyTasks}).
 */
@Service
public class ContactReminders {

	private final JdbcClient jdbc;

	private final Deputies deputies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ContactReminders(JdbcClient jdbc, Deputies deputies, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.deputies = deputies;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public int sweep() {
		return sweep(LocalDate.now(clock.withZone(DutyStatistics.ZONE)));
	}

	/** Checks the plans of {@code on}'s year as they stand on that day; answers how many pairs are behind. */
	@Transactional
	public int sweep(LocalDate on) {
		int year = on.getYear();
		record Pair(UUID member, UUID deputy, int target, String region, int contacts) {
		}
		List<Pair> behind = jdbc.sql("""
				select p.member_id, p.deputy_id, p.target, p.region_code,
				  (select count(*) from duty_contact k where k.member_id = p.member_id and k.deputy_id = p.deputy_id
				    and k.at >= ? and k.at < ?)
				from duty_contact_plan p where p.year = ? order by p.region_code, p.member_id, p.deputy_id""")
			.params(DutyRecords.start(year), DutyRecords.start(year + 1), year)
			.query((rs, n) -> new Pair(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
					rs.getInt(5)))
			.list()
			.stream()
			.filter(p -> p.contacts() < expected(p.target(), on))
			.toList();
		Map<UUID, String> names = deputies.findAll(behind.stream().flatMap(p -> Stream.of(p.member(), p.deputy())).distinct().toList())
			.stream().collect(Collectors.toMap(DeputySummary::id, DeputySummary::name));
		behind.forEach(p -> events.publishEvent(new DutyEvents.ContactPlanBehind(year, p.member(), names.getOrDefault(p.member(), ""),
				p.deputy(), names.getOrDefault(p.deputy(), ""), p.target(), p.contacts(), expected(p.target(), on), p.region())));
		return behind.size();
	}

	/** The contacts due by {@code on}, of a target for its year. */
	static int expected(int target, LocalDate on) {
		int days = Year.of(on.getYear()).length();
		return (int) ((long) target * on.getDayOfYear() / days);
	}
}
