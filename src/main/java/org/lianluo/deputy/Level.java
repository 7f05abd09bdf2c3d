package org.lianluo.deputy;

/** The five levels of people's congresses (五级人大). */
public enum Level {
	NATIONAL, PROVINCIAL, CITY, COUNTY, TOWNSHIP;

	/**
	 * The region of the congress at this level that a deputy of {@code regionCode} sits in, or null
	 * when the region lies above that level (a county region has no township congress).
	 */
	public String congressRegion(String regionCode) {
		return switch (this) {
			case NATIONAL -> "100000";
			case PROVINCIAL -> regionCode.substring(0, 2) + "0000";
			case CITY -> regionCode.substring(0, 4) + "00";
			case COUNTY -> regionCode.substring(4, 6).equals("00") ? null : regionCode.substring(0, 6);
			case TOWNSHIP -> regionCode.length() < 9 ? null : regionCode.substring(0, 9);
		};
	}
}
