package org.lianluo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import province.identity.IdentityPlatform;

/**
 * Issue 23, point 2, over HTTP: signing in to the screens through a real OpenID Connect platform
 * ({@link IdentityPlatform}) matched by its {@code staff_id} claim to a Lianluo user, who keeps their Lianluo roles
 * and session rules; everyone else is refused in Chinese and audited.
 */
@LianluoTest
@DirtiesContext
class UnifiedSignInTests {

	static AnnotationConfigServletWebServerApplicationContext platform;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry lianluo) {
		platform = IdentityPlatform.startFor(lianluo);
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void register() {
		IdentityPlatform.register(port);
	}

	String user(String role, boolean enabled) {
		String name = Staff.unique("oidc");
		Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "统一认证" + name.substring(4),
				"password", "password-123", "roles", List.of(role), "regionCode", "451022"));
		Api admin = Staff.admin(port);
		Api.Response r = admin.post("/api/v1/users", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		if (!enabled) {
			Api.Response off = admin.put("/api/v1/users/" + r.json().get("id").asText(), Map.of("displayName",
					"统一认证" + name.substring(4), "roles", List.of(role), "regionCode", "451022", "enabled", false));
			assertThat(off.status()).as(off.toString()).isEqualTo(200);
		}
		return name;
	}

	@Test
	void aKnownUserLandsOnTheirWorkbenchWithTheirLianluoRolesNotThePlatforms() {
		String name = user("ASSESSOR", true);
		HttpResponse<String> login = new PlatformBrowsing(port).lianluo("/login");
		assertThat(login.body()).contains("id=\"unified-sign-in\"", "使用广西统一身份认证平台登录", "/oauth2/authorization/unified");

		PlatformBrowsing browser = new PlatformBrowsing(port);
		HttpResponse<String> page = browser.signInThroughPlatform("/oauth2/authorization/unified", name);

		assertThat(browser.visited).anyMatch(u -> u.toString().startsWith(IdentityPlatform.issuer(platform) + "/oauth2/authorize"));
		assertThat(browser.visited).anyMatch(u -> u.getPath().equals("/login/oauth2/code/unified"));
		assertThat(browser.last().getPath()).isEqualTo("/dashboard");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("统一认证" + name.substring(4), "data-role=\"ASSESSOR\"").doesNotContain("data-role=\"ADMIN\"");
		// the platform claims roles [ADMIN] for everyone: Lianluo's roles stand
		assertThat(browser.lianluo("/admin/users").statusCode()).isEqualTo(403);
		assertThat(browser.lianluo("/opinions").statusCode()).isEqualTo(200);

		Map<String, Object> row = jdbc.sql("select actor, target, detail, region_code from audit_log where action = 'SIGN_IN' and actor = ?")
			.param(name)
			.query()
			.singleRow();
		assertThat(row.get("target")).isEqualTo(name);
		assertThat((String) row.get("detail")).startsWith("unified sign-in, subject gx-")
			.endsWith(" of " + IdentityPlatform.issuer(platform));
		assertThat(row.get("region_code")).isEqualTo("451022");
	}

	@Test
	void theSessionEndsAsAFormSessionDoesWhenTheUserChanges() {
		String name = user("ASSESSOR", true);
		PlatformBrowsing browser = new PlatformBrowsing(port);
		assertThat(browser.signInThroughPlatform("/oauth2/authorization/unified", name).statusCode()).isEqualTo(200);
		assertThat(browser.lianluo("/dashboard").statusCode()).isEqualTo(200);
		String id = jdbc.sql("select id::text from app_user where username = ?").param(name).query(String.class).single();
		Api.Response r = Staff.admin(port).put("/api/v1/users/" + id, Map.of("displayName", "统一认证" + name.substring(4),
				"roles", List.of("LEADER"), "regionCode", "451022", "enabled", true));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);

		HttpResponse<String> after = browser.lianluo("/dashboard");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void anUnknownUserIsRefusedInChineseAndAudited() {
		String stranger = Staff.unique("nobody");
		PlatformBrowsing browser = new PlatformBrowsing(port);
		HttpResponse<String> page = browser.signInThroughPlatform("/oauth2/authorization/unified", stranger);

		assertThat(browser.last().toString()).endsWith("/login?error");
		assertThat(page.body()).contains("您已通过统一身份认证（账号 " + stranger + "），但联络中没有与该账号对应的启用用户，无法登录。");
		assertThat(browser.lianluo("/dashboard").statusCode()).isEqualTo(302);
		Map<String, Object> row = jdbc.sql("select actor, detail, region_code from audit_log where action = 'SIGN_IN_REFUSED' and target = ?")
			.param(stranger)
			.query()
			.singleRow();
		assertThat(row.get("actor")).isNull();
		assertThat((String) row.get("detail")).startsWith("unified sign-in refused: no such user, subject gx-");
		assertThat(row.get("region_code")).isNull();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'SIGN_IN' and target = ?").param(stranger)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aDisabledUserIsRefusedAndAuditedInTheirRegion() {
		String name = user("ASSESSOR", false);
		PlatformBrowsing browser = new PlatformBrowsing(port);
		HttpResponse<String> page = browser.signInThroughPlatform("/oauth2/authorization/unified", name);

		assertThat(browser.last().toString()).endsWith("/login?error");
		assertThat(page.body()).contains("联络中没有与该账号对应的启用用户");
		assertThat(browser.lianluo("/dashboard").statusCode()).isEqualTo(302);
		Map<String, Object> row = jdbc.sql("select detail, region_code from audit_log where action = 'SIGN_IN_REFUSED' and target = ?")
			.param(name)
			.query()
			.singleRow();
		assertThat((String) row.get("detail")).startsWith("unified sign-in refused: user disabled");
		assertThat(row.get("region_code")).isEqualTo("451022");
	}

	@Test
	void aForgedReturnFromThePlatformIsAFailedSignInNotAnError() {
		PlatformBrowsing browser = new PlatformBrowsing(port);
		HttpResponse<String> back = browser.lianluo("/login/oauth2/code/unified?code=forged&state=forged");
		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location").orElse("")).endsWith("/login?error");
		assertThat(browser.lianluo("/login?error").body()).contains("统一身份认证登录未能完成，请重新登录。");
		assertThat(browser.lianluo("/dashboard").statusCode()).isEqualTo(302);
	}

	@Test
	void theFormStillSignsIn() {
		String name = user("ASSESSOR", true);
		org.lianluo.ScreenSession form = new org.lianluo.ScreenSession(port);
		assertThat(form.signIn(name, "password-123").headers().firstValue("Location").orElse("")).endsWith("/dashboard");
		assertThat(form.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(form.signIn("admin", "wrong-password").headers().firstValue("Location").orElse("")).endsWith("/login?error");
	}
}
