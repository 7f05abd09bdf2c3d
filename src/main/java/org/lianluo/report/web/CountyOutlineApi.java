package org.lianluo.report.web;

import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.report.CountyOutlines;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A city's county outlines for maps (issue 22): read by any staff, replaced by a city administrator with a GeoJSON
 * FeatureCollection that passes {@link CountyOutlines}' checks (else 400 naming the first rule broken).
 */
@RestController
class CountyOutlineApi {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final CountyOutlines outlines;

	CountyOutlineApi(CountyOutlines outlines) {
		this.outlines = outlines;
	}

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	@GetMapping(path = "/api/v1/maps/{city}", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> outlines(@PathVariable String city) {
		return outlines.geojson(city).map(g -> ResponseEntity.ok().contentType(GEO_JSON).body(g))
			.orElseThrow(LianluoException::notFound);
	}

	@PostMapping(path = "/api/v1/maps/{city}", consumes = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	CountyOutlines.Source upload(@PathVariable String city, @RequestBody byte[] geojson) {
		return outlines.upload(city, geojson, Actor.current());
	}
}
