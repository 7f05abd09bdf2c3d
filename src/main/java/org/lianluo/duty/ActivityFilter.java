package org.lianluo.duty;

import java.time.LocalDate;
import java.util.UUID;

/** What the activity list can be narrowed by; every field may be null. {@code station}: held there (alone or with others). */
public record ActivityFilter(String region, String type, LocalDate from, LocalDate to, UUID deputy, UUID station) {

	public ActivityFilter(String region, String type, LocalDate from, LocalDate to, UUID deputy) {
		this(region, type, from, to, deputy, null);
	}
}
