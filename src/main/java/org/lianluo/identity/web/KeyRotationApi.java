package org.lianluo.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.CityWide;
import org.lianluo.identity.KeyRotation;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.PersonalData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key rotation of personal data (issue 23.3), for an ADMIN of the whole installation: {@code POST
 * /api/v1/admin/key-rotations} starts it (202), {@code GET /api/v1/admin/key-rotations} tells the current key and
 * suite, the rows not yet under them per table and the rotations, {@code GET …/{id}} one rotation's progress
 * ({@link KeyRotationScreens} shows the same with a button).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class KeyRotationApi {

	/** The key set as this instance holds it, and what is left to re-seal. */
	record Keys(String keyId, String suite, List<String> keyIds, Map<String, Long> remaining, List<KeyRotation.Rotation> rotations) {
	}

	private final KeyRotation rotation;

	private final PersonalData personalData;

	private final CityWide cityWide;

	KeyRotationApi(KeyRotation rotation, PersonalData personalData, CityWide cityWide) {
		this.rotation = rotation;
		this.personalData = personalData;
		this.cityWide = cityWide;
	}

	@PostMapping("/api/v1/admin/key-rotations")
	ResponseEntity<KeyRotation.Rotation> start() {
		Actor admin = cityWide.requireAdmin();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(rotation.start(admin));
	}

	@GetMapping("/api/v1/admin/key-rotations")
	Keys keys() {
		cityWide.requireAdmin();
		return new Keys(personalData.currentKeyId(), personalData.suite().title(), personalData.keyIds(), rotation.remaining(),
				rotation.recent());
	}

	@GetMapping("/api/v1/admin/key-rotations/{id}")
	KeyRotation.Rotation one(@PathVariable UUID id) {
		cityWide.requireAdmin();
		return rotation.find(id).orElseThrow(LianluoException::notFound);
	}
}
