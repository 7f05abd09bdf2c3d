package org.lianluo.station;

/** The filters of the station list; every one may be null. {@code special} means any kind but STANDARD. */
public record StationFilter(String region, Station.Kind kind, Boolean special, Station.Partner partner,
		Station.Status status, String q) {

	public static StationFilter none() {
		return new StationFilter(null, null, null, null, null, null);
	}
}
