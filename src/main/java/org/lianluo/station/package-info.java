/**
 * Liaison stations (代表联络站) and special stations: kinds and partners, co-building regions, address
 * and reception schedule, the roster of deputies, and the QR code that leads citizens to the portal's
 * submission form. {@link org.lianluo.station.Stations} is what other modules read.
 */
package org.lianluo.station;
