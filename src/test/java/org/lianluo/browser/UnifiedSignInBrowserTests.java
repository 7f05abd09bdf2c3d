package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import province.identity.IdentityPlatform;

/**
 * Issue 23, point 2, in Chromium: the sign-in page's unified sign-in button leads to the identity platform (a real
 * Spring Authorization Server in this JVM, {@link IdentityPlatform}), whose own sign-in page brings a known user back
 * to their workbench with their Lianluo roles, and an unknown one back to Lianluo's sign-in page with the refusal in
 * Chinese, audited.
 */
@LianluoTest
@DirtiesContext
class UnifiedSignInBrowserTests {

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

	@Test
	void aKnownUserSignsInThroughThePlatformAndAStrangerIsRefused() {
		IdentityPlatform.register(port);
		String name = Staff.unique("oidcb");
		Api.Response r = Staff.admin(port).post("/api/v1/users", Map.of("username", name, "displayName", "黄统一",
				"password", "password-123", "roles", List.of("ASSESSOR", "LEADER"), "regionCode", "451022"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		String stranger = Staff.unique("nobody");

		try (Browser browser = Browser.open(port)) {
			browser.go("/login");
			assertThat(browser.text("#unified-sign-in")).isEqualTo("使用广西统一身份认证平台登录");
			browser.screenshot("unified-sign-in-01-login-page");
			throughPlatform(browser, name);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo("http://localhost:" + port + "/dashboard");
			assertThat(WorkbenchBrowserTests.roles(browser)).containsExactly("ASSESSOR", "LEADER");
			assertThat(browser.text("main")).contains("黄统一");
			browser.screenshot("unified-sign-in-03-workbench");
			browser.signOut();

			// signed in once: while the platform's session lasts, the button signs the same person in without a form
			browser.go("/login").click("#unified-sign-in");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
				.until(d -> d.getCurrentUrl().equals("http://localhost:" + port + "/dashboard"));
			assertThat(WorkbenchBrowserTests.roles(browser)).containsExactly("ASSESSOR", "LEADER");
			browser.signOut();
			browser.driver().get(IdentityPlatform.issuer(platform) + "/login");
			browser.signOut();

			browser.go("/login");
			throughPlatform(browser, stranger);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo("http://localhost:" + port + "/login?error");
			assertThat(browser.text("[role=alert]")).isEqualTo("您已通过统一身份认证（账号 " + stranger
					+ "），但联络中没有与该账号对应的启用用户，无法登录。请联系系统管理员开通或启用账号。");
			browser.screenshot("unified-sign-in-04-refused");
		}
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'SIGN_IN' and actor = ? and detail like 'unified sign-in, %'")
			.param(name).query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'SIGN_IN_REFUSED' and target = ?")
			.param(stranger).query(Long.class).single()).isEqualTo(1);
	}

	/** Clicks the button, signs in on the platform's own page, and waits until the browser is back at Lianluo. */
	private static void throughPlatform(Browser browser, String platformUser) {
		browser.click("#unified-sign-in");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> d.getCurrentUrl().startsWith(IdentityPlatform.issuer(platform) + "/login"));
		browser.type("#username", platformUser).type("#password", IdentityPlatform.PASSWORD);
		if (platformUser.startsWith("oidcb")) {
			browser.screenshot("unified-sign-in-02-platform");
		}
		browser.click("button[type=submit]");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> d.getCurrentUrl().startsWith("http://localhost:") && !d.getCurrentUrl().contains("/oauth2/"));
	}
}
