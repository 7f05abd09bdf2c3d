package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.region.WorkingCalendar;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Issue 21 point 6: an upward proposal records the higher congress and its session, and its page lists it. */
@LianluoTest
class UpwardProposalTargetTests {

	@LocalServerPort
	int port;

	@Test
	void theTargetSessionIsRecordedShownAndCheckedAndTheStatusFollows() {
		String u = UUID.randomUUID().toString().substring(0, 6);
		String name = "upward" + u;
		Staff.admin(port).post("/api/v1/users", Map.of("username", name, "displayName", "百色选联工委", "password",
				"password-123", "roles", List.of("ASSESSOR"), "regionCode", "451000"));
		Api assessor = new Api(port).as(name, "password-123");
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);

		Map<String, Object> body = new HashMap<>(Map.of("delegation", "百色代表团", "regionCode", "451000", "targetLevel",
				"PROVINCIAL", "title", "关于支持百色芒果产业冷链物流建设的建议" + u, "submittedOn", today.toString(),
				"targetCongress", "广西壮族自治区人民代表大会", "targetTerm", 14, "targetSession", 3));
		body.put("targetTerm", 0);
		Response bad = assessor.post("/api/v1/proposals/upward", body);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("targetTerm");
		assertThat(bad.json().get("errors").get(0).get("message").asText()).contains("1 到 99");

		body.put("targetTerm", 14);
		Response created = assessor.post("/api/v1/proposals/upward", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asText();
		JsonNode listed = find(assessor.get("/api/v1/proposals/upward?size=200&year=" + today.getYear()).json().get("items"), id);
		assertThat(listed.get("targetCongress").asText()).isEqualTo("广西壮族自治区人民代表大会");
		assertThat(listed.get("targetTerm").asInt()).isEqualTo(14);
		assertThat(listed.get("targetSession").asInt()).isEqualTo(3);
		assertThat(listed.get("status").asText()).isEqualTo("SUBMITTED");

		Response status = assessor.post("/api/v1/proposals/upward/" + id + "/status",
				Map.of("status", "REGISTERED", "externalNumber", "第0123号", "note", "已立案"));
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().get("targetSession").asInt()).as("kept by a status change").isEqualTo(3);

		String page = Staff.screen(port, name, "password-123", "/proposals/upward?year=" + today.getYear());
		assertThat(page).contains(today.getYear() + "年共").contains("关于支持百色芒果产业冷链物流建设的建议" + u).contains("广西壮族自治区人民代表大会第14届第3次会议")
			.contains("第0123号").contains("已立案");
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode n : list) {
			if (n.get("id").asText().equals(id)) {
				return n;
			}
		}
		throw new AssertionError("not listed: " + id);
	}
}
