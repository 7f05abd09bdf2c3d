package org.lianluo.proposal.internal;

import java.util.UUID;

import org.lianluo.proposal.Proposal;
import org.springframework.data.repository.ListCrudRepository;

/** The proposal aggregates. */
public interface Proposals extends ListCrudRepository<Proposal, UUID> {
}
