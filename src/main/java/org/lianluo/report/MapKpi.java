package org.lianluo.report;

import java.util.Arrays;
import java.util.Optional;

/** The figure the county map is coloured by: a rate of the opinion loop (fraction 0..1) or a count. */
public enum MapKpi {

	CLOSURE_RATE("closureRate", true), ON_TIME_RATE("onTimeRate", true), SATISFACTION_RATE("satisfactionRate", true),
	RECEIVED("received", false), OVERDUE("overdue", false);

	private final String key;

	private final boolean rate;

	MapKpi(String key, boolean rate) {
		this.key = key;
		this.rate = rate;
	}

	/** Its name in URLs and JSON. */
	public String key() {
		return key;
	}

	public boolean rate() {
		return rate;
	}

	public static Optional<MapKpi> byKey(String key) {
		return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
	}
}
