package org.lianluo.proposal.internal;

import java.util.Optional;
import java.util.UUID;

import org.lianluo.proposal.Proposal;
import org.springframework.data.repository.ListCrudRepository;

/** The proposal aggregates. */
public interface Proposals extends ListCrudRepository<Proposal, UUID> {

	/** The proposal drafted from this opinion (one is all it gets). */
	Optional<Proposal> findFirstByOpinionId(UUID opinionId);
}
