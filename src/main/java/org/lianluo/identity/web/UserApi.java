package org.lianluo.identity.web;

import java.util.Set;
import java.util.UUID;

import org.lianluo.identity.Role;
import org.lianluo.identity.User;
import org.lianluo.identity.UserManagement;
import org.lianluo.identity.UserManagement.UserForm;
import org.lianluo.platform.Page;
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

/** {@code /api/v1/users}: ADMIN manages the users of their scope. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserApi {

	private final UserManagement users;

	UserApi(UserManagement users) {
		this.users = users;
	}

	@GetMapping
	Page<UserView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return users.list(q, page, size).map(UserView::of);
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable UUID id) {
		return UserView.of(users.get(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserView create(@RequestBody UserForm form) {
		return UserView.of(users.create(form));
	}

	@PutMapping("/{id}")
	UserView update(@PathVariable UUID id, @RequestBody UserForm form) {
		return UserView.of(users.update(id, form));
	}

	record UserView(UUID id, String username, String displayName, Set<Role> roles, String regionCode, UUID unitId,
			UUID deputyId, boolean enabled, boolean locked) {

		static UserView of(User u) {
			return new UserView(u.id(), u.username(), u.displayName(), u.roles(), u.regionCode(), u.unitId(),
					u.deputyId(), u.enabled(), u.lockedUntil() != null && u.lockedUntil().isAfter(java.time.Instant.now()));
		}
	}
}
