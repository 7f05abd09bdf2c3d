package org.lianluo.region.web;

import java.util.List;

import org.lianluo.region.Regions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/public/regions}: the region tree, for anyone. */
@RestController
class RegionApi {

	private final Regions regions;

	RegionApi(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/api/v1/public/regions")
	List<Regions.Node> tree() {
		return regions.tree();
	}
}
