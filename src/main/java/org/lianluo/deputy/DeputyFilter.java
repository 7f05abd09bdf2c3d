package org.lianluo.deputy;

/**
 * The filters of the deputy list; every one may be null. {@code q} is part of a name, or a full phone
 * number (found by its keyed hash). Level, status and delegation must hold on one and the same seat.
 */
public record DeputyFilter(String region, Level level, String delegation, Deputy.Ethnicity ethnicity,
		Boolean committeeMember, Deputy.SeatStatus status, String q) {

	public static DeputyFilter none() {
		return new DeputyFilter(null, null, null, null, null, null, null);
	}
}
