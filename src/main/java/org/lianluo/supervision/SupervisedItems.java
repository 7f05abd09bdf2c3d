package org.lianluo.supervision;

import java.util.Optional;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.platform.LianluoException;
import org.lianluo.proposal.Proposal;
import org.lianluo.proposal.ProposalManagement;
import org.springframework.stereotype.Component;

/** Reads the items under key supervision through their loops' own APIs. */
@Component
class SupervisedItems {

	private static final int TITLE = 60;

	private final OpinionManagement opinions;

	private final ProposalManagement proposals;

	SupervisedItems(OpinionManagement opinions, ProposalManagement proposals) {
		this.opinions = opinions;
		this.proposals = proposals;
	}

	/** The item, as far as the connection's region lets it be read. */
	Optional<SupervisedItem> find(ItemType type, UUID id) {
		if (type == null || id == null) {
			return Optional.empty();
		}
		return type == ItemType.OPINION ? opinions.byId(id).map(SupervisedItems::of) : proposals.byId(id).map(SupervisedItems::of);
	}

	/** Whether the actor may see the item itself (a unit: what is assigned to it). */
	boolean visibleTo(ItemType type, UUID id, Actor actor) {
		try {
			if (type == ItemType.OPINION) {
				opinions.get(id, actor);
			}
			else {
				proposals.get(id, actor);
			}
			return true;
		}
		catch (LianluoException ex) {
			return false;
		}
	}

	private static SupervisedItem of(Opinion o) {
		String content = o.getContent();
		String title = content.length() <= TITLE ? content : content.substring(0, TITLE) + "…";
		return new SupervisedItem(ItemType.OPINION, o.getId(), o.getRegionCode(), title, o.getStatus().name(),
				o.getCategory() == null ? null : o.getCategory().name(), content);
	}

	private static SupervisedItem of(Proposal p) {
		return new SupervisedItem(ItemType.PROPOSAL, p.getId(), p.getRegionCode(), p.getTitle(), p.getStatus().name(), null,
				p.getTitle() + "\n" + p.getContent());
	}
}
