package org.lianluo.deputy.web;

import java.util.UUID;

import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Congresses.SessionForm;
import org.lianluo.deputy.Session;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sessions}: sessions of congresses; creating one creates its congress and term when new. */
@RestController
@RequestMapping("/api/v1/sessions")
class SessionApi {

	private final Congresses congresses;

	SessionApi(Congresses congresses) {
		this.congresses = congresses;
	}

	@GetMapping
	Page<Session> list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return congresses.sessions(region, page, size);
	}

	@GetMapping("/{id}")
	Session get(@PathVariable UUID id) {
		return congresses.findSession(id).orElseThrow(LianluoException::notFound);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	Session create(@RequestBody SessionForm form) {
		return congresses.createSession(form);
	}
}
