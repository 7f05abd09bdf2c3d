package org.lianluo.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A citizen's comment queued offline and sent twice with its Idempotency-Key is stored once (issue 24). */
@LianluoTest
class CommentIdempotencyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSameKeyAndBodyAgainAnswerTheSameTrackingCodeAndAnotherBodyIsRefused() {
		Api assessor = Staff.user(port, "451082", "ASSESSOR");
		String id = assessor.post("/api/v1/consultations", ConsultationApiTests.draft("451082", LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(10))).json().get("id").asText();
		assessor.post("/api/v1/consultations/" + id + "/publish", Map.of());
		Api citizen = new Api(port);
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("articleNumber", 2, "text", "建议明确村民小组的责任。", "phone", "13907760123");

		Response first = citizen.post("/api/v1/public/consultations/" + id + "/comments", body, Map.of("Idempotency-Key", key));
		Response again = citizen.post("/api/v1/public/consultations/" + id + "/comments", body, Map.of("Idempotency-Key", key));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("trackingCode").asText()).isEqualTo(first.json().get("trackingCode").asText());
		assertThat(jdbc.sql("select count(*) from consultation_comment where consultation_id = ?").param(UUID.fromString(id))
			.query(Long.class).single()).isEqualTo(1);

		Response other = citizen.post("/api/v1/public/consultations/" + id + "/comments",
				Map.of("articleNumber", 3, "text", "另一条意见。"), Map.of("Idempotency-Key", key));
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("detail").asText()).contains("幂等键");
	}
}
