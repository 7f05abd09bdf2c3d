package org.lianluo.proposal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.Attachments;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.ProposalCommands.AttachReplyDocument;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed reply documents (答复函): PDFs the unit holding the proposal or a part of it uploads, and who may read them. */
@Service
public class ReplyDocuments {

	/** A signed reply document is a scanned letter of a few pages. */
	public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

	static final String REPLY_DOCUMENT = "proposal-reply";

	private final ProposalAccess access;

	private final Attachments attachments;

	ReplyDocuments(ProposalAccess access, Attachments attachments) {
		this.access = access;
		this.attachments = attachments;
	}

	/** The signed reply document as a PDF, checked by its content, by the unit holding the proposal or its part. */
	@Transactional
	public Attachments.Attachment handle(AttachReplyDocument c, Actor actor, Moment at) {
		actor.require(Role.UNIT_HANDLER);
		Proposal p = access.heldByActorsUnit(c.proposalId(), actor);
		byte[] data = c.data();
		if (data == null || data.length == 0) {
			throw LianluoException.invalidField("file", "proposal.document.empty");
		}
		if (data.length > MAX_DOCUMENT_BYTES) {
			throw LianluoException.of(HttpStatus.CONTENT_TOO_LARGE, "proposal.document.too-large",
					MAX_DOCUMENT_BYTES / 1024 / 1024);
		}
		if (!isPdf(data)) {
			throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "proposal.document.pdf");
		}
		String filename = c.filename();
		UUID part = p.attachReplyDocument(actor.unitId(), filename == null ? "" : filename, actor.username(), at.now());
		access.save(p);
		return attachments.store(REPLY_DOCUMENT, part, filename, data, actor.username());
	}

	/**
	 * The signed reply documents of a proposal already read (a unit that just returned it no longer sees it), oldest
	 * first, each kept under its unit's part (the only part has the proposal's id).
	 */
	public List<Attachments.Attachment> of(Proposal p) {
		List<Attachments.Attachment> all = new ArrayList<>();
		owners(p).forEach(owner -> all.addAll(attachments.of(REPLY_DOCUMENT, owner)));
		all.sort(Comparator.comparing(Attachments.Attachment::createdAt));
		return all;
	}

	/** Whose signed reply document it is: the unit of the part it is filed under, or null. */
	public UUID unitOf(Proposal p, Attachments.Attachment document) {
		return p.getParts().stream().filter(s -> s.getId().equals(document.ownerId()))
			.map(Part::getUnitId).findFirst().orElse(p.getLeadUnitId());
	}

	/** Under whom a proposal's documents are filed: the proposal (its only part's id) and each of its parts. */
	private static Set<UUID> owners(Proposal p) {
		Set<UUID> owners = new java.util.LinkedHashSet<>(Set.of(p.getId()));
		p.getParts().forEach(s -> owners.add(s.getId()));
		return owners;
	}

	/** One signed reply document of a proposal the actor may see, or 404. */
	@Transactional(readOnly = true)
	public Attachments.Attachment find(UUID id, UUID documentId, Actor actor) {
		Proposal p = access.visible(id, actor);
		Set<UUID> owners = owners(p);
		return attachments.find(documentId)
			.filter(a -> REPLY_DOCUMENT.equals(a.ownerType()) && owners.contains(a.ownerId()))
			.orElseThrow(LianluoException::notFound);
	}

	public byte[] content(UUID documentId) {
		return attachments.content(documentId);
	}

	private static boolean isPdf(byte[] data) {
		byte[] magic = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		return data.length >= magic.length && Arrays.equals(Arrays.copyOf(data, magic.length), magic);
	}
}
