package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The store's one column map: insert and update are written from it with named parameters, each parameter has its
 * value (typed, so a null needs no look-up), and an update never rewrites what intake wrote once.
 */
class OpinionColumnsTests {

	final OpinionColumns columns = new OpinionColumns();

	@Test
	void everyNamedParameterOfInsertAndUpdateHasItsTypedValue() {
		Opinion o = Opinion.receive(new Opinion.Intake("那板村路灯坏了三个月", "451022", null, OpinionKind.SUGGESTION,
				Category.OTHER, Channel.PORTAL, null, null, null, true, null, Set.of()), "ABCDEFGHJKMNP", "citizen",
				Instant.parse("2025-03-03T02:00:00Z"));
		Map<String, Object> values = columns.values(o);

		assertThat(values.values()).allMatch(SqlParameterValue.class::isInstance);
		assertThat(parameters(columns.insert)).isNotEmpty().allMatch(values::containsKey);
		assertThat(parameters(columns.update)).isNotEmpty().allMatch(values::containsKey);
		assertThat(columns.insert).doesNotContain("?");
		assertThat(columns.update).doesNotContain("?");
	}

	@Test
	void theInsertNamesEachColumnOnceAndTheUpdateLeavesTheIntakeAlone() {
		List<String> inserted = parameters(columns.insert);
		assertThat(inserted).doesNotHaveDuplicates().contains("id", "tracking_code", "content", "status", "deadline", "rated_by");
		assertThat(parameters(columns.update)).contains("status", "deadline", "rated_by", "id", "version")
			.doesNotContain("tracking_code", "content", "submitter_phone_enc", "received_at");
		assertThat(columns.update).endsWith("where id = :id and version = :version");
	}

	private static List<String> parameters(String sql) {
		Matcher m = Pattern.compile(":([a-z_]+)").matcher(sql);
		return m.results().map(r -> r.group(1)).toList();
	}
}
