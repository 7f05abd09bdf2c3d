package org.lianluo.identity.web;

import java.util.Map;

import org.lianluo.identity.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in on this browser now, and the session's CSRF token (issue 24): the offline queue asks before it
 * sends a staff record, and sends it only when the signed-in user is the one who saved it. Without a session the
 * screens' door sends the request to the sign-in page, and the queue waits.
 */
@RestController
class OfflineSessionApi {

	@GetMapping("/offline/session")
	ResponseEntity<Map<String, String>> session(CsrfToken csrf) {
		Actor user = Actor.current();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("user", user.id().toString(), "csrfHeader", csrf.getHeaderName(), "csrf", csrf.getToken()));
	}
}
