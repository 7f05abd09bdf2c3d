package org.lianluo.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Session;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of a session's proposals, in total and per lead unit: 办复率 replied / assigned, 按时办复率
 * replied by the deadline / assigned, 解决率 A+B / replied, 满意率 (basically) satisfied / rated, 见面沟通率
 * replied after an in-person contact / replied, and the shares of the reply classes. Each proposal counts
 * with its latest reply and rating. A proposal assigned SEPARATE to several units counts once per unit (件次), with
 * that unit's own reply, rating and contacts, in the unit's line and in the total; a part its unit returned does not
 * count. Only {@code registered} counts proposals as such.
 */
@Service
public class ProposalKpis {

	private final JdbcClient jdbc;

	private final Congresses congresses;

	private final Units units;

	ProposalKpis(JdbcClient jdbc, Congresses congresses, Units units) {
		this.jdbc = jdbc;
		this.congresses = congresses;
		this.units = units;
	}

	public Report report(UUID sessionId) {
		Actor user = Actor.current();
		if (!user.has(Role.ASSESSOR) && !user.has(Role.LEADER)) {
			throw LianluoException.forbidden();
		}
		Session session = congresses.findSession(sessionId).orElseThrow(LianluoException::notFound);
		user.scope().check(session.regionCode());
		List<Figures> byUnit = jdbc.sql("""
				with handled as (
				  select p.id, p.lead_unit_id as unit_id, p.replied_at, p.replied_on_time, p.reply_class, p.grade
				  from proposal p where p.session_id = :session and p.lead_unit_id is not null
				  union all
				  select p.id, s.unit_id, s.replied_at, s.replied_on_time, s.reply_class, s.grade
				  from proposal_separate_unit s join proposal p on p.id = s.proposal_id
				  where p.session_id = :session and s.status <> 'RETURNED')
				select h.unit_id, count(*),
				  count(*) filter (where h.replied_at is not null),
				  count(*) filter (where h.replied_on_time),
				  count(*) filter (where h.reply_class = 'A'), count(*) filter (where h.reply_class = 'B'),
				  count(*) filter (where h.reply_class = 'C'), count(*) filter (where h.reply_class = 'D'),
				  count(*) filter (where h.grade is not null),
				  count(*) filter (where h.grade in ('SATISFIED', 'BASICALLY_SATISFIED')),
				  count(*) filter (where h.replied_at is not null and exists (select 1 from proposal_contact c
				    where c.proposal_id = h.id and c.unit_id = h.unit_id and c.method <> 'PHONE'))
				from handled h group by h.unit_id""")
			.param("session", sessionId)
			.query((rs, n) -> new Figures(rs.getObject(1, UUID.class), null, rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)))
			.list();
		Map<UUID, String> names = units.findAll(byUnit.stream().map(Figures::unitId).toList()).stream()
			.collect(Collectors.toMap(HandlingUnit::id, HandlingUnit::name));
		List<Figures> named = new ArrayList<>();
		byUnit.forEach(f -> named.add(f.named(names.get(f.unitId()))));
		named.sort(java.util.Comparator.comparing(Figures::assigned).reversed().thenComparing(f -> String.valueOf(f.unitName())));
		Figures total = named.stream().reduce(Figures.ZERO, Figures::plus);
		long registered = jdbc.sql("select count(*) from proposal where session_id = ? and number is not null")
			.param(sessionId).query(Long.class).single();
		return new Report(sessionId, registered, total, named);
	}

	/** A session's figures. */
	public record Report(UUID sessionId, long registered, Figures total, List<Figures> byUnit) {
	}

	/** Counts and the rates computed from them: fractions 0..1, null when nothing is there to divide. */
	public record Figures(UUID unitId, String unitName, long assigned, long replied, long onTime, long classA,
			long classB, long classC, long classD, long rated, long satisfied, long metInPerson) {

		static final Figures ZERO = new Figures(null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		Figures named(String name) {
			return new Figures(unitId, name, assigned, replied, onTime, classA, classB, classC, classD, rated, satisfied,
					metInPerson);
		}

		Figures plus(Figures o) {
			return new Figures(null, null, assigned + o.assigned, replied + o.replied, onTime + o.onTime,
					classA + o.classA, classB + o.classB, classC + o.classC, classD + o.classD, rated + o.rated,
					satisfied + o.satisfied, metInPerson + o.metInPerson);
		}

		@JsonProperty
		public Double replyRate() {
			return rate(replied, assigned);
		}

		@JsonProperty
		public Double onTimeRate() {
			return rate(onTime, assigned);
		}

		@JsonProperty
		public Double solvedRate() {
			return rate(classA + classB, replied);
		}

		@JsonProperty
		public Double satisfactionRate() {
			return rate(satisfied, rated);
		}

		@JsonProperty
		public Double inPersonRate() {
			return rate(metInPerson, replied);
		}

		@JsonProperty
		public Double shareA() {
			return rate(classA, replied);
		}

		@JsonProperty
		public Double shareB() {
			return rate(classB, replied);
		}

		@JsonProperty
		public Double shareC() {
			return rate(classC, replied);
		}

		@JsonProperty
		public Double shareD() {
			return rate(classD, replied);
		}


		private static Double rate(long part, long whole) {
			return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 1000.0;
		}
	}
}
