package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Triage route TO_CONSULTATION (纳入立法参考): the opinion's words become a comment on an open draft law. */
@LianluoTest
class OpinionToConsultationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOpinionAboutADraftLawBecomesACommentOnItsArticleWithoutPersonalData() {
		LoopFixture f = new LoopFixture(port);
		Api citizen = new Api(port);
		String open = consultation(f, LocalDate.now().minusDays(1), LocalDate.now().plusDays(20));
		String closed = consultation(f, LocalDate.now().minusDays(30), LocalDate.now().minusDays(2));
		String code = citizen.post("/api/v1/public/opinions", Map.of("content",
				"垃圾治理条例第二条应当把城郊结合部也写进去，那里垃圾最多。", "regionCode", "451022", "name", "黄大伟", "phone",
				"13812345678")).json().get("trackingCode").asText();
		String id = f.idOf(code);

		// Refused without a consultation, and for a closed one: nothing changes.
		Response missing = f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "TO_CONSULTATION"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("consultationId");
		assertThat(f.assessor.post("/api/v1/opinions/" + id + "/triage",
				Map.of("route", "TO_CONSULTATION", "consultationId", closed)).status()).isEqualTo(409);
		assertThat(f.handler.post("/api/v1/opinions/" + id + "/triage",
				Map.of("route", "TO_CONSULTATION", "consultationId", open)).status()).isIn(403, 404);
		assertThat(comments(open)).isZero();

		JsonNode routed = f.assessor.post("/api/v1/opinions/" + id + "/triage",
				Map.of("route", "TO_CONSULTATION", "consultationId", open, "articleNumber", 2)).json();
		assertThat(routed.get("status").asText()).isEqualTo("TO_CONSULTATION");
		JsonNode comments = f.assessor.get("/api/v1/consultations/" + open + "/comments?article=2").json();
		assertThat(comments.get("total").asInt()).isEqualTo(1);
		JsonNode comment = comments.get("items").get(0);
		assertThat(comment.get("text").asText()).contains("城郊结合部");
		assertThat(comment.get("channel").asText()).isEqualTo("OPINION");
		assertThat(comment.toString()).doesNotContain("黄大伟").doesNotContain("13812345678");
		assertThat(jdbc.sql("select count(*) from consultation_comment c join opinion o on o.id = c.opinion_id "
				+ "where o.tracking_code = ? and o.consultation_id = c.consultation_id").param(code).query(Long.class).single())
			.isEqualTo(1);
		assertThat(citizen.get("/api/v1/public/opinions/" + code).json().get("status").asText())
			.isEqualTo("TO_CONSULTATION");
		// Settled: a second triage is a conflict.
		assertThat(f.assessor.post("/api/v1/opinions/" + id + "/triage",
				Map.of("route", "TO_CONSULTATION", "consultationId", open)).status()).isEqualTo(409);
		assertThat(comments(open)).isEqualTo(1);
	}

	private long comments(String consultation) {
		return jdbc.sql("select count(*) from consultation_comment where consultation_id = cast(? as uuid)")
			.param(consultation).query(Long.class).single();
	}

	private static String consultation(LoopFixture f, LocalDate opens, LocalDate closes) {
		String id = f.assessor.post("/api/v1/consultations", Map.of("title", "百色市农村生活垃圾治理条例（草案）", "issuer",
				"百色市人大常委会法工委", "regionCode", "451000", "opensOn", opens.toString(), "closesOn", closes.toString(),
				"articles", List.of(Map.of("number", 1, "text", "为了加强农村生活垃圾治理，制定本条例。"),
						Map.of("number", 2, "text", "本条例适用于本市行政区域内农村生活垃圾治理。"))))
			.json().get("id").asText();
		f.assessor.post("/api/v1/consultations/" + id + "/publish", Map.of());
		return id;
	}
}
