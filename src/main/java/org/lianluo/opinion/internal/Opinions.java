package org.lianluo.opinion.internal;

import java.util.Optional;
import java.util.UUID;

import org.lianluo.opinion.Opinion;
import org.springframework.data.repository.ListCrudRepository;

/** The opinion aggregates. */
public interface Opinions extends ListCrudRepository<Opinion, UUID> {

	Optional<Opinion> findByTrackingCode(String trackingCode);
}
