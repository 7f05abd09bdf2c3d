package org.lianluo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.ScreenSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without {@code lianluo.sign-in.oidc.issuer-uri} nothing of the unified sign-in shows or answers. */
@LianluoTest
class UnifiedSignInOffTests {

	@LocalServerPort
	int port;

	@Test
	void theSignInPageIsTheFormAloneAndThePlatformsPathsLeadToIt() {
		ScreenSession browser = new ScreenSession(port);
		assertThat(browser.get("/login").body()).contains("name=\"password\"").doesNotContain("unified-sign-in", "oauth2");
		HttpResponse<String> out = browser.get("/oauth2/authorization/unified");
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Location").orElse("")).isEqualTo("http://localhost:" + port + "/login");
		HttpResponse<String> back = browser.get("/login/oauth2/code/unified?code=x&state=y");
		assertThat(back.headers().firstValue("Location").orElse("")).isEqualTo("http://localhost:" + port + "/login");
	}
}
