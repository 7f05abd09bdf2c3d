package org.lianluo.opinion;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.consultation.Consultations;
import org.lianluo.deputy.Deputies;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.Text;
import org.lianluo.platform.casework.Note;
import org.lianluo.region.RegionCode;
import org.lianluo.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage (研判) by the office: one {@link TriageDecision} per opinion still RECEIVED, with its kind and category
 * corrected and the assessor's own note; and the undoing of a merge.
 */
@Service
public class OpinionTriage {

	private final Opinions opinions;

	private final Deadlines deadlines;

	private final Units units;

	private final Deputies deputies;

	private final Consultations consultations;

	OpinionTriage(Opinions opinions, Deadlines deadlines, Units units, Deputies deputies, Consultations consultations) {
		this.opinions = opinions;
		this.deadlines = deadlines;
		this.units = units;
		this.deputies = deputies;
		this.consultations = consultations;
	}

	/**
	 * The command: the decision (null when the caller named no route), with the kind and category as triage sees them
	 * (null: unchanged) and the assessor's note.
	 */
	public record Triage(UUID opinionId, TriageDecision decision, OpinionKind kind, Category category, String note) {
	}

	/** The command to undo a merge: the duplicate goes back to triage on its own. */
	public record Unmerge(UUID opinionId) {
	}

	@Transactional
	public Opinion triage(Triage command, Actor actor, Moment at) {
		actor.require(Role.ASSESSOR);
		Opinion o = opinions.visible(command.opinionId(), actor);
		if (command.decision() == null) {
			throw LianluoException.invalidField("route", "opinion.route.required");
		}
		String note = Text.optional("note", command.note(), 1000);
		String by = actor.username();
		o.classify(command.kind(), command.category());
		// Java 17: the sealed decision, route by route (a switch over patterns once the build moves to 21).
		TriageDecision d = command.decision().checked();
		if (d instanceof TriageDecision.Answer a) {
			o.answer(a.text(), by, at.now());
		}
		else if (d instanceof TriageDecision.Merge m) {
			Opinion primary = opinions.visible(m.primaryId(), actor);
			o.mergeInto(primary, by, at.now());
			noteOnPrimary(primary.getId(), o, "merged", actor, at);
		}
		else if (d instanceof TriageDecision.Reject r) {
			o.reject(r.reason(), r.referral(), by, at.now());
		}
		else if (d instanceof TriageDecision.Assign a) {
			assign(o, a, by, at);
		}
		else if (d instanceof TriageDecision.ToProposal p) {
			o.routeToProposal(proposalDeputies(o, p.deputyId()), by, at.now());
		}
		else if (d instanceof TriageDecision.ToConsultation c) {
			consultations.commentFromOpinion(c.consultationId(), c.articleNumber(), o.getContent(), o.getId());
			o.toConsultation(c.consultationId(), by, at.now());
		}
		o.noteOnTriage(note);
		return opinions.save(o, actor);
	}

	@Transactional
	public Opinion unmerge(Unmerge command, Actor actor, Moment at) {
		actor.require(Role.ASSESSOR);
		Opinion o = opinions.visible(command.opinionId(), actor);
		UUID primaryId = o.getPrimaryId();
		o.unmerge(actor.username(), at.now());
		Opinion saved = opinions.save(o, actor);
		noteOnPrimary(primaryId, o, "unmerged", actor, at);
		return saved;
	}

	/**
	 * Marks an opinion as turned into a proposal by a deputy who received it; the proposal module calls this in the
	 * transaction that creates the draft, so the opinion module knows nothing of proposals.
	 */
	@Transactional
	public Opinion turnIntoProposal(UUID opinionId, UUID proposalId, Actor actor, Moment at) {
		Opinion o = opinions.visible(opinionId, actor);
		if (actor.deputyId() == null || !o.getDeputyIds().contains(actor.deputyId())) {
			throw LianluoException.forbidden();
		}
		o.turnIntoProposal(proposalId, actor.username(), at.now());
		return opinions.save(o, actor);
	}

	/** The primary's timeline records each merge into it and its undoing (the primary itself is not changed). */
	private void noteOnPrimary(UUID primaryId, Opinion duplicate, String what, Actor actor, Moment at) {
		opinions.note(TimelineEntry.of(primaryId, at.now(), actor.username(), TimelineEntry.Kind.MERGE_NOTE, null,
				what + " " + duplicate.getTrackingCode(),
				Note.of("opinion.note.merge-note." + what, Note.literal(duplicate.getTrackingCode()))), actor);
	}

	/** Who drafts the proposal: the deputy named, with those who received the opinion; without any, 400. */
	private Set<UUID> proposalDeputies(Opinion o, UUID named) {
		Set<UUID> to = new LinkedHashSet<>(o.getDeputyIds());
		if (named != null) {
			if (deputies.findAll(List.of(named)).isEmpty()) {
				throw LianluoException.invalidField("deputyId", "opinion.deputy.missing");
			}
			to.add(named);
		}
		if (to.isEmpty()) {
			throw LianluoException.invalidField("deputyId", "opinion.route.to-proposal.deputy-required");
		}
		return to;
	}

	private void assign(Opinion o, TriageDecision.Assign a, String by, Moment at) {
		// The caller sees only the units of their scope; of those, only the units of the opinion's own line answer it.
		RegionCode region = new RegionCode(o.getRegionCode());
		if (units.find(a.leadUnitId()).filter(u -> region.onLineWith(u.regionCode())).isEmpty()) {
			throw LianluoException.invalidField("leadUnitId", "opinion.unit.missing");
		}
		Set<UUID> distinct = new HashSet<>(a.assistingUnitIds());
		if (units.findAll(distinct).stream().filter(u -> region.onLineWith(u.regionCode())).count() != distinct.size()) {
			throw LianluoException.invalidField("assistingUnitIds", "opinion.unit.missing");
		}
		var deadline = deadlines.forKind(o.getKind(), at.now());
		o.assign(a.leadUnitId(), a.assistingUnitIds(), deadline, deadlines.ladder().firstStep(deadline), by, at.now());
	}
}
