package org.lianluo.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@LianluoTest
class ConsultationApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static Map<String, Object> draft(String region, LocalDate opens, LocalDate closes) {
		return Map.of("title", "百色市农村生活垃圾治理条例（草案）", "issuer", "百色市人大常委会法工委", "regionCode", region,
				"opensOn", opens.toString(), "closesOn", closes.toString(), "articles",
				List.of(Map.of("number", 1, "text", "为了加强农村生活垃圾治理，制定本条例。"),
						Map.of("number", 2, "text", "本条例适用于本市行政区域内农村生活垃圾治理。"),
						Map.of("number", 3, "text", "村民委员会应当组织村民制定村规民约。")));
	}

	@Test
	void aPublishedDraftTakesCommentsByArticleWhileOpenAndTellsTheCommenterWhatWasAdopted() {
		Api assessor = Staff.user(port, "451000", "ASSESSOR");
		Api citizen = new Api(port);
		Response created = assessor.post("/api/v1/consultations", draft("451000", LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asText();
		assertThat(citizen.get("/api/v1/public/consultations/" + id).status()).isEqualTo(404);
		assertThat(citizen.post("/api/v1/public/consultations/" + id + "/comments", Map.of("text", "建议增加分类投放点。")).status()).isEqualTo(404);

		assertThat(assessor.post("/api/v1/consultations/" + id + "/publish", Map.of()).json().get("status").asText()).isEqualTo("PUBLISHED");
		assertThat(assessor.post("/api/v1/consultations/" + id + "/publish", Map.of()).status()).isEqualTo(409);
		JsonNode published = citizen.get("/api/v1/public/consultations?size=200").json();
		assertThat(published.get("items").valueStream().map(c -> c.get("id").asText())).contains(id);
		assertThat(published.get("total").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(citizen.get("/api/v1/public/consultations?size=500").status()).isEqualTo(400);
		assertThat(citizen.get("/api/v1/public/consultations/" + id).json().get("articles")).hasSize(3);

		Response comment = citizen.post("/api/v1/public/consultations/" + id + "/comments",
				Map.of("articleNumber", 3, "text", "建议明确村规民约的备案程序。", "name", "农美兰", "phone", "13977776666"));
		assertThat(comment.status()).isEqualTo(201);
		String code = comment.json().get("trackingCode").asText();
		Response badArticle = citizen.post("/api/v1/public/consultations/" + id + "/comments", Map.of("articleNumber", 9, "text", "第九条意见"));
		assertThat(badArticle.status()).isEqualTo(400);
		assertThat(badArticle.json().get("errors").get(0).get("message").asText()).isEqualTo("草案中没有这一条。");

		String stored = jdbc.sql("select coalesce(name_enc, '') || coalesce(phone_enc, '') from consultation_comment where tracking_code = ?")
			.param(code).query(String.class).single();
		assertThat(stored).doesNotContain("农美兰", "13977776666");

		var comments = assessor.get("/api/v1/consultations/" + id + "/comments?article=3").json().get("items");
		assertThat(comments).hasSize(1);
		String commentId = comments.get(0).get("id").asText();
		assertThat(comments.toString()).doesNotContain("农美兰", "13977776666");
		assertThat(assessor.post("/api/v1/consultations/comments/" + commentId + "/adoption", Map.of("adoption", "PARTLY_ADOPTED",
				"note", "已在第三条增加备案要求")).status()).isEqualTo(200);
		var tracked = citizen.get("/api/v1/public/consultation-comments/" + code).json();
		assertThat(tracked.get("adoption").asText()).isEqualTo("PARTLY_ADOPTED");
		assertThat(tracked.get("note").asText()).isEqualTo("已在第三条增加备案要求");

		assertThat(assessor.post("/api/v1/consultations/comments/" + commentId + "/hide", Map.of("reason", "含有个人信息")).json()
			.get("hidden").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'CONTENT_HIDDEN' and target = ?")
			.param("comment " + code).query(Long.class).single()).isEqualTo(1);
		assertThat(citizen.get("/api/v1/public/consultations/" + id).json().get("comments").asLong()).isZero();
	}

	@Test
	void commentsOutsideTheWindowAre409AndOtherCountiesCannotModerate() {
		Api assessor = Staff.user(port, "451022", "ASSESSOR");
		String id = assessor.post("/api/v1/consultations", draft("451022", LocalDate.now().minusDays(30), LocalDate.now().minusDays(1)))
			.json().get("id").asText();
		assessor.post("/api/v1/consultations/" + id + "/publish", Map.of());
		Response late = new Api(port).post("/api/v1/public/consultations/" + id + "/comments", Map.of("text", "晚到的意见"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("detail").asText()).isEqualTo("不在征求意见期内，不能提出意见。");
		Api jingxi = Staff.user(port, "451081", "ASSESSOR");
		assertThat(jingxi.get("/api/v1/consultations/" + id + "/comments").status()).isEqualTo(404);
		Response invalid = assessor.post("/api/v1/consultations", Map.of("title", "", "regionCode", "451022", "articles", List.of()));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asText())).contains("title", "issuer", "closesOn", "articles");
		assertThat(Staff.user(port, "451022", "STATION_ADMIN").post("/api/v1/consultations",
				draft("451022", LocalDate.now(), LocalDate.now())).status()).isEqualTo(403);
	}
}
