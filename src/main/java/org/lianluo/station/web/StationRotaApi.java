package org.lianluo.station.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lianluo.region.WorkingCalendar;
import org.lianluo.station.StationRota;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/stations/{id}/rota}: who receives voters at the station on which day. */
@RestController
@RequestMapping("/api/v1/stations/{id}/rota")
class StationRotaApi {

	private final StationRota rota;

	StationRotaApi(StationRota rota) {
		this.rota = rota;
	}

	@GetMapping
	List<StationRota.Duty> list(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate start = from == null ? LocalDate.now(WorkingCalendar.ZONE) : StationRota.plausible("from", from);
		return rota.between(id, start, to == null ? start.plusDays(90) : to);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'STATION_ADMIN')")
	void add(@PathVariable UUID id, @RequestBody Entry entry) {
		rota.add(id, entry.day(), entry.deputyId());
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'STATION_ADMIN')")
	void remove(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam UUID deputyId) {
		rota.remove(id, day, deputyId);
	}

	record Entry(LocalDate day, UUID deputyId) {
	}
}
