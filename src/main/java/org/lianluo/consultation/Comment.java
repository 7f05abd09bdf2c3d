package org.lianluo.consultation;

import java.time.Instant;
import java.util.UUID;

/** A comment on a draft, on one article or on the whole (article null); personal data stays encrypted. */
public record Comment(UUID id, UUID consultationId, Integer articleNumber, String text, String trackingCode,
		Channel channel, UUID stationId, boolean hidden, String hiddenReason, Adoption adoption, String adoptionNote,
		Instant createdAt) {

	/** Where a comment came from: the portal, or a station's legislative contact meeting entered by staff. */
	/** OPINION: a citizen's opinion about the draft, sent here from the opinion loop's triage (纳入立法参考). */
	public enum Channel {
		PORTAL, STATION, OPINION
	}

	/** What became of it (采纳情况). */
	public enum Adoption {
		ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED
	}
}
