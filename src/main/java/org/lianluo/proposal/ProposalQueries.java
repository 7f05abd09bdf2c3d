package org.lianluo.proposal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Lists of proposals, always within the caller's scope: their region's subtree; a unit handler only what
 * their unit leads or assists; a deputy only what they lead or co-sign. Lists leave drafts to their deputies.
 */
@Service
public class ProposalQueries {

	private final JdbcClient jdbc;

	ProposalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static boolean canSee(Actor user, Proposal p) {
		Scope scope = user.scope();
		if (scope.unitId() != null) {
			return p.getHandlingUnitIds().contains(scope.unitId()) || p.getAssistingUnitIds().contains(scope.unitId());
		}
		if (scope.deputyId() != null) {
			return scope.deputyId().equals(p.getLeadDeputyId()) || p.getCosignerIds().contains(scope.deputyId());
		}
		return scope.covers(p.getRegionCode());
	}

	public Page<Row> list(Filter f, int page, int size) {
		Scope scope = Actor.current().scope();
		// A unit's own part, when several units reply separately: the unit's workbench shows its state and deadline.
		StringBuilder where = new StringBuilder(
				" left join proposal_separate_unit s on s.proposal_id = p.id and s.unit_id = ? and s.status <> 'RETURNED'"
						+ " where p.region_code like ?");
		List<Object> params = new ArrayList<>();
		params.add(scope.unitId() == null ? new UUID(0, 0) : scope.unitId());
		params.add(scope.narrow(f.region()));
		if (scope.unitId() != null) {
			where.append(" and (p.lead_unit_id = ? or s.unit_id is not null"
					+ " or exists (select 1 from proposal_assisting_unit a where a.proposal_id = p.id and a.unit_id = ?))");
			params.add(scope.unitId());
			params.add(scope.unitId());
		}
		else if (scope.deputyId() != null) {
			where.append(" and (p.lead_deputy_id = ? or exists (select 1 from proposal_cosigner c where c.proposal_id = p.id and c.deputy_id = ?))");
			params.add(scope.deputyId());
			params.add(scope.deputyId());
		}
		else {
			where.append(" and p.status <> 'DRAFT'");
		}
		if (f.status() != null) {
			where.append(" and p.status = ?");
			params.add(f.status().name());
		}
		if (f.sessionId() != null) {
			where.append(" and p.session_id = ?");
			params.add(f.sessionId());
		}
		if (f.keySupervised() != null) {
			where.append(" and p.key_supervised = ?");
			params.add(f.keySupervised());
		}
		if (f.q() != null && !f.q().isBlank()) {
			where.append(" and p.title like ?");
			params.add("%" + f.q().strip().replace("%", "").replace("_", "") + "%");
		}
		long total = jdbc.sql("select count(*) from proposal p" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<Row> items = jdbc.sql("""
				select p.id, p.session_id, p.number, p.title, coalesce(s.status, p.status), p.lead_deputy_id,
				coalesce(s.unit_id, p.lead_unit_id), coalesce(s.deadline, p.deadline),
				case when s.id is null then p.reply_class else s.reply_class end, p.key_supervised, p.created_at,
				coalesce((select array_agg(u.unit_id order by u.position) from proposal_separate_unit u
				  where u.proposal_id = p.id and u.status <> 'RETURNED'), '{}')
				from proposal p""" + where
				+ " order by p.number nulls last, p.created_at desc, p.id limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), (Integer) rs.getObject(3),
					rs.getString(4), ProposalStatus.valueOf(rs.getString(5)), rs.getObject(6, UUID.class),
					rs.getObject(7, UUID.class), instant(rs.getObject(8, OffsetDateTime.class)),
					rs.getString(9) == null ? null : ReplyClass.valueOf(rs.getString(9)), rs.getBoolean(10),
					List.of((UUID[]) rs.getArray(12).getArray())))
			.list();
		return new Page<>(items, page, size, total);
	}

	/**
	 * What the search module indexes of a proposal: its words, where it belongs and who may see it (units,
	 * the lead deputy and co-signers). Drafts are not indexed.
	 */
	public record IndexEntry(UUID id, Integer number, String regionCode, ProposalStatus status, java.time.Instant at,
			String title, String content, String replyText, List<UUID> parties) {
	}

	private static final String INDEX_SELECT = """
			select p.id, p.number, p.region_code, p.status, coalesce(p.submitted_at, p.created_at) as at, p.title, p.content,
			p.reply_text,
			array[p.lead_deputy_id] || array_remove(array[p.lead_unit_id], null)
			|| coalesce((select array_agg(a.unit_id) from proposal_assisting_unit a where a.proposal_id = p.id), '{}')
			|| coalesce((select array_agg(s.unit_id) from proposal_separate_unit s where s.proposal_id = p.id), '{}')
			|| coalesce((select array_agg(c.deputy_id) from proposal_cosigner c where c.proposal_id = p.id), '{}') as parties
			from proposal p""";

	public java.util.Optional<IndexEntry> indexEntry(UUID id) {
		return jdbc.sql(INDEX_SELECT + " where p.id = ? and p.status <> 'DRAFT'").param(id)
			.query((rs, n) -> indexEntry(rs)).optional();
	}

	/** The next {@code limit} proposals (not drafts) after {@code after} in id order, for a rebuild of the index. */
	public List<IndexEntry> indexPage(UUID after, int limit) {
		return jdbc.sql(INDEX_SELECT + " where p.id > ? and p.status <> 'DRAFT' order by p.id limit ?")
			.params(after == null ? new UUID(0, 0) : after, limit)
			.query((rs, n) -> indexEntry(rs))
			.list();
	}

	private static IndexEntry indexEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new IndexEntry(rs.getObject("id", UUID.class), (Integer) rs.getObject("number"), rs.getString("region_code"),
				ProposalStatus.valueOf(rs.getString("status")), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("title"), rs.getString("content"), rs.getString("reply_text"),
				List.of((UUID[]) rs.getArray("parties").getArray()));
	}

	/**
	 * Replies their units marked public (办理结果公开), newest first, for anyone: the number, title, unit and reply of
	 * a registered proposal, never who proposed it. {@code region}: a county (or any region) and below. Where several
	 * units reply separately, each unit's public reply is one item.
	 */
	public Page<PublicReply> publicReplies(String region, int page, int size) {
		String pattern = region == null || !RegionCode.isValid(region) ? "%" : new RegionCode(region).subtreePrefix() + "%";
		long total = jdbc.sql("select count(*) from (" + PUBLIC_REPLIES + ") r").param("pattern", pattern)
			.query(Long.class).single();
		List<PublicReply> items = jdbc.sql("select * from (" + PUBLIC_REPLIES
				+ ") r order by replied_at desc, id, lead_unit_id limit :size offset :offset")
			.param("pattern", pattern).param("size", size).param("offset", (long) page * size)
			.query((rs, n) -> new PublicReply(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					(Integer) rs.getObject(3), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
					ReplyClass.valueOf(rs.getString(7)), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()))
			.list();
		return new Page<>(items, page, size, total);
	}

	private static final String PUBLIC_REPLIES = """
			select id, session_id, number, region_code, title, lead_unit_id, reply_class, reply_text, replied_at
			from proposal where reply_public and replied_at is not null and lead_unit_id is not null and region_code like :pattern
			union all
			select p.id, p.session_id, p.number, p.region_code, p.title, s.unit_id, s.reply_class, s.reply_text, s.replied_at
			from proposal_separate_unit s join proposal p on p.id = s.proposal_id
			where s.reply_public and s.replied_at is not null and s.status <> 'RETURNED' and p.region_code like :pattern""";

	/** A public reply as the portal shows it: no deputy, no staff, nothing personal. */
	public record PublicReply(UUID id, UUID sessionId, Integer number, String regionCode, String title, UUID leadUnitId,
			ReplyClass replyClass, String replyText, java.time.Instant repliedAt) {
	}

	/** Proposals where the caller is a co-signer who has not answered yet. */
	public List<UUID> pendingCosignRequests(UUID deputyId) {
		return jdbc.sql("""
				select p.id from proposal p join proposal_cosigner c on c.proposal_id = p.id
				where c.deputy_id = ? and c.answer = 'PENDING' and p.status in ('DRAFT', 'SUBMITTED') order by p.created_at""")
			.param(deputyId).query(UUID.class).list();
	}

	private static java.time.Instant instant(OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}

	/** What lists may filter by. */
	public record Filter(ProposalStatus status, UUID sessionId, String region, Boolean keySupervised, String q) {
	}

	/**
	 * One line of a list; {@code separateUnitIds}: the units replying separately when there are several. A unit's
	 * handler sees its own part: its unit as {@code leadUnitId}, its part's state, deadline and reply class.
	 */
	public record Row(UUID id, UUID sessionId, Integer number, String title, ProposalStatus status, UUID leadDeputyId,
			UUID leadUnitId, java.time.Instant deadline, ReplyClass replyClass, boolean keySupervised,
			List<UUID> separateUnitIds) {
	}
}
