package org.lianluo.proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Session;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The overdue board of a session (逾期未办结): per lead unit, the proposals still held past their reply deadline,
 * most overdue first, and how many of the unit's replies came late. For the office and leaders in scope. Where
 * several units reply separately, each unit's part stands in that unit's line with its own state and deadline.
 */
@Service
public class ProposalBoard {

	private final JdbcClient jdbc;

	private final Congresses congresses;

	private final Units units;

	private final Clock clock;

	ProposalBoard(JdbcClient jdbc, Congresses congresses, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.congresses = congresses;
		this.units = units;
		this.clock = clock;
	}

	public Board overdue(UUID sessionId) {
		Actor user = Actor.current();
		if (!user.has(Role.ASSESSOR) && !user.has(Role.LEADER)) {
			throw LianluoException.forbidden();
		}
		Session session = congresses.findSession(sessionId).orElseThrow(LianluoException::notFound);
		user.scope().check(session.regionCode());
		Instant now = clock.instant();
		List<Late> late = jdbc.sql("""
				select id, number, title, lead_unit_id, status, deadline, supervision_level, key_supervised
				from proposal where session_id = :session and lead_unit_id is not null
				  and status in ('ASSIGNED', 'HANDLING', 'RE_HANDLING') and deadline < :now
				union all
				select p.id, p.number, p.title, s.unit_id, s.status, s.deadline, s.supervision_level, p.key_supervised
				from proposal_separate_unit s join proposal p on p.id = s.proposal_id where p.session_id = :session
				  and s.status in ('ASSIGNED', 'HANDLING', 'RE_HANDLING') and s.deadline < :now
				order by 6, 2""")
			.param("session", sessionId)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query((rs, n) -> {
				Instant deadline = rs.getObject(6, OffsetDateTime.class).toInstant();
				return new Late(rs.getObject(1, UUID.class), (Integer) rs.getObject(2), rs.getString(3),
						rs.getObject(4, UUID.class), ProposalStatus.valueOf(rs.getString(5)), deadline,
						ChronoUnit.DAYS.between(deadline.atZone(WorkingCalendar.ZONE).toLocalDate(),
								now.atZone(WorkingCalendar.ZONE).toLocalDate()),
						rs.getInt(7), rs.getBoolean(8));
			})
			.list();
		Map<UUID, Long> repliedLate = jdbc.sql("""
				select unit_id, count(*) from (
				  select lead_unit_id as unit_id from proposal
				  where session_id = :session and lead_unit_id is not null and replied_on_time = false
				  union all
				  select s.unit_id from proposal_separate_unit s join proposal p on p.id = s.proposal_id
				  where p.session_id = :session and s.status <> 'RETURNED' and s.replied_on_time = false) late
				group by unit_id""")
			.param("session", sessionId)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<UUID, List<Late>> byUnit = new LinkedHashMap<>();
		late.forEach(l -> byUnit.computeIfAbsent(l.leadUnitId(), u -> new ArrayList<>()).add(l));
		repliedLate.keySet().forEach(u -> byUnit.computeIfAbsent(u, x -> new ArrayList<>()));
		Map<UUID, String> names = units.findAll(byUnit.keySet()).stream()
			.collect(Collectors.toMap(HandlingUnit::id, HandlingUnit::name));
		List<UnitLine> lines = new ArrayList<>();
		byUnit.forEach((unit, items) -> {
			items.sort(Comparator.comparing(Late::daysOverdue).reversed());
			lines.add(new UnitLine(unit, names.get(unit), items.size(), repliedLate.getOrDefault(unit, 0L), items));
		});
		lines.sort(Comparator.comparing(UnitLine::overdue).reversed().thenComparing(UnitLine::repliedLate, Comparator.reverseOrder())
			.thenComparing(l -> String.valueOf(l.unitName())));
		return new Board(sessionId, late.size(), lines);
	}

	/** A session's board: how many are overdue now, and per unit. */
	public record Board(UUID sessionId, int overdue, List<UnitLine> units) {
	}

	/** A unit's line: its proposals overdue now and how many of its replies came after the deadline. */
	public record UnitLine(UUID unitId, String unitName, int overdue, long repliedLate, List<Late> proposals) {
	}

	/** A proposal (or a unit's part of it) past its reply deadline, by how many calendar days. */
	public record Late(UUID id, Integer number, String title, UUID leadUnitId, ProposalStatus status, Instant deadline,
			long daysOverdue, int supervisionLevel, boolean keySupervised) {
	}
}
