package org.lianluo.region;

import java.util.regex.Pattern;

/**
 * A GB/T 2260 region code: 6 digits for province, city and county, 9 for a township, 12 for a
 * village. Its subtree is every code that starts with {@link #subtreePrefix()}.
 */
public record RegionCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

	public RegionCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a region code: " + value);
		}
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	/** 451000 → 4510, 450000 → 45, 451022 → 451022, 451022108 → 451022108. */
	public String subtreePrefix() {
		if (value.length() == 6) {
			if (value.endsWith("0000")) {
				return value.substring(0, 2);
			}
			return value.endsWith("00") ? value.substring(0, 4) : value;
		}
		return value.length() == 12 && value.endsWith("000") ? value.substring(0, 9) : value;
	}

	public boolean contains(String other) {
		return other != null && other.startsWith(subtreePrefix());
	}

	/**
	 * Whether one of the two regions holds the other: a unit of the city or of the county may answer a township's
	 * record, a unit of a sibling county may not.
	 */
	public boolean onLineWith(String other) {
		return contains(other) || RegionCode.isValid(other) && new RegionCode(other).contains(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
