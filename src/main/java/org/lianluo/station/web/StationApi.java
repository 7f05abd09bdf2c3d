package org.lianluo.station.web;

import java.util.UUID;

import org.lianluo.platform.Page;
import org.lianluo.station.Station;
import org.lianluo.station.StationCodes;
import org.lianluo.station.StationForm;
import org.lianluo.station.StationMember;
import org.lianluo.station.StationMembers;
import org.lianluo.station.Stations;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code /api/v1/stations}: scoped reads for staff, changes by ASSESSOR, ADMIN and STATION_ADMIN; the members who are
 * not deputies; QR codes.
 */
@RestController
@RequestMapping("/api/v1/stations")
class StationApi {

	private final Stations stations;

	private final StationFilters filters;

	private final StationCodes codes;

	private final StationMembers members;

	StationApi(Stations stations, StationFilters filters, StationCodes codes, StationMembers members) {
		this.members = members;
		this.stations = stations;
		this.filters = filters;
		this.codes = codes;
	}

	@Transactional(readOnly = true)
	@GetMapping
	Page<Station> list(@ParameterObject StationFilters.Params params) {
		Page.check(params.pageOrZero(), params.sizeOr(20));
		return stations.list(filters.of(params), params.pageOrZero(), params.sizeOr(20));
	}

	@GetMapping("/{id}")
	Station get(@PathVariable UUID id) {
		return stations.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'STATION_ADMIN')")
	Station create(@RequestBody StationForm form) {
		return stations.create(form);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'STATION_ADMIN')")
	Station update(@PathVariable UUID id, @RequestBody StationForm form) {
		return stations.update(id, form);
	}

	@GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> png(@PathVariable UUID id) {
		Station station = stations.get(id);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(codes.png(url(station), 600));
	}

	@GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> svg(@PathVariable UUID id) {
		Station station = stations.get(id);
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(codes.svg(url(station)));
	}

	/** The station's members who are not deputies (judges, prosecutors, lawyers, mediators), as a page. */
	@GetMapping("/{id}/members")
	Page<StationMember> members(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return Page.of(members.of(id), page, size);
	}

	@PostMapping("/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'STATION_ADMIN')")
	StationMember addMember(@PathVariable UUID id, @RequestBody StationMember.Form form) {
		return members.add(id, form);
	}

	@DeleteMapping("/{id}/members/{memberId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'STATION_ADMIN')")
	void removeMember(@PathVariable UUID id, @PathVariable UUID memberId) {
		members.remove(id, memberId);
	}

	private String url(Station station) {
		return codes.portalUrl(station.id());
	}
}
