package org.lianluo.opinion;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The one map from the {@code opinion} table's columns to the aggregate's fields, for insert and update alike:
 * each column is a named parameter ({@code :deadline}) with its SQL type, so a null needs no look-up. The intake's
 * columns are written once; an update sets the others and moves the version under the optimistic lock.
 */
final class OpinionColumns {

	private final List<Column> columns = List.of(
			intake("id", Types.OTHER, o -> o.id),
			intake("tracking_code", Types.VARCHAR, o -> o.trackingCode),
			intake("channel", Types.VARCHAR, o -> name(o.channel)),
			intake("content", Types.VARCHAR, o -> o.content),
			intake("region_code", Types.VARCHAR, o -> o.regionCode),
			intake("station_id", Types.OTHER, o -> o.stationId),
			intake("submitter_name_enc", Types.VARCHAR, o -> o.submitterNameEnc),
			intake("submitter_phone_enc", Types.VARCHAR, o -> o.submitterPhoneEnc),
			intake("submitter_phone_hash", Types.VARCHAR, o -> o.submitterPhoneHash),
			intake("anonymous", Types.BOOLEAN, o -> o.anonymous),
			intake("received_at", Types.TIMESTAMP, o -> timestamp(o.receivedAt)),
			intake("created_at", Types.TIMESTAMP, o -> timestamp(o.createdAt)),
			changing("status", Types.VARCHAR, o -> name(o.status)),
			changing("kind", Types.VARCHAR, o -> name(o.kind)),
			changing("category", Types.VARCHAR, o -> name(o.category)),
			changing("primary_id", Types.OTHER, o -> o.primaryId),
			changing("answer", Types.VARCHAR, o -> o.answer),
			changing("reject_reason", Types.VARCHAR, o -> o.rejectReason),
			changing("reject_referral", Types.VARCHAR, o -> o.rejectReferral),
			changing("lead_unit_id", Types.OTHER, o -> o.leadUnitId),
			changing("assigned_at", Types.TIMESTAMP, o -> timestamp(o.assignedAt)),
			changing("deadline", Types.TIMESTAMP, o -> timestamp(o.deadline)),
			changing("extended", Types.BOOLEAN, o -> o.extended),
			changing("extensions_in_round", Types.INTEGER, o -> o.extensionsInRound),
			changing("extension_days", Types.INTEGER, o -> o.extensionDays),
			changing("extension_reason", Types.VARCHAR, o -> o.extensionReason),
			changing("supervision_level", Types.INTEGER, o -> o.supervisionLevel),
			changing("next_supervision_at", Types.TIMESTAMP, o -> timestamp(o.nextSupervisionAt)),
			changing("reply_result", Types.VARCHAR, o -> name(o.replyResult)),
			changing("reply_text", Types.VARCHAR, o -> o.replyText),
			changing("replied_at", Types.TIMESTAMP, o -> timestamp(o.repliedAt)),
			changing("fed_back_at", Types.TIMESTAMP, o -> timestamp(o.fedBackAt)),
			changing("grade", Types.VARCHAR, o -> name(o.grade)),
			changing("grade_comment", Types.VARCHAR, o -> o.gradeComment),
			changing("rated_at", Types.TIMESTAMP, o -> timestamp(o.ratedAt)),
			changing("rated_by", Types.VARCHAR, o -> name(o.ratedBy)),
			changing("reopen_count", Types.INTEGER, o -> o.reopenCount),
			changing("implemented", Types.BOOLEAN, o -> o.implemented),
			changing("implemented_note", Types.VARCHAR, o -> o.implementedNote),
			changing("closed_at", Types.TIMESTAMP, o -> timestamp(o.closedAt)),
			changing("closed_unrated", Types.BOOLEAN, o -> o.closedUnrated),
			changing("updated_at", Types.TIMESTAMP, o -> timestamp(o.updatedAt)),
			changing("consultation_id", Types.OTHER, o -> o.consultationId));

	/** {@code insert into opinion (…, version) values (:…, 0)} over every column. */
	final String insert = "insert into opinion (" + names(c -> c.name) + ", version) values (" + names(c -> ":" + c.name)
			+ ", 0)";

	/** {@code update opinion set … where id = :id and version = :version}: the columns that change after intake. */
	final String update = "update opinion set " + columns.stream().filter(c -> !c.intake).map(c -> c.name + " = :" + c.name)
		.collect(Collectors.joining(", ")) + ", version = version + 1 where id = :id and version = :version";

	/** The named parameters of {@link #insert} and {@link #update} for this opinion. */
	Map<String, Object> values(Opinion o) {
		Map<String, Object> values = new LinkedHashMap<>();
		columns.forEach(c -> values.put(c.name, new SqlParameterValue(c.sqlType, c.value.apply(o))));
		values.put("version", new SqlParameterValue(Types.BIGINT, o.version));
		return values;
	}

	private String names(Function<Column, String> shown) {
		return columns.stream().map(shown).collect(Collectors.joining(", "));
	}

	private static Column intake(String name, int sqlType, Function<Opinion, Object> value) {
		return new Column(name, sqlType, value, true);
	}

	private static Column changing(String name, int sqlType, Function<Opinion, Object> value) {
		return new Column(name, sqlType, value, false);
	}

	/** To PostgreSQL's microseconds by truncation: rounding would carry a day's last instant into the next day. */
	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

	private record Column(String name, int sqlType, Function<Opinion, Object> value, boolean intake) {
	}
}
