package org.lianluo.unit.web;

import java.util.UUID;

import org.lianluo.platform.Page;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.lianluo.unit.Units.UnitForm;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/units}: handling units, scoped; ASSESSOR and ADMIN change them. */
@RestController
@RequestMapping("/api/v1/units")
class UnitApi {

	private final Units units;

	UnitApi(Units units) {
		this.units = units;
	}

	@GetMapping
	Page<HandlingUnit> list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return units.list(region, q, page, size);
	}

	@GetMapping("/{id}")
	HandlingUnit get(@PathVariable UUID id) {
		return units.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	HandlingUnit create(@RequestBody UnitForm form) {
		return units.create(form);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	HandlingUnit update(@PathVariable UUID id, @RequestBody UnitForm form) {
		return units.update(id, form);
	}
}
