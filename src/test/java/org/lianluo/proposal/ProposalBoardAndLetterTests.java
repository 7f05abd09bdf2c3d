package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The overdue board of a session by unit, and 一人一函, the letter to a deputy on where each proposal went. */
@LianluoTest
class ProposalBoardAndLetterTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ProposalFixture f;

	@BeforeEach
	void setUp() {
		f = new ProposalFixture(port);
	}

	String assigned(String title, String unit) {
		String id = f.draft(title);
		f.step(f.deputy, id, "submit", Map.of());
		f.step(f.assessor, id, "register", Map.of());
		f.step(f.assessor, id, "assign", Map.of("mode", "LEAD", "leadUnitId", unit));
		return id;
	}

	@Test
	void theBoardListsWhatIsPastItsDeadlineByUnitMostOverdueFirst() {
		String late = assigned("逾期十天的建议", f.unitId);
		String later = assigned("逾期三十天的建议", f.unitId);
		String water = assigned("水利局逾期的建议", f.otherUnitId);
		assigned("未到期限的建议", f.unitId);
		pastDeadline(late, 10);
		pastDeadline(later, 30);
		pastDeadline(water, 2);

		JsonNode board = f.assessor.get("/api/v1/proposals/overdue?session=" + f.sessionId).json();
		assertThat(board.get("overdue").asInt()).isEqualTo(3);
		JsonNode first = board.get("units").get(0);
		assertThat(first.get("unitName").asText()).isEqualTo("田东县交通运输局" + f.u);
		assertThat(first.get("overdue").asInt()).isEqualTo(2);
		assertThat(first.get("proposals").valueStream().map(p -> p.get("title").asText()))
			.containsExactly("逾期三十天的建议", "逾期十天的建议");
		assertThat(first.get("proposals").get(0).get("daysOverdue").asLong()).isEqualTo(30);
		assertThat(board.get("units").get(1).get("unitName").asText()).isEqualTo("田东县水利局" + f.u);

		f.step(f.handler, late, "accept", Map.of());
		f.step(f.handler, late, "reply", Map.of("replyClass", "A", "text", "已办理。", "confirmedWithoutContact", true));
		JsonNode after = f.leader.get("/api/v1/proposals/overdue?session=" + f.sessionId).json();
		assertThat(after.get("overdue").asInt()).isEqualTo(2);
		assertThat(after.get("units").get(0).get("repliedLate").asLong()).as("the late reply stays on the board").isEqualTo(1);

		assertThat(f.handler.get("/api/v1/proposals/overdue?session=" + f.sessionId).status()).isEqualTo(403);
		assertThat(f.jingxiAssessor.get("/api/v1/proposals/overdue?session=" + f.sessionId).status()).isEqualTo(404);
		assertThat(f.assessor.get("/api/v1/proposals/overdue?session=" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void theLetterToTheDeputySaysWhereEachProposalWentAndHowItWasAnswered() throws Exception {
		String answered = assigned("关于改造祥周镇至林逢镇公路的建议", f.unitId);
		f.step(f.handler, answered, "accept", Map.of());
		f.step(f.handler, answered, "reply", Map.of("replyClass", "B", "text", "已列入2027年县道改造计划。",
				"confirmedWithoutContact", true));
		String letter = f.draft("关于个人住房纠纷的建议");
		f.step(f.deputy, letter, "submit", Map.of());
		f.step(f.assessor, letter, "not-register", Map.of("notRegisteredAs", "LETTER", "reason", "属于个人诉求，转为来信办理"));
		f.draft("尚未提交的草稿");

		String path = "/api/v1/proposals/letter?session=" + f.sessionId;
		HttpResponse<byte[]> own = get(f.deputy, path);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
		String text;
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(own.body()));
				XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
			text = words.getText();
		}
		assertThat(text).contains(f.deputyName + "代表", "共 2 件", "第001号", "关于改造祥周镇至林逢镇公路的建议",
				"田东县交通运输局" + f.u, "B 类", "已列入2027年县道改造计划。", "关于个人住房纠纷的建议", "不予立案",
				"属于个人诉求，转为来信办理").doesNotContain("尚未提交的草稿");

		assertThat(get(f.assessor, path + "&deputy=" + f.deputyId).statusCode()).isEqualTo(200);
		assertThat(get(f.cosigner, path + "&deputy=" + f.deputyId).statusCode()).as("another deputy's letter").isEqualTo(403);
		assertThat(get(f.jingxiAssessor, path + "&deputy=" + f.deputyId).statusCode()).isEqualTo(404);
		assertThat(get(f.assessor, path).statusCode()).as("an assessor names the deputy").isEqualTo(400);
	}

	/** Time passes: the deadline of the proposal's only part, and of the proposal as the board reads it, is past. */
	private void pastDeadline(String id, int days) {
		jdbc.sql("update proposal_part set deadline = now() - make_interval(days => ?) where proposal_id = ?")
			.params(days, UUID.fromString(id)).update();
		jdbc.sql("update proposal set deadline = now() - make_interval(days => ?) where id = ?")
			.params(days, UUID.fromString(id)).update();
	}

	private static HttpResponse<byte[]> get(Api api, String path) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
				.header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
