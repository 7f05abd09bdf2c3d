package org.lianluo.proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lianluo.platform.LianluoException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One unit's part of a proposal (承办): the unit, its state and its {@link Handling}. A proposal assigned to one unit
 * (with or without assisting units) has one part; assigned SEPARATE to several units (分别办理), one part per unit,
 * each accepted or returned, extended, replied, rated and re-handled on its own. The proposal's own status and
 * outcome follow its parts (see {@link ProposalStatus#following}).
 *
 * <p>The part of a proposal assigned to one unit has the proposal's id, so that the signed reply documents it
 * files are the proposal's as before parts existed.
 */
public class Part {

	UUID id;

	UUID unitId;

	int position;

	ProposalStatus status;

	Handling handling = new Handling();

	Part() {
	}

	Part(UUID id, UUID unitId, int position, Instant now, Instant deadline, Instant firstSupervision) {
		this.id = id;
		this.unitId = unitId;
		this.position = position;
		this.status = ProposalStatus.ASSIGNED;
		handling.start(now, deadline, firstSupervision);
	}

	/**
	 * 409 unless the part is in one of the states allowed: named as the unit's part's when the proposal has several,
	 * as the proposal's when this is its only part.
	 */
	void require(boolean several, ProposalStatus... allowed) {
		if (List.of(allowed).contains(status)) {
			return;
		}
		throw several ? LianluoException.conflict("proposal.separate-unit.not-allowed",
				new DefaultMessageSourceResolvable("proposal.status." + status)) : Proposal.notAllowedNow(status);
	}

	/** The part moves on; answers the state it left. */
	ProposalStatus moveTo(ProposalStatus to) {
		ProposalStatus from = status;
		status = to;
		return from;
	}

	boolean isActive() {
		return status != ProposalStatus.RETURNED;
	}

	/** The next supervision step of this part, while a deadline of its runs. */
	Instant nextSupervisionAt() {
		return status.isHandling() ? handling.getNextSupervisionAt() : null;
	}

	int position() {
		return position;
	}

	public UUID getId() { return id; }
	public UUID getUnitId() { return unitId; }
	public ProposalStatus getStatus() { return status; }
	public Handling getHandling() { return handling; }
}
