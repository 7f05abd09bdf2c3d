package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Issue 21 point 7: a proposal not registered says what it became (转为来信 or 参阅件) and why, to its deputy. */
@LianluoTest
class ProposalNotRegisteredTests {

	@LocalServerPort
	int port;

	@Test
	void theOfficeSaysWhatItBecameAndTheDeputySeesItOnTheApiAndTheScreen() {
		ProposalFixture f = new ProposalFixture(port);
		String id = f.draft("关于在县城增设公共自行车的建议");
		f.step(f.cosigner, id, "cosign", Map.of("confirm", true));
		f.step(f.deputy, id, "submit", Map.of());

		Response undecided = f.assessor.post("/api/v1/proposals/" + id + "/not-register", Map.of("reason", "属于工作参考"));
		assertThat(undecided.status()).isEqualTo(400);
		assertThat(undecided.json().get("errors").get(0).get("field").asText()).isEqualTo("notRegisteredAs");
		assertThat(undecided.json().get("errors").get(0).get("message").asText()).contains("来信").contains("参阅件");
		Response unknown = f.assessor.post("/api/v1/proposals/" + id + "/not-register",
				Map.of("notRegisteredAs", "MEMO", "reason", "属于工作参考"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(f.deputy.get("/api/v1/proposals/" + id).json().get("status").asText())
			.as("a refused request changes nothing").isEqualTo("SUBMITTED");

		JsonNode refused = f.step(f.assessor, id, "not-register",
				Map.of("notRegisteredAs", "REFERENCE", "reason", "建议内容属于工作参考，作为参阅件送有关部门"));
		assertThat(refused.get("status").asText()).isEqualTo("NOT_REGISTERED");

		JsonNode seen = f.deputy.get("/api/v1/proposals/" + id).json();
		assertThat(seen.get("notRegisteredAs").asText()).isEqualTo("REFERENCE");
		assertThat(seen.get("notRegisteredReason").asText()).isEqualTo("建议内容属于工作参考，作为参阅件送有关部门");

		String screen = Staff.screen(port, "deputy" + f.u, "password-123", "/proposals/" + id);
		assertThat(screen).contains("不予立案后转为").contains("参阅件").contains("建议内容属于工作参考，作为参阅件送有关部门");

		String letter = f.draft("关于个人住房补贴的建议");
		f.step(f.cosigner, letter, "cosign", Map.of("confirm", true));
		f.step(f.deputy, letter, "submit", Map.of());
		f.step(f.assessor, letter, "not-register", Map.of("notRegisteredAs", "LETTER", "reason", "属于个人诉求"));
		assertThat(f.deputy.get("/api/v1/proposals/" + letter).json().get("notRegisteredAs").asText()).isEqualTo("LETTER");
		assertThat(Staff.screen(port, "deputy" + f.u, "password-123", "/proposals/" + letter)).contains("转为来信");
	}
}
