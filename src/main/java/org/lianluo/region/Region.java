package org.lianluo.region;

/** One node of the region tree. */
public record Region(String code, String name, Level level, String parentCode, boolean provisional) {

	public enum Level {
		PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE
	}

	public RegionCode regionCode() {
		return new RegionCode(code);
	}
}
