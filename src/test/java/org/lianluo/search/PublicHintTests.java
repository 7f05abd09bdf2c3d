package org.lianluo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.LoopFixture;
import org.lianluo.platform.PersonalData;
import org.lianluo.platform.SubmissionGuard;
import org.lianluo.search.internal.Segmenter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, point 8: the similar-opinion hint of the portal is limited per address like intake (counted in
 * PostgreSQL), and shows of a closed opinion only its published reply: the words it names are words of that reply,
 * never of what the citizen who said it wrote.
 */
@LianluoTest
class PublicHintTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Segmenter segmenter;

	@Autowired
	PersonalData personalData;

	@Autowired
	SubmissionGuard.Settings settings;

	@Test
	void theWordsShownAreWordsOfThePublishedReplyNeverOfTheOpinionsContent() {
		LoopFixture f = new LoopFixture(port);
		Api citizen = new Api(port);
		String word = "zz" + ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
		Response submitted = citizen.post("/api/v1/public/opinions", Map.of("content", word + "百东新区路灯坏了一直不亮，黑灯瞎火的",
				"regionCode", "451022", "category", "INFRASTRUCTURE"));
		String id = f.idOf(submitted.json().get("trackingCode").asText());
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		String reply = "已更换损坏的路灯。";
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "RESOLVED", "text", reply));
		f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));
		SearchTests.eventually(() -> f.assessor.get("/api/v1/search?q=" + word + "&status=FED_BACK"), r -> SearchTests.total(r) == 1);

		Response hint = citizen.post("/api/v1/public/opinions/similar",
				Map.of("content", word + "百东新区晚上路灯不亮，黑灯瞎火走夜路很怕", "regionCode", "451022"));
		assertThat(hint.status()).as(hint.toString()).isEqualTo(200);
		JsonNode top = hint.json().get(0);
		assertThat(top.get("reply").asText()).isEqualTo(reply);
		List<String> shown = top.get("sharedTerms").valueStream().map(JsonNode::asText).toList();
		Set<String> ofReply = Set.copyOf(segmenter.documentTerms(reply));
		assertThat(shown).isNotEmpty().allMatch(ofReply::contains);
		assertThat(hint.body()).doesNotContain(word).doesNotContain("黑灯瞎火").doesNotContain("百东新区");
	}

	@Test
	void anAddressAsksAtMostItsHourlyNumberOfHintsCountedInTheDatabase() throws Exception {
		int limit = settings.hintsPerAddressPerHour();
		assertThat(limit).isPositive();
		String address = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255);
		for (int i = 0; i < limit; i++) {
			assertThat(ask(address).statusCode()).as("hint " + (i + 1)).isEqualTo(200);
		}
		HttpResponse<String> refused = ask(address);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("相似意见", String.valueOf(limit));
		assertThat(jdbc.sql("select sum(hits) from submission_counter where key = ?")
			.param("h:" + personalData.hash(PersonalData.Purpose.GUARD_ADDRESS, address)).query(Long.class).single())
			.isEqualTo(limit + 1L);

		assertThat(ask("198.18." + ThreadLocalRandom.current().nextInt(0, 255) + ".7").statusCode()).as("another address")
			.isEqualTo(200);
	}

	private HttpResponse<String> ask(String address) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/public/opinions/similar"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"村里的路灯晚上不亮\",\"regionCode\":\"451022\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
