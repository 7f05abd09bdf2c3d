package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.ScreenSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The timeline as staff read it (issue 20): each entry says in Chinese what happened, naming the unit and who acted
 * by name, never a UUID or an English word like "citizen" or "lead unit"; API.md's fields stay as they were.
 */
@LianluoTest
class OpinionTimelineTextTests {

	private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** The English words the notes used to carry (the fixture's names end in Latin letters of their own). */
	private static final Pattern OLD_WORDS = Pattern.compile("citizen|system|lead unit|unmerged|RESOLVED|PLANNED|EXPLAINED");

	@LocalServerPort
	int port;

	LoopFixture f;

	@BeforeEach
	void setUp() {
		f = new LoopFixture(port);
	}

	@Test
	void eachEntryIsRenderedInChineseWithTheUnitsAndPeoplesNames() {
		String id = f.idOf(f.submitPublic(new Api(port), "那板村村口的排水沟堵塞，雨天积水。"));
		String unit = f.admin.get("/api/v1/units/" + f.unitId).json().get("name").asText();
		f.assessor.post("/api/v1/opinions/" + id + "/triage",
				Map.of("route", "ASSIGN", "leadUnitId", f.unitId, "note", "请三日内答复"));
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "RESOLVED", "text", "已疏通排水沟。"));

		List<JsonNode> timeline = f.assessor.get("/api/v1/opinions/" + id).json().get("timeline").valueStream().toList();
		assertThat(timeline).extracting(e -> e.get("text").asText())
			.containsExactly("经线上平台收到", "交" + unit + "办理：请三日内答复", unit + "签收", unit + "答复：已解决");
		assertThat(timeline).extracting(e -> e.get("actorName").asText())
			.containsExactly("群众", "测试" + f.assessorName, "测试" + f.handlerName, "测试" + f.handlerName);
		assertThat(timeline).allSatisfy(e -> {
			assertThat(UUID_TEXT.matcher(e.get("text").asText()).find()).as(e.toString()).isFalse();
			assertThat(OLD_WORDS.matcher(e.get("text").asText() + e.get("actorName").asText()).find()).as(e.toString()).isFalse();
		});
		// API.md's fields as they were: the account that acted, and the words written.
		assertThat(timeline.get(0).get("actor").asText()).isEqualTo("citizen");
		assertThat(timeline.get(1).get("actor").asText()).isEqualTo(f.assessorName);
		assertThat(timeline.get(1).get("note").asText()).isEqualTo("请三日内答复");

		String screen = ScreenSession.signedIn(port, f.assessorName, "password-123").get("/opinions/" + id).body();
		assertThat(screen).contains("交" + unit + "办理：请三日内答复", "测试" + f.assessorName).doesNotContain("lead unit " + f.unitId);
	}
}
