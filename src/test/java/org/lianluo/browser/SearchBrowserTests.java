package org.lianluo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.LoopFixture;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen typing a request already answered sees the hint under the form; an assessor merges a duplicate from
 * the triage candidates and the primary shows "2 位群众反映同一问题"; the header's box finds it with marked words.
 */
@LianluoTest
class SearchBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aCitizenTypingAParaphraseOfAnAnsweredOpinionSeesTheHint() {
		LoopFixture f = new LoopFixture(port);
		Api citizen = new Api(port);
		String code = citizen.post("/api/v1/public/opinions", Map.of("content", "百东新区安置小区门口的路灯坏了好久，一直不亮",
				"regionCode", "451022", "category", "INFRASTRUCTURE")).json().get("trackingCode").asText();
		String id = f.idOf(code);
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "RESOLVED", "text", "已更换百东新区安置小区门口损坏的路灯。"));
		f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));
		awaitIndexed(() -> citizen.post("/api/v1/public/opinions/similar",
				Map.of("content", "百东新区安置小区路灯不亮", "regionCode", "451022")).body().contains("已更换百东新区"));

		try (Browser b = Browser.openMobile(port)) {
			b.go("/opinions/new").select("#regionCode", "451022");
			b.type("#content", "我们百东新区安置小区那边晚上黑灯瞎火的，门口的灯都不亮");
			new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(10))
				.until(d -> !d.findElements(By.cssSelector("#similar-hint .hint-item")).isEmpty());
			assertThat(b.text("#similar-hint .reply")).contains("已更换百东新区安置小区门口损坏的路灯。");
			assertThat(b.text("#similar-hint")).doesNotContain(code);
			b.screenshot("60-mobile-similar-hint");
		}
	}

	@Test
	void anAssessorMergesADuplicateFromTheCandidatesAndTheCounterShowsTwo() {
		LoopFixture f = new LoopFixture(port);
		Api citizen = new Api(port);
		String primaryCode = citizen.post("/api/v1/public/opinions", Map.of("content", "凌云县泗城镇中学食堂饭菜价格偏高、分量少，学生吃不饱",
				"regionCode", "451027100", "category", "EDUCATION")).json().get("trackingCode").asText();
		String duplicateCode = citizen.post("/api/v1/public/opinions", Map.of("content", "泗城中学伙食太差了，一份菜就几片肉还要十块钱，娃娃吃不饱",
				"regionCode", "451027100", "category", "EDUCATION")).json().get("trackingCode").asText();
		String primaryId = f.idOf(primaryCode);
		String duplicateId = f.idOf(duplicateCode);
		awaitIndexed(() -> f.assessor.get("/api/v1/opinions/" + duplicateId + "/similar").body().contains(primaryId));

		try (Browser b = Browser.open(port)) {
			b.signIn(f.assessorName, "password-123").go("/opinions/" + duplicateId);
			b.find(".candidates .candidate");
			b.screenshot("61-triage-candidates");
			b.click(".candidate form.merge-into input[value='" + primaryId + "'] ~ button");
			assertThat(b.text(".tag.status")).isEqualTo("已合并办理");
			b.go("/opinions/" + primaryId);
			assertThat(b.text(".people-reporting")).isEqualTo("2 位群众反映同一问题");
			b.screenshot("62-people-reporting");

			b.type("#header-q", "泗城 食堂").click(".header-search button");
			b.find(".search-hit");
			assertThat(b.driver().findElements(By.cssSelector(".search-hit mark")).stream().map(e -> e.getText()))
				.contains("食堂");
			assertThat(b.driver().findElements(By.cssSelector(".search-hit a.hit-title")).stream().map(e -> e.getAttribute("href")))
				.anyMatch(h -> h.endsWith("/opinions/" + primaryId));
			b.screenshot("63-search-results");
		}
	}

	private static void awaitIndexed(java.util.function.BooleanSupplier done) {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("not indexed within 20 s");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
