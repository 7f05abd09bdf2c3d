package org.lianluo.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Workbench;
import org.lianluo.region.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The proposal loop's queues on the workbench: ASSESSOR's proposals to register (SUBMITTED) and to assign
 * (REGISTERED); DEPUTY's proposals awaiting my rating (a reply given to me as lead deputy: the proposal REPLIED, or
 * one of its separate units' parts REPLIED). Oldest first. It reads only the columns {@code proposal.id, title,
 * status, lead_deputy_id, submitted_at, registered_at, replied_at} and {@code proposal_separate_unit.proposal_id,
 * status, replied_at}, so a change to how a proposal's units are stored touches one query here.
 */
@Component
public class ProposalQueues implements Workbench {

	private final JdbcClient jdbc;

	ProposalQueues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Panel> panels(Actor actor, LocalDate today) {
		List<Panel> panels = new ArrayList<>();
		if (actor.has(Role.ASSESSOR)) {
			panels.add(queue(Role.ASSESSOR, "workbench.proposal.register", "p.submitted_at", "where p.status = 'SUBMITTED'"));
			panels.add(queue(Role.ASSESSOR, "workbench.proposal.assign", "p.registered_at", "where p.status = 'REGISTERED'"));
		}
		if (actor.has(Role.DEPUTY)) {
			UUID deputy = actor.deputyId() == null ? Actor.NO_LINK : actor.deputyId();
			panels.add(queue(Role.DEPUTY, "workbench.proposal.rate", "p.replied_at", """
					where p.lead_deputy_id = ? and (p.status = 'REPLIED' or exists (select 1 from proposal_separate_unit s
					where s.proposal_id = p.id and s.status = 'REPLIED'))""", deputy));
		}
		return panels;
	}

	private Panel queue(Role role, String key, String at, String where, Object... params) {
		long count = jdbc.sql("select count(*) from proposal p " + where).params(params).query(Long.class).single();
		List<Item> items = jdbc
			.sql("select p.id, p.title, " + at + " at from proposal p " + where + " order by " + at
					+ " nulls last, p.id limit " + SHOWN)
			.params(params)
			.query((rs, n) -> {
				OffsetDateTime when = rs.getObject("at", OffsetDateTime.class);
				return new Item(rs.getString("title"), "",
						when == null ? "" : when.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate().toString(),
						"/proposals/" + rs.getObject("id", UUID.class));
			})
			.list();
		return new Panel(role, key, count, items);
	}
}
