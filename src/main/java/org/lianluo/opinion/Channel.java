package org.lianluo.opinion;

/** Where an opinion came in. */
public enum Channel {
	STATION_RECEPTION, DEPUTY_VISIT, PUBLIC_MEETING, PORTAL, STATION_QR, LETTER
}
