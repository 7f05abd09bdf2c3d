package org.lianluo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.ScreenSession;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, point 6: once a user is disabled, or their roles, region, links or password change, their API tokens and
 * screen sessions end (the next request is refused); a caller can end their own token.
 */
@LianluoTest
class SessionEndTests {

	@LocalServerPort
	int port;

	record Signed(String id, String username, Api api, ScreenSession screens) {
	}

	Signed newUser(String role, Map<String, Object> more) {
		String name = Staff.unique("se");
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "会话用户", "password", "password-123",
				"roles", List.of(role), "regionCode", "451022"));
		body.putAll(more);
		Response r = Staff.admin(port).post("/api/v1/users", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		Api api = new Api(port).as(name, "password-123");
		ScreenSession screens = new ScreenSession(port);
		assertThat(screens.signIn(name, "password-123").headers().firstValue("Location").orElse("")).endsWith("/dashboard");
		assertThat(api.get("/api/v1/opinions").status()).isEqualTo(200);
		assertThat(screens.get("/dashboard").statusCode()).isEqualTo(200);
		return new Signed(r.json().get("id").asText(), name, api, screens);
	}

	Response change(Signed user, Consumer<Map<String, Object>> edit) {
		Map<String, Object> body = new HashMap<>(Map.of("displayName", "会话用户", "roles", List.of("ASSESSOR"), "regionCode", "451022",
				"enabled", true));
		edit.accept(body);
		Response r = Staff.admin(port).put("/api/v1/users/" + user.id(), body);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r;
	}

	static void ended(Signed user, String what) {
		Response api = user.api().get("/api/v1/opinions");
		assertThat(api.status()).as(what + ": the token").isEqualTo(401);
		assertThat(api.json().get("detail").asText()).isEqualTo("访问令牌无效或已过期，请重新登录。");
		HttpResponse<String> screen = user.screens().get("/dashboard");
		assertThat(screen.statusCode()).as(what + ": the session").isEqualTo(302);
		assertThat(screen.headers().firstValue("Location").orElse("")).as(what).endsWith("/login");
	}

	@Test
	void tokensAndSessionsEndWhenRolesRegionLinksPasswordOrTheEnabledFlagChange() {
		ended(with(newUser("ASSESSOR", Map.of()), b -> b.put("roles", List.of("LEADER"))), "roles");
		ended(with(newUser("ASSESSOR", Map.of()), b -> b.put("regionCode", "451022108")), "region");
		ended(with(newUser("ASSESSOR", Map.of()), b -> b.put("password", "another-password-456")), "password");
		ended(with(newUser("ASSESSOR", Map.of()), b -> b.put("enabled", false)), "disabled");
		String unitA = Staff.id(Staff.admin(port).post("/api/v1/units", Map.of("name", Staff.unique("田东县交通局"), "regionCode", "451022")))
			.toString();
		String unitB = Staff.id(Staff.admin(port).post("/api/v1/units", Map.of("name", Staff.unique("田东县林业局"), "regionCode", "451022")))
			.toString();
		Signed handler = newUser("UNIT_HANDLER", Map.of("unitId", unitA));
		change(handler, b -> {
			b.put("roles", List.of("UNIT_HANDLER"));
			b.put("unitId", unitB);
		});
		ended(handler, "unit");

		// a change of the display name alone leaves them signed in
		Signed renamed = newUser("ASSESSOR", Map.of());
		change(renamed, b -> b.put("displayName", "改名后的用户"));
		assertThat(renamed.api().get("/api/v1/opinions").status()).isEqualTo(200);
		assertThat(renamed.screens().get("/dashboard").statusCode()).isEqualTo(200);
	}

	Signed with(Signed user, Consumer<Map<String, Object>> edit) {
		change(user, edit);
		return user;
	}

	@Test
	void aCallerEndsTheirOwnTokenAndOnlyThatOne() {
		Signed user = newUser("ASSESSOR", Map.of());
		Api other = new Api(port).as(user.username(), "password-123");
		assertThat(user.api().delete("/api/v1/auth/token").status()).isEqualTo(204);
		assertThat(user.api().get("/api/v1/opinions").status()).isEqualTo(401);
		assertThat(user.api().delete("/api/v1/auth/token").status()).isEqualTo(401);
		assertThat(other.get("/api/v1/opinions").status()).isEqualTo(200);
		assertThat(new Api(port).delete("/api/v1/auth/token").status()).isEqualTo(401);
	}
}
