package org.lianluo.deputy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.deputy.DeputyForm;
import org.lianluo.deputy.DeputyHistory;
import org.lianluo.platform.Page;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/deputies}: scoped reads for staff; ASSESSOR and ADMIN change them. Phones leave masked. */
@RestController
@RequestMapping("/api/v1/deputies")
class DeputyApi {

	private final Deputies deputies;

	private final DeputyFilters filters;

	private final DeputyHistory history;

	DeputyApi(Deputies deputies, DeputyFilters filters, DeputyHistory history) {
		this.deputies = deputies;
		this.filters = filters;
		this.history = history;
	}

	@GetMapping
	Page<Deputy> list(@ParameterObject DeputyFilters.Params params) {
		Page.check(params.pageOrZero(), params.sizeOr(20));
		return deputies.list(filters.of(params), params.pageOrZero(), params.sizeOr(20));
	}

	@GetMapping("/{id}")
	Deputy get(@PathVariable UUID id) {
		return deputies.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	Deputy create(@RequestBody DeputyForm form) {
		return deputies.create(form);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	Deputy update(@PathVariable UUID id, @RequestBody DeputyForm form) {
		return deputies.update(id, form);
	}

	/** The history of changes, newest first, in words. */
	@GetMapping("/{id}/history")
	List<DeputyHistory.Entry> history(@PathVariable UUID id) {
		deputies.get(id);
		return history.of(id, LocaleContextHolder.getLocale());
	}

	/** The full phone number; the reveal is written to the security audit. */
	@PostMapping("/{id}/phone")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'LEADER', 'STATION_ADMIN')")
	Map<String, String> revealPhone(@PathVariable UUID id) {
		return Map.of("phone", deputies.revealPhone(id).orElse(""));
	}

	@PostMapping("/{id}/seats/{seatId}/end")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	Deputy endSeat(@PathVariable UUID id, @PathVariable UUID seatId, @RequestBody SeatEnd body) {
		return deputies.endSeat(id, seatId, body.status(), body.on());
	}

	record SeatEnd(Deputy.SeatStatus status, LocalDate on) {
	}
}
