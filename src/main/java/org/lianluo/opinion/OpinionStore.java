package org.lianluo.opinion;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores the {@link Opinion} aggregate: the opinion row, its assisting units and its receiving deputies.
 * Written by hand because the loop's every step loads and stores one, and a generic mapper of its 45 columns cost
 * more than everything else the step did: one statement per write, its named parameters from the one column map
 * of {@link OpinionColumns} for both insert and update. An update is guarded by the version (another change in between is an
 * {@link OptimisticLockingFailureException}); the aggregate's events are published right after it is stored, in
 * the same transaction. Deputies are set at intake only; assisting units are written again on every update.
 */
@Repository
class OpinionStore {

	private static final String SELECT = """
			select o.*, array(select d.deputy_id from opinion_deputy d where d.opinion_id = o.id) as deputy_ids
			from opinion o""";

	private static final OpinionColumns COLUMNS = new OpinionColumns();

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	private final ApplicationEventPublisher events;

	OpinionStore(JdbcTemplate jdbc, JdbcClient client, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.client = client;
		this.events = events;
	}

	Optional<Opinion> findById(UUID id) {
		return find(SELECT + " where o.id = ?", id);
	}

	Optional<Opinion> findByTrackingCode(String trackingCode) {
		return find(SELECT + " where o.tracking_code = ?", trackingCode);
	}

	private Optional<Opinion> find(String sql, Object key) {
		List<Opinion> found = jdbc.query(sql, (rs, n) -> map(rs), key);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Opinion o = found.get(0);
		jdbc.query("select unit_id, view, viewed_at from opinion_assisting_unit where opinion_id = ?",
				rs -> {
					o.assistingUnits.add(new Opinion.AssistingUnit(rs.getObject(1, UUID.class), rs.getString(2),
							instant(rs, 3)));
				}, o.id);
		return Optional.of(o);
	}

	/** Stores a new opinion (version 0) or the changes of a loaded one (version + 1). */
	Opinion save(Opinion o) {
		Map<String, Object> values = COLUMNS.values(o);
		if (o.version == null) {
			client.sql(COLUMNS.insert).params(values).update();
			o.version = 0L;
			insertDeputies(o);
		}
		else {
			if (client.sql(COLUMNS.update).params(values).update() != 1) {
				throw new OptimisticLockingFailureException("opinion " + o.id + " changed since version " + o.version);
			}
			o.version = o.version + 1;
			insertDeputies(o);
			jdbc.update("delete from opinion_assisting_unit where opinion_id = ?", o.id);
		}
		insertAssistingUnits(o);
		o.takeEvents().forEach(events::publishEvent);
		return o;
	}

	/** The deputies who received it, or to whom the office turned it over: they are only ever added. */
	private void insertDeputies(Opinion o) {
		if (o.deputies.isEmpty()) {
			return;
		}
		List<UUID> deputies = o.deputies.stream().map(Opinion.ReceivingDeputy::deputyId).toList();
		jdbc.batchUpdate("insert into opinion_deputy (opinion_id, deputy_id) values (?, ?) on conflict do nothing", deputies,
				deputies.size(), (ps, d) -> {
					ps.setObject(1, o.id);
					ps.setObject(2, d);
				});
	}

	private void insertAssistingUnits(Opinion o) {
		List<Opinion.AssistingUnit> units = List.copyOf(o.assistingUnits);
		jdbc.batchUpdate("insert into opinion_assisting_unit (opinion_id, unit_id, view, viewed_at) values (?, ?, ?, ?)",
				units, units.size(), (ps, u) -> {
					ps.setObject(1, o.id);
					ps.setObject(2, u.unitId());
					ps.setString(3, u.view());
					ps.setTimestamp(4, OpinionColumns.timestamp(u.viewedAt()));
				});
	}

	private static Opinion map(ResultSet rs) throws SQLException {
		Opinion o = new Opinion();
		o.id = rs.getObject("id", UUID.class);
		o.trackingCode = rs.getString("tracking_code");
		o.status = OpinionStatus.valueOf(rs.getString("status"));
		o.kind = OpinionKind.valueOf(rs.getString("kind"));
		o.category = Category.valueOf(rs.getString("category"));
		o.channel = Channel.valueOf(rs.getString("channel"));
		o.content = rs.getString("content");
		o.regionCode = rs.getString("region_code");
		o.stationId = rs.getObject("station_id", UUID.class);
		o.submitterNameEnc = rs.getString("submitter_name_enc");
		o.submitterPhoneEnc = rs.getString("submitter_phone_enc");
		o.submitterPhoneHash = rs.getString("submitter_phone_hash");
		o.anonymous = rs.getBoolean("anonymous");
		o.receivedAt = instant(rs, "received_at");
		o.primaryId = rs.getObject("primary_id", UUID.class);
		o.answer = rs.getString("answer");
		o.rejectReason = rs.getString("reject_reason");
		o.rejectReferral = rs.getString("reject_referral");
		o.leadUnitId = rs.getObject("lead_unit_id", UUID.class);
		o.assignedAt = instant(rs, "assigned_at");
		o.deadline = instant(rs, "deadline");
		o.extended = rs.getBoolean("extended");
		o.extensionsInRound = rs.getInt("extensions_in_round");
		o.extensionDays = rs.getObject("extension_days", Integer.class);
		o.extensionReason = rs.getString("extension_reason");
		o.supervisionLevel = rs.getInt("supervision_level");
		o.nextSupervisionAt = instant(rs, "next_supervision_at");
		String reply = rs.getString("reply_result");
		o.replyResult = reply == null ? null : ReplyResult.valueOf(reply);
		o.replyText = rs.getString("reply_text");
		o.repliedAt = instant(rs, "replied_at");
		o.fedBackAt = instant(rs, "fed_back_at");
		String grade = rs.getString("grade");
		o.grade = grade == null ? null : Grade.valueOf(grade);
		o.gradeComment = rs.getString("grade_comment");
		o.ratedAt = instant(rs, "rated_at");
		String ratedBy = rs.getString("rated_by");
		o.ratedBy = ratedBy == null ? null : Rater.valueOf(ratedBy);
		o.reopenCount = rs.getInt("reopen_count");
		o.implemented = rs.getBoolean("implemented");
		o.implementedNote = rs.getString("implemented_note");
		o.closedAt = instant(rs, "closed_at");
		o.closedUnrated = rs.getBoolean("closed_unrated");
		o.consultationId = rs.getObject("consultation_id", UUID.class);
		o.version = rs.getLong("version");
		o.createdAt = instant(rs, "created_at");
		o.updatedAt = instant(rs, "updated_at");
		Array deputies = rs.getArray("deputy_ids");
		for (Object d : (Object[]) deputies.getArray()) {
			o.deputies.add(new Opinion.ReceivingDeputy((UUID) d));
		}
		return o;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
