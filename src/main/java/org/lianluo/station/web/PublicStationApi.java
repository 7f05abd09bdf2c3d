package org.lianluo.station.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Level;
import org.lianluo.platform.Page;
import org.lianluo.station.Station;
import org.lianluo.station.StationMember;
import org.lianluo.station.Stations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /api/v1/public/stations}: active stations, the deputies in office on their rosters and the members
 * stationed there with their days, for citizens; no personal data.
 */
@RestController
@RequestMapping("/api/v1/public/stations")
class PublicStationApi {

	private final Stations stations;

	PublicStationApi(Stations stations) {
		this.stations = stations;
	}

	@Transactional(readOnly = true)
	@GetMapping
	Page<PublicStation> list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return stations.published(region, q, page, size).map(PublicStation::of);
	}

	record PublicStation(UUID id, String name, Station.Kind kind, Set<Station.Partner> partners, String regionCode,
			String address, String receptionSchedule, List<PublicDeputy> deputies, List<PublicMember> members) {

		static PublicStation of(Station s) {
			return new PublicStation(s.id(), s.name(), s.kind(), s.partners(), s.regionCode(), s.address(),
					s.receptionSchedule(), s.deputies().stream().filter(d -> !d.levels().isEmpty())
						.map(d -> new PublicDeputy(d.id(), d.name(), d.levels())).toList(),
					s.members().stream().map(m -> new PublicMember(m.name(), m.kind(), m.organisation(), m.schedule())).toList());
		}
	}

	/** A member stationed there who is not a deputy, and the days they are there. */
	record PublicMember(String name, StationMember.Kind kind, String organisation, String schedule) {
	}

	record PublicDeputy(UUID id, String name, Set<Level> levels) {
	}
}
