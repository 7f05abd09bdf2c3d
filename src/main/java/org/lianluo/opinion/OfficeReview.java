package org.lianluo.opinion;

import java.time.Instant;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the office decides on a unit's work (审核): an extension asked for, a reply before it goes to the citizen
 * (FED_BACK, or back to the unit with a note), and an outcome put into practice (金点子落地).
 */
@Service
public class OfficeReview {

	private final Opinions opinions;

	private final Deadlines deadlines;

	OfficeReview(Opinions opinions, Deadlines deadlines) {
		this.opinions = opinions;
		this.deadlines = deadlines;
	}

	public record DecideExtension(UUID opinionId, Boolean approve, String note) {

		public DecideExtension {
			if (approve == null) {
				throw LianluoException.invalidField("approve", "opinion.approve.required");
			}
			note = Text.blankToNull(note);
		}
	}

	/** Approve the reply (FED_BACK) or send it back to the unit, saying why. */
	public record Review(UUID opinionId, Boolean approve, String note) {

		public Review {
			if (approve == null) {
				throw LianluoException.invalidField("approve", "opinion.approve.required");
			}
			note = Text.blankToNull(note);
			if (!approve && note == null) {
				throw LianluoException.invalidField("note", "opinion.review.note.required");
			}
		}
	}

	public record MarkImplemented(UUID opinionId, String note) {

		public MarkImplemented {
			note = Text.required("note", note, 2000);
		}
	}

	@Transactional
	public Opinion decideExtension(DecideExtension command, Actor actor, Moment at) {
		Opinion o = opinions.visible(command.opinionId(), actor.require(Role.ASSESSOR));
		int days = o.pendingExtensionDays();
		Instant newDeadline = o.getDeadline() == null ? null : deadlines.extend(o.getDeadline(), days);
		o.decideExtension(command.approve(), newDeadline, newDeadline == null ? null : deadlines.ladder().firstStep(newDeadline),
				command.note(), actor.username(), at.now());
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion review(Review command, Actor actor, Moment at) {
		Opinion o = opinions.visible(command.opinionId(), actor.require(Role.ASSESSOR));
		o.review(command.approve(), command.note(), actor.username(), at.now());
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion markImplemented(MarkImplemented command, Actor actor, Moment at) {
		Opinion o = opinions.visible(command.opinionId(), actor.require(Role.ASSESSOR));
		o.markImplemented(command.note(), actor.username(), at.now());
		return opinions.save(o, actor);
	}
}
