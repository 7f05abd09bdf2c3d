package org.lianluo.platform;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One record behind a figure of the reports, as the module that owns it lists it: what it is called, its date,
 * region and kind (a constant its module names with {@code kindKey}), and its screen if it has one.
 */
public record FigureRow(UUID id, String label, LocalDate date, String regionCode, String kind, String link) {
}
