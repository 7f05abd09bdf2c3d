package org.lianluo.unit;

import java.util.Optional;
import java.util.UUID;

import org.lianluo.identity.LinkedRecords;
import org.springframework.stereotype.Component;

/** Where a unit handler's unit lies, for the check of the user's link. */
@Component
class UnitLinks implements LinkedRecords {

	private final Units units;

	UnitLinks(Units units) {
		this.units = units;
	}

	@Override
	public String field() {
		return "unitId";
	}

	@Override
	public Optional<String> regionOf(UUID id) {
		return units.find(id).map(HandlingUnit::regionCode);
	}
}
