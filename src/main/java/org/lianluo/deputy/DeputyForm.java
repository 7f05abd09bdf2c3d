package org.lianluo.deputy;

import java.util.List;

/**
 * What staff give for a deputy, on the API ({@code POST|PUT /api/v1/deputies}), on the edit screen and in
 * an import row. Enum fields are text: a constant's name or its Chinese label. On update a null or masked
 * phone keeps the stored one and an empty one removes it.
 */
public record DeputyForm(String name, String gender, String ethnicity, Integer birthYear, String politicalAffiliation,
		String occupation, String workplace, String title, List<String> levels, String regionCode, String phone,
		Boolean committeeMember, String committeePosition, String delegation, String constituency) {
}
