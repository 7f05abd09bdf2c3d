package org.lianluo.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The proposal aggregates, written by hand with named parameters: each table's row from one column map, for insert
 * and update alike; one statement per row written; the aggregate's events published once it is stored.
 */
@Repository
class Proposals {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Proposals(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	Optional<Proposal> findById(UUID id) {
		return jdbc.sql("select * from proposal where id = :id").param("id", id).query(this::proposal).optional()
			.map(this::withChildren);
	}

	/** The proposal drafted from this opinion (one is all it gets). */
	Optional<Proposal> findFirstByOpinionId(UUID opinionId) {
		return jdbc.sql("select * from proposal where opinion_id = :opinion order by created_at limit 1")
			.param("opinion", opinionId).query(this::proposal).optional().map(this::withChildren);
	}

	/** Stores a new proposal (version 0) or the changes of a loaded one (version + 1). */
	Proposal save(Proposal p) {
		Map<String, Object> row = columns(p);
		if (p.version == null) {
			row.put("version", 0L);
			insert("proposal", row);
			p.version = 0L;
		}
		else {
			String set = row.keySet().stream().filter(c -> !c.equals("id")).map(c -> c + " = :" + c)
				.collect(Collectors.joining(", "));
			row.put("version", p.version);
			int updated = jdbc.sql("update proposal set " + set + ", version = version + 1 where id = :id and version = :version")
				.params(row).update();
			if (updated != 1) {
				throw new OptimisticLockingFailureException("proposal " + p.id + " changed since version " + p.version);
			}
			p.version = p.version + 1;
		}
		saveChildren(p);
		p.takeEvents().forEach(events::publishEvent);
		return p;
	}

	/**
	 * Writes what changed in the aggregate's collections since it was loaded or last stored: one statement for each
	 * row added, changed or removed, none for the rows as they were.
	 */
	private void saveChildren(Proposal p) {
		Map<String, Map<Object, Map<String, Object>>> now = children(p);
		now.forEach((table, rows) -> {
			Map<Object, Map<String, Object>> before = p.stored.getOrDefault(table, Map.of());
			String key = KEYS.get(table);
			// removed rows first: a unit assigned anew takes its new part's place
			before.keySet().stream().filter(k -> !rows.containsKey(k)).forEach(k -> jdbc
				.sql("delete from " + table + " where proposal_id = :id and " + key + " = :key")
				.param("id", p.id).param("key", k).update());
			rows.forEach((k, row) -> {
				if (!row.equals(before.get(k))) {
					upsert(table, key.equals("id") ? "id" : "proposal_id, " + key, row);
				}
			});
		});
		p.stored = now;
	}

	/** Each child table's key beside the proposal's id. */
	private static final Map<String, String> KEYS = Map.of("proposal_cosigner", "deputy_id", "proposal_part", "id",
			"proposal_assisting_unit", "unit_id", "proposal_assisting_view", "id", "proposal_contact", "id",
			"proposal_reply", "id");

	/** The rows of the aggregate's collections, by table and key: one column map for insert and update alike. */
	private static Map<String, Map<Object, Map<String, Object>>> children(Proposal p) {
		Map<String, Map<Object, Map<String, Object>>> all = new LinkedHashMap<>();
		p.cosigners.forEach(c -> row(all, "proposal_cosigner", c.deputyId(), map("proposal_id", p.id, "deputy_id",
				c.deputyId(), "answer", c.answer().name(), "answered_at", timestamp(c.answeredAt()))));
		p.parts.forEach(s -> {
			Map<String, Object> row = map("id", s.id, "proposal_id", p.id, "unit_id", s.unitId, "position", s.position,
					"status", s.status.name());
			row.putAll(handling(s.handling));
			row(all, "proposal_part", s.id, row);
		});
		p.assistingUnits.forEach(u -> row(all, "proposal_assisting_unit", u.unitId(), map("proposal_id", p.id, "unit_id",
				u.unitId())));
		p.assistingViews.forEach(v -> row(all, "proposal_assisting_view", v.id(), map("id", v.id(), "proposal_id", p.id,
				"unit_id", v.unitId(), "text", v.text(), "at", timestamp(v.at()), "actor", v.actor(), "round", v.round())));
		p.contacts.forEach(c -> row(all, "proposal_contact", c.id(), map("id", c.id(), "proposal_id", p.id, "unit_id",
				c.unitId(), "method", c.method().name(), "note", c.note(), "at", timestamp(c.at()), "round", c.round())));
		p.replies.forEach(r -> row(all, "proposal_reply", r.id(), map("id", r.id(), "proposal_id", p.id, "kind",
				r.kind().name(), "reply_class", r.replyClass().name(), "text", r.text(), "at", timestamp(r.at()),
				"actor", r.actor(), "round", r.round(), "unit_id", r.unitId())));
		KEYS.keySet().forEach(t -> all.putIfAbsent(t, new LinkedHashMap<>()));
		return all;
	}

	private static void row(Map<String, Map<Object, Map<String, Object>>> all, String table, Object key,
			Map<String, Object> row) {
		all.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, row);
	}

	/** The proposal's own row: what it is, and its status and handling as its parts make them. */
	private static Map<String, Object> columns(Proposal p) {
		Map<String, Object> row = map("id", p.id, "session_id", p.sessionId, "region_code", p.regionCode, "number", p.number,
				"status", p.status.name(), "title", p.title, "content", p.content, "lead_deputy_id", p.leadDeputyId,
				"submitted_at", timestamp(p.submittedAt), "between_sessions", p.betweenSessions,
				"registered_at", timestamp(p.registeredAt), "assignment_due", timestamp(p.assignmentDue),
				"not_registered_reason", p.notRegisteredReason,
				"not_registered_as", p.notRegisteredAs == null ? null : p.notRegisteredAs.name(), "mode", p.mode == null ? null : p.mode.name(),
				"lead_unit_id", p.leadUnitId, "key_supervised", p.keySupervised, "key_topic", p.keyTopic,
				"key_leader", p.keyLeader, "assignment_warned", p.assignmentWarned, "created_at", timestamp(p.createdAt),
				"updated_at", timestamp(p.updatedAt), "opinion_id", p.opinionId, "drafted_by", p.draftedBy,
				"assisting_views_due", timestamp(p.assistingViewsDue), "assisting_views_warned", p.assistingViewsWarned);
		row.putAll(handling(p.handling));
		return row;
	}

	private static Map<String, Object> handling(Handling h) {
		return map("assigned_at", timestamp(h.assignedAt), "deadline", timestamp(h.deadline),
				"extension_months", h.extensionMonths, "extension_reason", h.extensionReason, "extended", h.extended,
				"extension_notice", h.extensionNotice, "extension_noticed_at", timestamp(h.extensionNoticedAt),
				"reply_class", h.replyClass == null ? null : h.replyClass.name(), "reply_text", h.replyText,
				"replied_at", timestamp(h.repliedAt), "replied_without_contact", h.repliedWithoutContact,
				"replied_on_time", h.repliedOnTime, "reply_public", h.replyPublic,
				"grade", h.grade == null ? null : h.grade.name(), "grade_comment", h.gradeComment,
				"rated_at", timestamp(h.ratedAt), "rehandling_count", h.rehandlingCount, "closed_at", timestamp(h.closedAt),
				"supervision_level", h.supervisionLevel, "next_supervision_at", timestamp(h.nextSupervisionAt));
	}


	private void insert(String table, Map<String, Object> row) {
		jdbc.sql("insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
				+ row.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")").params(row).update();
	}


	/** Adds the row, or changes it where its key is already there. */
	private void upsert(String table, String key, Map<String, Object> row) {
		List<String> keys = List.of(key.split(",\\s*"));
		String set = row.keySet().stream().filter(c -> !keys.contains(c)).map(c -> c + " = excluded." + c)
			.collect(Collectors.joining(", "));
		jdbc.sql("insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
				+ row.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ") on conflict (" + key
				+ ") do " + (set.isEmpty() ? "nothing" : "update set " + set)).params(row).update();
	}

	// --- reading

	private Proposal proposal(ResultSet rs, int n) throws SQLException {
		Proposal p = new Proposal();
		p.id = rs.getObject("id", UUID.class);
		p.sessionId = rs.getObject("session_id", UUID.class);
		p.regionCode = rs.getString("region_code");
		p.number = (Integer) rs.getObject("number");
		p.status = ProposalStatus.valueOf(rs.getString("status"));
		p.title = rs.getString("title");
		p.content = rs.getString("content");
		p.leadDeputyId = rs.getObject("lead_deputy_id", UUID.class);
		p.submittedAt = instant(rs, "submitted_at");
		p.betweenSessions = rs.getBoolean("between_sessions");
		p.registeredAt = instant(rs, "registered_at");
		p.assignmentDue = instant(rs, "assignment_due");
		p.notRegisteredReason = rs.getString("not_registered_reason");
		p.notRegisteredAs = rs.getString("not_registered_as") == null ? null
				: NotRegisteredAs.valueOf(rs.getString("not_registered_as"));
		p.mode = rs.getString("mode") == null ? null : AssignmentMode.valueOf(rs.getString("mode"));
		p.leadUnitId = rs.getObject("lead_unit_id", UUID.class);
		p.keySupervised = rs.getBoolean("key_supervised");
		p.keyTopic = rs.getString("key_topic");
		p.keyLeader = rs.getString("key_leader");
		p.assignmentWarned = rs.getBoolean("assignment_warned");
		p.version = rs.getLong("version");
		p.createdAt = instant(rs, "created_at");
		p.updatedAt = instant(rs, "updated_at");
		p.opinionId = rs.getObject("opinion_id", UUID.class);
		p.draftedBy = rs.getString("drafted_by");
		p.assistingViewsDue = instant(rs, "assisting_views_due");
		p.assistingViewsWarned = rs.getBoolean("assisting_views_warned");
		p.handling = handling(rs);
		return p;
	}

	private Proposal withChildren(Proposal p) {
		p.cosigners.addAll(children("select * from proposal_cosigner where proposal_id = :id", p.id,
				rs -> new Proposal.Cosigner(rs.getObject("deputy_id", UUID.class),
						Proposal.CosignAnswer.valueOf(rs.getString("answer")), instant(rs, "answered_at"))));
		p.parts.addAll(children("select * from proposal_part where proposal_id = :id", p.id, rs -> {
			Part s = new Part();
			s.id = rs.getObject("id", UUID.class);
			s.unitId = rs.getObject("unit_id", UUID.class);
			s.position = rs.getInt("position");
			s.status = ProposalStatus.valueOf(rs.getString("status"));
			s.handling = handling(rs);
			return s;
		}));
		p.assistingUnits.addAll(children("select unit_id from proposal_assisting_unit where proposal_id = :id", p.id,
				rs -> new Proposal.AssistingUnit(rs.getObject("unit_id", UUID.class))));
		p.assistingViews.addAll(children("select * from proposal_assisting_view where proposal_id = :id", p.id,
				rs -> new Proposal.AssistingView(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
						rs.getString("text"), instant(rs, "at"), rs.getString("actor"), rs.getInt("round"))));
		p.contacts.addAll(children("select * from proposal_contact where proposal_id = :id", p.id,
				rs -> new Proposal.Contact(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
						ContactMethod.valueOf(rs.getString("method")), rs.getString("note"), instant(rs, "at"),
						rs.getInt("round"))));
		p.replies.addAll(children("select * from proposal_reply where proposal_id = :id", p.id,
				rs -> new Proposal.Reply(rs.getObject("id", UUID.class), Proposal.ReplyKind.valueOf(rs.getString("kind")),
						ReplyClass.valueOf(rs.getString("reply_class")), rs.getString("text"), instant(rs, "at"),
						rs.getString("actor"), rs.getInt("round"), rs.getObject("unit_id", UUID.class))));
		p.stored = children(p);
		return p;
	}

	private static Handling handling(ResultSet rs) throws SQLException {
		Handling h = new Handling();
		h.assignedAt = instant(rs, "assigned_at");
		h.deadline = instant(rs, "deadline");
		h.extensionMonths = (Integer) rs.getObject("extension_months");
		h.extensionReason = rs.getString("extension_reason");
		h.extended = rs.getBoolean("extended");
		h.extensionNotice = rs.getString("extension_notice");
		h.extensionNoticedAt = instant(rs, "extension_noticed_at");
		h.replyClass = rs.getString("reply_class") == null ? null : ReplyClass.valueOf(rs.getString("reply_class"));
		h.replyText = rs.getString("reply_text");
		h.repliedAt = instant(rs, "replied_at");
		h.repliedWithoutContact = rs.getBoolean("replied_without_contact");
		h.repliedOnTime = (Boolean) rs.getObject("replied_on_time");
		h.replyPublic = rs.getBoolean("reply_public");
		h.grade = rs.getString("grade") == null ? null : Verdict.valueOf(rs.getString("grade"));
		h.gradeComment = rs.getString("grade_comment");
		h.ratedAt = instant(rs, "rated_at");
		h.rehandlingCount = rs.getInt("rehandling_count");
		h.closedAt = instant(rs, "closed_at");
		h.supervisionLevel = rs.getInt("supervision_level");
		h.nextSupervisionAt = instant(rs, "next_supervision_at");
		return h;
	}

	private interface Row<T> {
		T of(ResultSet rs) throws SQLException;
	}

	private <T> List<T> children(String sql, UUID id, Row<T> row) {
		return jdbc.sql(sql).param("id", id).query((rs, n) -> row.of(rs)).list();
	}

	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			row.put((String) pairs[i], pairs[i + 1]);
		}
		return row;
	}


	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
