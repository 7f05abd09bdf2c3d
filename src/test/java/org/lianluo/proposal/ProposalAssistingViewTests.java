package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.region.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The views (协办意见) assisting units send the lead unit within 1 month of a LEAD + ASSISTING assignment: who may
 * send one, once per round, what the lead unit sees, and the sweep's one warning to a unit whose view is late.
 */
@LianluoTest
class ProposalAssistingViewTests {

	private static final String VIEW = "建议将该路段纳入水毁修复项目统筹安排，水利局可配合提供排水设计。";

	@LocalServerPort
	int port;

	@Autowired
	ProposalSupervision supervision;

	@Autowired
	ProposalDeadlines deadlines;

	@Autowired
	JdbcClient jdbc;

	ProposalFixture f;

	@BeforeEach
	void setUp() {
		f = new ProposalFixture(port);
	}

	@Test
	void onlyAnAssistingUnitsHandlerSendsItsViewOnceAndTheLeadUnitSeesIt() {
		String id = assignedWithAssistingUnit("关于协办意见的建议");
		JsonNode assigned = f.assessor.get("/api/v1/proposals/" + id).json();
		Instant assignedAt = Instant.parse(assigned.get("assignedAt").asText());
		assertThat(Instant.parse(assigned.get("assistingViewsDue").asText()))
			.isEqualTo(deadlines.assistingView(assignedAt).truncatedTo(ChronoUnit.MICROS));
		assertThat(assigned.get("assistingViewsMissing").get(0).get("id").asText()).isEqualTo(f.otherUnitId);

		String path = "/api/v1/proposals/" + id + "/assisting-views";
		Map<String, String> body = Map.of("text", VIEW);
		assertThat(f.handler.post(path, body).status()).as("the lead unit sends no view to itself").isEqualTo(403);
		assertThat(f.deputy.post(path, body).status()).isEqualTo(403);
		assertThat(f.assessor.post(path, body).status()).isEqualTo(403);
		Api elsewhere = f.user("jxhandler", "451081", "UNIT_HANDLER",
				ProposalFixture.id(f.admin.post("/api/v1/units", Map.of("name", "靖西市水利局" + f.u, "regionCode", "451081"))),
				null);
		assertThat(elsewhere.post(path, body).status()).as("outside its scope").isEqualTo(404);

		Response tooShort = f.otherHandler.post(path, Map.of("text", "同意"));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.body()).contains("协办意见应为 5 至 5000 个字");
		assertThat(f.otherHandler.post(path, Map.of("text", "很".repeat(5001))).status()).isEqualTo(400);
		assertThat(f.otherHandler.post(path, Map.of()).status()).isEqualTo(400);
		assertThat(f.assessor.get("/api/v1/proposals/" + id).json().get("assistingViews")).isEmpty();

		JsonNode sent = f.step(f.otherHandler, id, "assisting-views", body);
		assertThat(sent.get("assistingViews")).hasSize(1);
		assertThat(sent.get("assistingViews").get(0).get("text").asText()).isEqualTo(VIEW);
		assertThat(sent.get("assistingViews").get(0).get("unit").get("id").asText()).isEqualTo(f.otherUnitId);
		assertThat(sent.get("assistingViewsMissing")).isEmpty();
		assertThat(sent.get("timeline").valueStream().map(e -> e.get("kind").asText())).contains("ASSISTING_VIEW");

		Response again = f.otherHandler.post(path, Map.of("text", "补充意见：请一并考虑排水沟。"));
		assertThat(again.status()).as("once per round").isEqualTo(409);
		assertThat(again.body()).contains("本轮已送达协办意见");
		assertThat(f.assessor.get("/api/v1/proposals/" + id).json().get("assistingViews")).hasSize(1);

		f.step(f.handler, id, "accept", Map.of());
		String screen = screen("handler", "/proposals/" + id);
		assertThat(screen).contains("assisting-views-for-reply", VIEW);
	}

	@Test
	void theDetailNamesTheUnitsWhoseViewIsStillAwaitedWithTheirDeadline() {
		String id = assignedWithAssistingUnit("关于尚缺协办意见的建议");
		f.step(f.handler, id, "accept", Map.of());
		Instant due = Instant.parse(f.assessor.get("/api/v1/proposals/" + id).json().get("assistingViewsDue").asText());
		String screen = screen("handler", "/proposals/" + id);
		assertThat(screen).contains("assisting-views-missing", "田东县水利局" + f.u,
				due.atZone(WorkingCalendar.ZONE).toLocalDate().toString());
		assertThat(screen("water", "/proposals/" + id)).contains("/proposals/" + id + "/assisting-views");
	}

	@Test
	void theSweepWarnsTheAssistingUnitOnceWhenItsViewIsLate() {
		String late = assignedWithAssistingUnit("关于协办意见逾期的建议");
		String onTime = assignedWithAssistingUnit("关于协办意见按时的建议");
		f.step(f.otherHandler, onTime, "assisting-views", Map.of("text", VIEW));
		Instant due = Instant.parse(f.assessor.get("/api/v1/proposals/" + late).json().get("assistingViewsDue").asText());

		assertThat(supervision.advance(UUID.fromString(late), due)).as("not before the end of the due day").isZero();
		Instant after = due.plus(Duration.ofHours(10));
		supervision.sweep(after);
		supervision.sweep(after.plus(Duration.ofDays(1)));
		assertThat(supervision.advance(UUID.fromString(late), after.plus(Duration.ofDays(2)))).isZero();

		assertThat(notes(late, "ASSISTING_VIEW_LATE")).containsExactly("田东县水利局" + f.u);
		assertThat(notes(onTime, "ASSISTING_VIEW_LATE")).isEmpty();
		assertThat(warnings(f.otherHandler, late)).as("one warning").hasSize(1);
		assertThat(warnings(f.otherHandler, late).get(0).get("text").asText()).contains("协办意见", "尚未送达");
		assertThat(warnings(f.otherHandler, onTime)).isEmpty();
		assertThat(warnings(f.handler, late)).as("the lead unit is not the one late").isEmpty();
		JsonNode p = f.assessor.get("/api/v1/proposals/" + late).json();
		assertThat(p.get("assistingViewsWarned").asBoolean()).isTrue();
		assertThat(p.get("supervisionLevel").asInt()).as("the reply deadline is two months away").isZero();
	}

	private String assignedWithAssistingUnit(String title) {
		String id = f.draft(title + f.u);
		f.step(f.deputy, id, "submit", Map.of());
		f.step(f.assessor, id, "register", Map.of());
		f.step(f.assessor, id, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId, "assistingUnitIds",
				List.of(f.otherUnitId)));
		return id;
	}

	/** A screen as the fixture's user {@code prefix} sees it, signed in through the login form. */
	private String screen(String prefix, String path) {
		return Staff.screen(port, prefix + f.u, "password-123", path);
	}

	private List<JsonNode> warnings(Api who, String id) {
		return who.get("/api/v1/inbox?size=200").json().get("items").valueStream()
			.filter(m -> m.get("link").asText().equals("/proposals/" + id))
			.filter(m -> m.get("text").asText().contains("协办意见"))
			.toList();
	}

	private List<String> notes(String id, String kind) {
		return jdbc.sql("select coalesce(note, '') from proposal_event where proposal_id = ? and kind = ?")
			.params(UUID.fromString(id), kind).query(String.class).list();
	}
}
