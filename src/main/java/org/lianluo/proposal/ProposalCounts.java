package org.lianluo.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many proposals each deputy led and co-signed in a calendar year (Asia/Shanghai), for the duty record's
 * points: a proposal counts when it was submitted in the year and not withdrawn; a co-signature when the deputy
 * confirmed it on such a proposal. Unscoped: callers decide whose counts they show.
 */
@Service
public class ProposalCounts {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	ProposalCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<UUID, Counts> of(Collection<UUID> deputyIds, int year) {
		Map<UUID, Counts> result = new HashMap<>();
		if (deputyIds.isEmpty()) {
			return result;
		}
		UUID[] ids = deputyIds.toArray(UUID[]::new);
		OffsetDateTime start = LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime end = start.plusYears(1);
		jdbc.sql("""
				select p.lead_deputy_id, count(*) from proposal p
				where p.lead_deputy_id = any(?) and p.submitted_at >= ? and p.submitted_at < ?
				and p.status not in ('DRAFT', 'WITHDRAWN') group by p.lead_deputy_id""")
			.params(ids, start, end)
			.query(rs -> {
				result.merge(rs.getObject(1, UUID.class), new Counts(rs.getLong(2), 0), Counts::plus);
			});
		jdbc.sql("""
				select c.deputy_id, count(*) from proposal_cosigner c join proposal p on p.id = c.proposal_id
				where c.deputy_id = any(?) and c.answer = 'CONFIRMED' and p.submitted_at >= ? and p.submitted_at < ?
				and p.status not in ('DRAFT', 'WITHDRAWN') group by c.deputy_id""")
			.params(ids, start, end)
			.query(rs -> {
				result.merge(rs.getObject(1, UUID.class), new Counts(0, rs.getLong(2)), Counts::plus);
			});
		return result;
	}

	/** Proposals led and co-signatures given. */
	public record Counts(long led, long cosigned) {

		Counts plus(Counts other) {
			return new Counts(led + other.led, cosigned + other.cosigned);
		}
	}
}
