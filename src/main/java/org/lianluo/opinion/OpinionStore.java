package org.lianluo.opinion;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores the {@link Opinion} aggregate: the opinion row, its assisting units and its receiving deputies.
 * Written by hand because the loop's every step loads and stores one, and a generic mapper of its 45 columns cost
 * more than everything else the step did. An update is guarded by the version (another change in between is an
 * {@link OptimisticLockingFailureException}); the aggregate's events are published right after it is stored, in
 * the same transaction. Deputies are set at intake only; assisting units are written again on every update.
 */
@Repository
class OpinionStore {

	private static final String SELECT = """
			select o.*, array(select d.deputy_id from opinion_deputy d where d.opinion_id = o.id) as deputy_ids
			from opinion o""";

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	OpinionStore(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
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
		if (o.version == null) {
			insert(o);
			o.version = 0L;
		}
		else {
			update(o);
			o.version = o.version + 1;
		}
		o.takeEvents().forEach(events::publishEvent);
		return o;
	}

	private void insert(Opinion o) {
		jdbc.update("""
				insert into opinion (id, tracking_code, status, kind, category, channel, content, region_code, station_id,
				  submitter_name_enc, submitter_phone_enc, submitter_phone_hash, anonymous, received_at, primary_id, answer,
				  reject_reason, reject_referral, lead_unit_id, assigned_at, deadline, extended, extensions_in_round,
				  extension_days, extension_reason, supervision_level, next_supervision_at, reply_result, reply_text,
				  replied_at, fed_back_at, grade, grade_comment, rated_at, reopen_count, implemented, implemented_note,
				  closed_at, closed_unrated, created_at, updated_at, consultation_id, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				  ?, ?, ?, ?, ?, ?, ?, ?, 0)""", ps -> {
			ps.setObject(1, o.id);
			ps.setString(2, o.trackingCode);
			ps.setString(3, o.status.name());
			ps.setString(4, o.kind.name());
			ps.setString(5, o.category.name());
			ps.setString(6, o.channel.name());
			ps.setString(7, o.content);
			ps.setString(8, o.regionCode);
			ps.setObject(9, o.stationId);
			ps.setString(10, o.submitterNameEnc);
			ps.setString(11, o.submitterPhoneEnc);
			ps.setString(12, o.submitterPhoneHash);
			ps.setBoolean(13, o.anonymous);
			ps.setTimestamp(14, timestamp(o.receivedAt));
			setChangeable(ps, 15, o);
		});
		insertDeputies(o);
		insertAssistingUnits(o);
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

	private void update(Opinion o) {
		int updated = jdbc.update("""
				update opinion set kind = ?, category = ?, primary_id = ?, answer = ?, reject_reason = ?,
				  reject_referral = ?, lead_unit_id = ?, assigned_at = ?, deadline = ?, extended = ?, extensions_in_round = ?,
				  extension_days = ?, extension_reason = ?, supervision_level = ?, next_supervision_at = ?, reply_result = ?,
				  reply_text = ?, replied_at = ?, fed_back_at = ?, grade = ?, grade_comment = ?, rated_at = ?,
				  reopen_count = ?, implemented = ?, implemented_note = ?, closed_at = ?, closed_unrated = ?, created_at = ?,
				  updated_at = ?, consultation_id = ?, rated_by = ?, status = ?, version = version + 1
				where id = ? and version = ?""", ps -> {
			ps.setString(1, o.kind.name());
			ps.setString(2, o.category.name());
			int i = setChangeable(ps, 3, o);
			ps.setString(i++, name(o.ratedBy));
			ps.setString(i++, o.status.name());
			ps.setObject(i++, o.id);
			ps.setLong(i, o.version);
		});
		if (updated != 1) {
			throw new OptimisticLockingFailureException("opinion " + o.id + " changed since version " + o.version);
		}
		insertDeputies(o);
		jdbc.update("delete from opinion_assisting_unit where opinion_id = ?", o.id);
		insertAssistingUnits(o);
	}

	/** The columns after the intake's, from primary_id to consultation_id, from parameter {@code i}; the next one. */
	private static int setChangeable(PreparedStatement ps, int i, Opinion o) throws SQLException {
		ps.setObject(i++, o.primaryId);
		ps.setString(i++, o.answer);
		ps.setString(i++, o.rejectReason);
		ps.setString(i++, o.rejectReferral);
		ps.setObject(i++, o.leadUnitId);
		ps.setTimestamp(i++, timestamp(o.assignedAt));
		ps.setTimestamp(i++, timestamp(o.deadline));
		ps.setBoolean(i++, o.extended);
		ps.setInt(i++, o.extensionsInRound);
		ps.setObject(i++, o.extensionDays);
		ps.setString(i++, o.extensionReason);
		ps.setInt(i++, o.supervisionLevel);
		ps.setTimestamp(i++, timestamp(o.nextSupervisionAt));
		ps.setString(i++, name(o.replyResult));
		ps.setString(i++, o.replyText);
		ps.setTimestamp(i++, timestamp(o.repliedAt));
		ps.setTimestamp(i++, timestamp(o.fedBackAt));
		ps.setString(i++, name(o.grade));
		ps.setString(i++, o.gradeComment);
		ps.setTimestamp(i++, timestamp(o.ratedAt));
		ps.setInt(i++, o.reopenCount);
		ps.setBoolean(i++, o.implemented);
		ps.setString(i++, o.implementedNote);
		ps.setTimestamp(i++, timestamp(o.closedAt));
		ps.setBoolean(i++, o.closedUnrated);
		ps.setTimestamp(i++, timestamp(o.createdAt));
		ps.setTimestamp(i++, timestamp(o.updatedAt));
		ps.setObject(i++, o.consultationId);
		return i;
	}

	private void insertAssistingUnits(Opinion o) {
		List<Opinion.AssistingUnit> units = List.copyOf(o.assistingUnits);
		jdbc.batchUpdate("insert into opinion_assisting_unit (opinion_id, unit_id, view, viewed_at) values (?, ?, ?, ?)",
				units, units.size(), (ps, u) -> {
					ps.setObject(1, o.id);
					ps.setObject(2, u.unitId());
					ps.setString(3, u.view());
					ps.setTimestamp(4, timestamp(u.viewedAt()));
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

	/** To PostgreSQL's microseconds by truncation: rounding would carry a day's last instant into the next day. */
	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}
}
