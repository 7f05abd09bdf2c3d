package org.lianluo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signed-in API clients for tests: the administrator, or a new user of a role and region. */
public final class Staff {

	private Staff() {
	}

	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6);
	}

	public static Api admin(int port) {
		return new Api(port).as("admin", "admin-test-password");
	}

	public static Api user(int port, String region, String role) {
		String name = unique("u");
		Api.Response r = admin(port).post("/api/v1/users", Map.of("username", name, "displayName", "测试", "password",
				"password-123", "roles", List.of(role), "regionCode", region));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	public static UUID id(Api.Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return UUID.fromString(r.json().get("id").asText());
	}
}
