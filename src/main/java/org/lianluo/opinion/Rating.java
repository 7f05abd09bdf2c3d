package org.lianluo.opinion;

import java.time.Instant;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.AuditLog;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.PersonalData;
import org.lianluo.platform.Text;
import org.lianluo.platform.TrackingCodes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's rating (评价) of the answer fed back, with the rating key only they hold, or the office's phone
 * call (回访), audited and marked as such. UNSATISFIED reopens it for re-handling, at most twice.
 */
@Service
public class Rating {

	private final Opinions opinions;

	private final Deadlines deadlines;

	private final PersonalData personalData;

	private final AuditLog audit;

	Rating(Opinions opinions, Deadlines deadlines, PersonalData personalData, AuditLog audit) {
		this.opinions = opinions;
		this.deadlines = deadlines;
		this.personalData = personalData;
		this.audit = audit;
	}

	/** The citizen's grade, by tracking code with the opinion's rating key (API.md). */
	public record ByCitizen(String trackingCode, String ratingKey, Grade grade, String comment) {
	}

	/** A grade the office took by phone. */
	public record ByPhone(UUID opinionId, Grade grade, String comment) {
	}

	/**
	 * Without the rating key, or with another, 403 and nothing changes. A merged duplicate's own key rates the reply
	 * it follows: the grade is the primary's.
	 */
	@Transactional
	public Opinion byCitizen(ByCitizen command, Moment at) {
		Opinion o = opinions.byTrackingCode(command.trackingCode()).orElseThrow(LianluoException::notFound);
		String key = command.ratingKey();
		if (key == null || key.isBlank()) {
			throw LianluoException.of(HttpStatus.FORBIDDEN, "opinion.rating-key.missing");
		}
		// Any key and suite of the key set: a key given before a rotation still rates (PersonalData.isRatingKey).
		if (!personalData.isRatingKey(o.getId(), TrackingCodes.normalise(key))) {
			throw LianluoException.of(HttpStatus.FORBIDDEN, "opinion.rating-key.wrong");
		}
		if (o.getStatus() == OpinionStatus.MERGED) {
			rate(opinions.byId(o.getPrimaryId()).orElseThrow(LianluoException::notFound), command.grade(), command.comment(),
					Rater.CITIZEN, "citizen " + o.getTrackingCode(), null, at);
			return o;
		}
		return rate(o, command.grade(), command.comment(), Rater.CITIZEN, "citizen", null, at);
	}

	@Transactional
	public Opinion byPhone(ByPhone command, Actor actor, Moment at) {
		Opinion o = opinions.visible(command.opinionId(), actor.require(Role.ASSESSOR));
		Opinion rated = rate(o, command.grade(), command.comment(), Rater.FOLLOW_UP, actor.username(), actor, at);
		audit.record(AuditLog.Action.FOLLOW_UP_RATED, "opinion " + command.opinionId(), command.grade().name());
		return rated;
	}

	/**
	 * The opinion's rating key (评价码), for the citizen only: in the intake's answer, on the station's receipt and in
	 * the link of the feedback SMS. Derived from its id, never stored.
	 */
	public String ratingKey(UUID opinionId) {
		return personalData.ratingKey(opinionId);
	}

	private Opinion rate(Opinion o, Grade grade, String comment, Rater rater, String by, Actor actor, Moment at) {
		// Checked once the rater is known to hold the key or to be the office (403 and 404 come first).
		String checked = checked(grade, comment);
		Instant reopenDeadline = deadlines.reopened(at.now());
		o.evaluate(grade, checked, rater, reopenDeadline, deadlines.ladder().firstStep(reopenDeadline), by, at.now());
		return opinions.save(o, actor);
	}

	private static String checked(Grade grade, String comment) {
		if (grade == null) {
			throw LianluoException.invalidField("grade", "opinion.grade.required");
		}
		if (comment != null && comment.length() > 1000) {
			throw LianluoException.invalidField("comment", "opinion.text.too-long", 1000);
		}
		return Text.blankToNull(comment);
	}
}
