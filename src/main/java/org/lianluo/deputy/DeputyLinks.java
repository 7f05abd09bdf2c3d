package org.lianluo.deputy;

import java.util.Optional;
import java.util.UUID;

import org.lianluo.identity.LinkedRecords;
import org.springframework.stereotype.Component;

/** Where a DEPUTY user's deputy lies, for the check of the user's link. */
@Component
class DeputyLinks implements LinkedRecords {

	private final Deputies deputies;

	DeputyLinks(Deputies deputies) {
		this.deputies = deputies;
	}

	@Override
	public String field() {
		return "deputyId";
	}

	@Override
	public Optional<String> regionOf(UUID id) {
		return deputies.find(id).map(DeputySummary::regionCode);
	}
}
