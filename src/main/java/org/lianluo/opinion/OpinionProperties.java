package org.lianluo.opinion;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The loop's rules, configurable under {@code lianluo.opinion.*}: deadlines in working days by kind,
 * the return window, extensions per round, the re-handling deadline, the rating window, and when
 * supervision escalates.
 */
@ConfigurationProperties("lianluo.opinion")
public record OpinionProperties(Map<OpinionKind, Integer> deadlines, Integer returnWorkingDays,
		Integer maxExtensionsPerRound, Integer maxExtensionWorkingDays, Integer reopenMonths, Integer ratingDays,
		Integer escalateAfterWorkingDays, Integer keySupervisionAfterWorkingDays) {

	public OpinionProperties {
		Map<OpinionKind, Integer> d = new EnumMap<>(Map.of(OpinionKind.URGENT, 0, OpinionKind.INQUIRY, 3,
				OpinionKind.HELP, 3, OpinionKind.COMPLAINT, 13, OpinionKind.SUGGESTION, 13));
		if (deadlines != null) {
			d.putAll(deadlines);
		}
		deadlines = Map.copyOf(d);
		returnWorkingDays = returnWorkingDays == null ? 2 : returnWorkingDays;
		maxExtensionsPerRound = maxExtensionsPerRound == null ? 1 : maxExtensionsPerRound;
		maxExtensionWorkingDays = maxExtensionWorkingDays == null ? 20 : maxExtensionWorkingDays;
		reopenMonths = reopenMonths == null ? 1 : reopenMonths;
		ratingDays = ratingDays == null ? 10 : ratingDays;
		escalateAfterWorkingDays = escalateAfterWorkingDays == null ? 5 : escalateAfterWorkingDays;
		keySupervisionAfterWorkingDays = keySupervisionAfterWorkingDays == null ? 10 : keySupervisionAfterWorkingDays;
	}

	public int deadlineFor(OpinionKind kind) {
		return deadlines.get(kind);
	}
}
