package org.lianluo.opinion;

import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.Attachments;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.casework.Note;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to an opinion: the unit's signed reply or photos of the result (lead unit), or what the office or
 * the station received with it. Checked by content, noted on the opinion's timeline.
 */
@Service
public class OpinionFiles {

	static final String OWNER = "opinion";

	private final Opinions opinions;

	private final Attachments attachments;

	OpinionFiles(Opinions opinions, Attachments attachments) {
		this.opinions = opinions;
		this.attachments = attachments;
	}

	public record Attach(UUID opinionId, String filename, byte[] data) {
	}

	@Transactional
	public Attachments.Attachment attach(Attach command, Actor actor, Moment at) {
		Opinion o = opinions.visible(command.opinionId(), actor);
		boolean leadUnit = actor.has(Role.UNIT_HANDLER) && actor.unitId() != null && actor.unitId().equals(o.getLeadUnitId());
		if (!leadUnit && !actor.hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN))) {
			throw LianluoException.forbidden();
		}
		Attachments.Attachment a = attachments.store(OWNER, o.getId(), command.filename(), command.data(), actor.username());
		opinions.note(TimelineEntry.of(o.getId(), at.now(), actor.username(), TimelineEntry.Kind.ATTACHMENT, o.getStatus(),
				a.filename(), Note.of("opinion.note.attachment", Note.WORDS)), actor);
		return a;
	}

	/** The files of an opinion the actor may see. */
	@Transactional(readOnly = true)
	public List<Attachments.Attachment> of(UUID opinionId, Actor actor) {
		opinions.visible(opinionId, actor);
		return attachments.of(OWNER, opinionId);
	}

	/** One file of an opinion the actor may see, or 404. */
	@Transactional(readOnly = true)
	public Attachments.Attachment get(UUID opinionId, UUID attachmentId, Actor actor) {
		opinions.visible(opinionId, actor);
		return attachments.find(attachmentId)
			.filter(a -> a.ownerType().equals(OWNER) && a.ownerId().equals(opinionId))
			.orElseThrow(LianluoException::notFound);
	}

	public byte[] content(UUID attachmentId) {
		return attachments.content(attachmentId);
	}
}
