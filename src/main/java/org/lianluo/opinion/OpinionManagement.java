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

	/** The opinion a deputy drafted a proposal from leaves triage as TO_PROPOSAL (see {@link OpinionTriage}). */
	@Transactional
	public Opinion markTurnedIntoProposal(UUID opinionId, UUID proposalId, Actor actor, Moment at) {
		return triage.turnIntoProposal(opinionId, proposalId, actor, at);
	}

}
