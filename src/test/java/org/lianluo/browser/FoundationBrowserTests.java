package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@LianluoTest
class FoundationBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theHomePageIsChineseAndAdminSignsInToTheDashboard() {
		try (Browser browser = Browser.open(port)) {
			browser.go("/");
			assertThat(browser.text("h1")).isEqualTo("有事找代表，件件有回音");
			browser.screenshot("01-home");

			browser.signIn("admin", "wrong-password");
			assertThat(browser.text(".alert.error")).isEqualTo("用户名或密码错误。");
			browser.screenshot("02-sign-in-refused");

			browser.signIn("admin", "admin-test-password");
			assertThat(browser.text("h1")).isEqualTo("系统管理员，您好");
			assertThat(browser.text(".user-scope")).isEqualTo("百色市");
			browser.screenshot("03-dashboard");

			browser.click("a[href='/admin/users']");
			assertThat(browser.text("h1")).isEqualTo("用户管理");
			browser.screenshot("04-users");
		}
	}
}
