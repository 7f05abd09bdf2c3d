package org.lianluo.duty;

import java.time.LocalDate;
import java.util.UUID;

/** What the activity list can be narrowed by; every field may be null. */
public record ActivityFilter(String region, String type, LocalDate from, LocalDate to, UUID deputy) {
}
