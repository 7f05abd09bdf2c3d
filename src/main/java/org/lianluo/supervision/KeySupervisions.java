package org.lianluo.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Page;
import org.lianluo.platform.Text;
import org.lianluo.proposal.KeySupervising;
import org.lianluo.supervision.KeySupervision.Status;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key supervision (重点督办): a leader takes any item of their region, a committee's member an item of the
 * committee's fields; who took it (a leader of the region, the committee's members) writes instructions, invites
 * deputies and concludes it. The office sees every one of its region, a unit those of the items it handles, an
 * invited deputy the one they take part in; anyone else gets 404.
 */
@Service
public class KeySupervisions {

	private static final String SELECT = """
			select k.id, k.item_type, k.item_id, k.item_title, k.region_code, k.committee_id, k.committee_name, k.topic,
			  k.status, k.taken_by, k.taken_at, k.concluded_by, k.concluded_at, k.conclusion
			from key_supervision k""";

	private final JdbcClient jdbc;

	private final SupervisedItems items;

	private final Committees committees;

	private final Deputies deputies;

	private final KeySupervising proposalMarks;

	KeySupervisions(JdbcClient jdbc, SupervisedItems items, Committees committees, Deputies deputies,
			KeySupervising proposalMarks) {
		this.jdbc = jdbc;
		this.items = items;
		this.committees = committees;
		this.deputies = deputies;
		this.proposalMarks = proposalMarks;
	}

	/** {@code POST /api/v1/key-supervisions}; {@code instruction}: a first instruction, optional. */
	public record Take(ItemType itemType, UUID itemId, String topic, UUID committeeId, String instruction) {
	}

	@Transactional
	public KeySupervision take(Take c, Actor actor, Moment at) {
		boolean mayTake = c.committeeId() == null ? actor.has(Role.LEADER)
				: committees.ofMember(actor.id()).stream().anyMatch(m -> m.id().equals(c.committeeId()));
		if (!mayTake) {
			throw LianluoException.forbidden();
		}
		if (c.itemType() == null) {
			throw LianluoException.invalidField("itemType", "supervision.item-type");
		}
		SupervisedItem item = items.find(c.itemType(), c.itemId())
			.orElseThrow(() -> LianluoException.invalidField("itemId", "supervision.item.unknown"));
		String topic = Text.required("topic", c.topic(), 100);
		String first = Text.optional("instruction", c.instruction(), 2000);
		Committee committee = null;
		if (c.committeeId() == null) {
			actor.require(Role.LEADER);
			actor.scope().check(item.regionCode());
		}
		else {
			committee = committees.ofMember(actor.id()).stream().filter(m -> m.id().equals(c.committeeId()))
				.findFirst().orElseThrow(LianluoException::forbidden);
			if (!committee.covers(item)) {
				throw LianluoException.invalidField("committeeId", "supervision.committee.not-its-field", committee.name());
			}
			if (!item.regionCode().startsWith(new org.lianluo.region.RegionCode(committee.regionCode()).subtreePrefix())) {
				throw LianluoException.invalidField("committeeId", "supervision.committee.not-its-region", committee.name());
			}
		}
		UUID id = Ids.newId();
		try {
			jdbc.sql("""
					insert into key_supervision (id, region_code, item_type, item_id, item_title, committee_id, committee_name,
					  topic, status, taken_by, taken_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
				.params(id, item.regionCode(), item.type().name(), item.id(), item.title(), c.committeeId(),
						committee == null ? null : committee.name(), topic, actor.username(), time(at)).update();
		}
		catch (DuplicateKeyException ex) {
			throw LianluoException.conflict("supervision.already");
		}
		if (first != null) {
			addInstruction(id, first, actor, at);
		}
		if (item.type() == ItemType.PROPOSAL) {
			proposalMarks.markTaken(item.id(), topic, actor.username(), at);
		}
		return load(id).orElseThrow();
	}

	@Transactional
	public KeySupervision instruct(UUID id, String text, Actor actor, Moment at) {
		KeySupervision k = directed(id, actor);
		addInstruction(id, Text.required("text", text, 2000), actor, at);
		return load(k.id()).orElseThrow();
	}

	@Transactional
	public KeySupervision invite(UUID id, List<UUID> deputyIds, Actor actor, Moment at) {
		KeySupervision k = directed(id, actor);
		Set<UUID> wanted = new LinkedHashSet<>(deputyIds == null ? List.of() : deputyIds);
		wanted.remove(null);
		if (wanted.isEmpty()) {
			throw LianluoException.invalidField("deputyIds", "supervision.deputies.required");
		}
		for (UUID d : wanted) {
			DeputySummary deputy = deputies.find(d).orElse(null);
			if (deputy == null || !actor.scope().covers(deputy.regionCode())) {
				throw LianluoException.invalidField("deputyIds", "supervision.deputies.unknown");
			}
		}
		for (UUID d : wanted) {
			jdbc.sql("""
					insert into key_supervision_deputy (supervision_id, deputy_id, invited_by, invited_at) values (?, ?, ?, ?)
					on conflict do nothing""").params(id, d, actor.username(), time(at)).update();
		}
		return load(k.id()).orElseThrow();
	}

	@Transactional
	public KeySupervision conclude(UUID id, String conclusion, Actor actor, Moment at) {
		directed(id, actor);
		String text = Text.required("conclusion", conclusion, 2000);
		int changed = jdbc.sql("""
				update key_supervision set status = 'CONCLUDED', concluded_by = ?, concluded_at = ?, conclusion = ?,
				  version = version + 1 where id = ? and status = 'OPEN'""")
			.params(actor.username(), time(at), text, id).update();
		if (changed == 0) {
			throw LianluoException.conflict("supervision.concluded");
		}
		return load(id).orElseThrow();
	}

	/** One the actor may see, or 404. Not one transaction: the loops' own reads of the item each run in theirs. */
	public KeySupervision get(UUID id, Actor actor) {
		return load(id).filter(k -> maySee(k, actor)).orElseThrow(LianluoException::notFound);
	}

	/** Those the actor may see, newest first; of one item, or OPEN or CONCLUDED ones. */
	public Page<KeySupervision> list(UUID itemId, Status status, Actor actor, int page, int size) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where k.region_code like ?");
		params.add(actor.scope().regionPattern());
		if (itemId != null) {
			where.append(" and k.item_id = ?");
			params.add(itemId);
		}
		if (status != null) {
			where.append(" and k.status = ?");
			params.add(status.name());
		}
		List<KeySupervision> seen = jdbc.sql(SELECT + where + " order by k.taken_at desc, k.id limit 1000").params(params)
			.query(this::row).list().stream().map(this::complete).filter(k -> maySee(k, actor)).toList();
		return Page.of(seen, page, size);
	}

	/** Whether the actor directs it: a leader of its region, or a member of its committee. */
	public boolean directs(KeySupervision k, Actor actor) {
		if (actor.has(Role.LEADER) && actor.scope().covers(k.regionCode())) {
			return true;
		}
		return k.committeeId() != null && committees.ofMember(actor.id()).stream().anyMatch(c -> c.id().equals(k.committeeId()));
	}

	/** The committees the actor may take the item for: theirs whose fields and region hold it. */
	public List<Committee> committeesFor(SupervisedItem item, Actor actor) {
		return committees.ofMember(actor.id()).stream().filter(c -> c.covers(item))
			.filter(c -> item.regionCode().startsWith(new org.lianluo.region.RegionCode(c.regionCode()).subtreePrefix()))
			.toList();
	}

	/** Whether the actor may open the item itself (an invited deputy may not, unless it is theirs anyway). */
	public boolean itemVisibleTo(KeySupervision k, Actor actor) {
		return items.visibleTo(k.itemType(), k.itemId(), actor);
	}

	public Optional<SupervisedItem> item(ItemType type, UUID id) {
		return items.find(type, id);
	}

	private boolean maySee(KeySupervision k, Actor actor) {
		if (directs(k, actor) || actor.has(Role.ASSESSOR) && actor.scope().covers(k.regionCode())) {
			return true;
		}
		if (actor.has(Role.DEPUTY) && k.invited(actor.deputyId())) {
			return true;
		}
		return actor.has(Role.UNIT_HANDLER) && items.visibleTo(k.itemType(), k.itemId(), actor);
	}

	private KeySupervision directed(UUID id, Actor actor) {
		KeySupervision k = get(id, actor);
		if (!directs(k, actor)) {
			throw LianluoException.forbidden();
		}
		if (k.status() != Status.OPEN) {
			throw LianluoException.conflict("supervision.concluded");
		}
		return k;
	}

	private void addInstruction(UUID id, String text, Actor actor, Moment at) {
		jdbc.sql("""
				insert into key_supervision_instruction (id, supervision_id, text, author, author_name, at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), id, text, actor.username(), actor.displayName() == null ? actor.username() : actor.displayName(),
					time(at)).update();
	}

	private Optional<KeySupervision> load(UUID id) {
		return jdbc.sql(SELECT + " where k.id = ?").param(id).query(this::row).optional().map(this::complete);
	}

	private KeySupervision complete(KeySupervision k) {
		List<KeySupervision.Instruction> instructions = jdbc.sql("""
				select text, author, author_name, at from key_supervision_instruction where supervision_id = ? order by at, id""")
			.param(k.id())
			.query((rs, n) -> new KeySupervision.Instruction(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
		List<Object[]> invited = jdbc.sql("select deputy_id, invited_at from key_supervision_deputy where supervision_id = ? order by invited_at")
			.param(k.id()).query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class) })
			.list();
		List<KeySupervision.Participant> participants = invited.stream()
			.map(r -> new KeySupervision.Participant((UUID) r[0],
					deputies.find((UUID) r[0]).map(DeputySummary::name).orElse(""), ((OffsetDateTime) r[1]).toInstant()))
			.toList();
		return new KeySupervision(k.id(), k.itemType(), k.itemId(), k.itemTitle(), k.regionCode(), k.committeeId(),
				k.committeeName(), k.topic(), k.status(), k.takenBy(), k.takenAt(), k.concludedBy(), k.concludedAt(),
				k.conclusion(), instructions, participants);
	}

	private KeySupervision row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime concluded = rs.getObject(13, OffsetDateTime.class);
		return new KeySupervision(rs.getObject(1, UUID.class), ItemType.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
				Status.valueOf(rs.getString(9)), rs.getString(10), rs.getObject(11, OffsetDateTime.class).toInstant(),
				rs.getString(12), concluded == null ? null : concluded.toInstant(), rs.getString(14), List.of(), List.of());
	}

	private static OffsetDateTime time(Moment at) {
		return OffsetDateTime.ofInstant(at.now(), ZoneOffset.UTC);
	}
}
