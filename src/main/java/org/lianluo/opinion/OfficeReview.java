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
	}

	/** Approve the reply (FED_BACK) or send it back to the unit, saying why. */
	public record Review(UUID opinionId, Boolean approve, String note) {
	}

	public record MarkImplemented(UUID opinionId, String note) {
	}

	// Each command is checked once the caller is known to be the office of this opinion: a stranger learns 403 or
	// 404, never what the body lacks.

	@Transactional
	public Opinion decideExtension(DecideExtension command, Actor actor, Moment at) {
		Opinion o = opinions.visible(command.opinionId(), actor.require(Role.ASSESSOR));
		boolean approve = approval(command.approve());
		int days = o.pendingExtensionDays();
		Instant newDeadline = o.getDeadline() == null ? null : deadlines.extend(o.getDeadline(), days);
		o.decideExtension(approve, newDeadline, newDeadline == null ? null : deadlines.ladder().firstStep(newDeadline),
				Text.blankToNull(command.note()), actor.username(), at.now());
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion review(Review command, Actor actor, Moment at) {
		Opinion o = opinions.visible(command.opinionId(), actor.require(Role.ASSESSOR));
		boolean approve = approval(command.approve());
		String note = Text.blankToNull(command.note());
		if (!approve && note == null) {
			throw LianluoException.invalidField("note", "opinion.review.note.required");
		}
		o.review(approve, note, actor.username(), at.now());
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion markImplemented(MarkImplemented command, Actor actor, Moment at) {
		Opinion o = opinions.visible(command.opinionId(), actor.require(Role.ASSESSOR));
		o.markImplemented(Text.required("note", command.note(), 2000), actor.username(), at.now());
		return opinions.save(o, actor);
	}

	private static boolean approval(Boolean approve) {
		if (approve == null) {
			throw LianluoException.invalidField("approve", "opinion.approve.required");
		}
		return approve;
	}
}
