package org.lianluo.opinion;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.platform.Moment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of the opinion loop: an opinion and its timeline, the citizen's phone and rating key for
 * the notifications, an intake from a duty activity, the mark a drafted proposal leaves. The loop's own steps are
 * its handlers ({@link OpinionIntake}, {@link OpinionTriage}, {@link UnitHandling}, {@link OfficeReview},
 * {@link Rating}, {@link OpinionFiles}), each taking a command, the {@link Actor} and the {@link Moment}.
 */
@Service
public class OpinionManagement {

	private final Opinions opinions;

	private final OpinionIntake intake;

	private final OpinionTriage triage;

	private final Rating rating;

	private final OpinionReveals reveals;

	private final Clock clock;

	OpinionManagement(Opinions opinions, OpinionIntake intake, OpinionTriage triage, Rating rating, OpinionReveals reveals,
			Clock clock) {
		this.opinions = opinions;
		this.intake = intake;
		this.triage = triage;
		this.rating = rating;
		this.reveals = reveals;
		this.clock = clock;
	}

	/** An opinion the actor may see, or 404. */
	@Transactional(readOnly = true)
	public Opinion get(UUID id, Actor actor) {
		return opinions.visible(id, actor);
	}

	/**
	 * An opinion the signed-in caller may see, or 404. For the callers that do not hand over their {@link Actor} yet
	 * (the proposal loop, similar items); new code calls {@link #get(UUID, Actor)}.
	 */
	@Transactional(readOnly = true)
	public Opinion get(UUID id) {
		return get(id, Actor.current());
	}

	public Optional<Opinion> byId(UUID id) {
		return opinions.byId(id);
	}

	public Optional<Opinion> byTrackingCode(String code) {
		return opinions.byTrackingCode(code);
	}

	public List<TimelineEntry> timeline(UUID id) {
		return opinions.timeline(id);
	}

	/** The rating key only the citizen holds (see {@link Rating#ratingKey}). */
	public String ratingKey(UUID opinionId) {
		return rating.ratingKey(opinionId);
	}

	/** The citizen's phone, for the notification module to send SMS to; read alone, not with the aggregate. */
	public Optional<String> citizenPhone(UUID opinionId) {
		return reveals.citizenPhone(opinionId);
	}

	/**
	 * An opinion heard at a duty activity, registered by {@code actorName}: the duty module's intake, which does not
	 * hand over its {@link Actor} and {@link Moment} yet (both are taken here, from the caller and the clock).
	 */
	@Transactional
	public Opinion submit(Submission s, String idempotencyKey, String actorName) {
		return intake.submit(new OpinionIntake.Submit(s, idempotencyKey), actorName, Actor.find().orElse(null),
				Moment.live(clock));
	}

	/** The opinion a deputy drafted a proposal from leaves triage as TO_PROPOSAL (see {@link OpinionTriage}). */
	@Transactional
	public Opinion markTurnedIntoProposal(UUID opinionId, UUID proposalId, Actor actor, Moment at) {
		return triage.turnIntoProposal(opinionId, proposalId, actor, at);
	}

	/** The same, for the proposal loop until it hands over its {@link Actor} and {@link Moment}. */
	@Transactional
	public Opinion markTurnedIntoProposal(UUID opinionId, UUID proposalId) {
		return markTurnedIntoProposal(opinionId, proposalId, Actor.current(), Moment.live(clock));
	}
}
