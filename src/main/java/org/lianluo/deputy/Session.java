package org.lianluo.deputy;

import java.time.LocalDate;
import java.util.UUID;

/** 第N次会议 of a term of a congress: a plenary session or a standing-committee meeting. */
public record Session(UUID id, UUID congressId, UUID termId, Level level, String regionCode, int term, Kind kind,
		int number, LocalDate opensOn, LocalDate closesOn) {

	public enum Kind {
		PLENARY, STANDING_COMMITTEE
	}
}
