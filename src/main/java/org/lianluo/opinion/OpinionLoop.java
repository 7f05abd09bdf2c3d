package org.lianluo.opinion;

import org.springframework.stereotype.Component;

/**
 * The loop's stage handlers side by side, for those that walk the whole loop (the screens, the API, the demo year):
 * each takes its command, the {@link org.lianluo.identity.Actor} and the {@link org.lianluo.platform.Moment}.
 */
@Component
public record OpinionLoop(OpinionIntake intake, OpinionTriage triage, UnitHandling unit, OfficeReview office,
		Rating rating, OpinionFiles files, OpinionReveals reveals) {
}
