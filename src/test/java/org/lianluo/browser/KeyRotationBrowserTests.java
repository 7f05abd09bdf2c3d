package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 23.3: the administrator finds the keys of personal data from the security audit, sees the current key and
 * suite, starts a rotation with the button and follows it to its end on the page.
 */
@LianluoTest
class KeyRotationBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theAdministratorStartsARotationAndSeesItDone() throws InterruptedException {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("admin", "admin-test-password");
			browser.go("/admin/audit");
			browser.click("a[href='/admin/keys']");
			assertThat(browser.text("h1")).isEqualTo("个人信息密钥");
			assertThat(browser.text("#current-key")).isEqualTo("k1");
			assertThat(browser.text("#suite")).isEqualTo("AES-256-GCM");
			browser.screenshot("key-rotation-01-keys");

			browser.click("form[action='/admin/keys/rotation'] button");
			assertThat(browser.text("#rotations tbody tr:first-child td:nth-child(2)")).isEqualTo("k1");
			String status = browser.text("#rotations tbody tr:first-child td:nth-child(4)");
			assertThat(status).isIn("进行中", "已完成");
			for (int i = 0; i < 60 && !status.equals("已完成"); i++) {
				Thread.sleep(1000);
				browser.go("/admin/keys");
				status = browser.text("#rotations tbody tr:first-child td:nth-child(4)");
			}
			assertThat(status).isEqualTo("已完成");
			assertThat(browser.text("#remaining").lines().skip(1).toList()).as("every table: no row left under another key")
				.hasSize(5)
				.allMatch(row -> row.endsWith(" 0"));
			assertThat(browser.text("#remaining")).contains("群众意见（姓名、电话）", "代表（电话）");
			((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('rotations').scrollIntoView()");
			browser.screenshot("key-rotation-02-done");
		}
	}
}
