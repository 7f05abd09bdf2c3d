package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.platform.Sheets;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Bulk assignment after the 交办会 from a sheet: all lines or none, each bad line named in Chinese. */
@LianluoTest
class ProposalBulkAssignmentTests {

	@LocalServerPort
	int port;

	ProposalFixture f;

	final List<String> ids = new ArrayList<>();

	@BeforeEach
	void setUp() {
		f = new ProposalFixture(port);
		for (int i = 1; i <= 3; i++) {
			String id = f.draft("交办会建议" + i);
			f.step(f.deputy, id, "submit", Map.of());
			f.step(f.assessor, id, "register", Map.of());
			ids.add(id);
		}
	}

	@Test
	void aSheetWithOneBadLineAssignsNothingAndNamesEveryProblem() {
		byte[] sheet = sheet(List.of(
				List.of("1", "主办协办", "田东县交通运输局" + f.u, "田东县水利局" + f.u),
				List.of("第002号", "分别办理", "田东县不存在局" + f.u, "田东县水利局" + f.u),
				List.of("9", "交给他们", "田东县水利局" + f.u, ""),
				List.of("001", "分别办理", "田东县水利局" + f.u, ""),
				List.of("3", "主办协办", "田东县交通运输局" + f.u + "、田东县水利局" + f.u, "")));
		Response r = Staff.upload(f.assessor, "/api/v1/proposals/assignments?session=" + f.sessionId, "交办表.xlsx", sheet);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		JsonNode report = r.json();
		assertThat(report.get("imported").asInt()).isZero();
		assertThat(report.get("rejected").valueStream().map(x -> x.get("row").asInt())).containsExactly(3, 4, 5, 6);
		assertThat(report.get("rejected").get(0).toString()).contains("「主办单位」", "田东县不存在局" + f.u, "「协办单位」", "分别办理");
		assertThat(report.get("rejected").get(1).toString()).contains("第009号", "「交办方式」");
		assertThat(report.get("rejected").get(2).toString()).contains("第001号", "不止一次");
		assertThat(report.get("rejected").get(3).toString()).contains("「主办单位」", "只能有一个主办单位");
		for (String id : ids) {
			assertThat(f.assessor.get("/api/v1/proposals/" + id).json().get("status").asText()).isEqualTo("REGISTERED");
		}
	}

	@Test
	void aGoodSheetAssignsEveryLineWithItsDeadlineAndModeAndAnAssignedOneCannotBeAssignedAgain() {
		byte[] sheet = sheet(List.of(
				List.of("1", "主办协办", "田东县交通运输局" + f.u, "田东县水利局" + f.u),
				List.of("第002号", "分别办理", "田东县水利局" + f.u, ""),
				List.of("003", "SEPARATE", "田东县交通运输局" + f.u + "、田东县水利局" + f.u, "")));
		assertThat(Staff.upload(f.handler, "/api/v1/proposals/assignments?session=" + f.sessionId, "a.xlsx", sheet).status())
			.isEqualTo(403);
		assertThat(Staff.upload(f.jingxiAssessor, "/api/v1/proposals/assignments?session=" + f.sessionId, "a.xlsx", sheet)
			.status()).isEqualTo(404);
		Response r = Staff.upload(f.assessor, "/api/v1/proposals/assignments?session=" + f.sessionId, "交办表.xlsx", sheet);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat(r.json().get("imported").asInt()).isEqualTo(3);
		JsonNode first = f.assessor.get("/api/v1/proposals/" + ids.get(0)).json();
		assertThat(first.get("status").asText()).isEqualTo("ASSIGNED");
		assertThat(first.get("mode").asText()).isEqualTo("LEAD");
		assertThat(first.get("leadUnit").get("id").asText()).isEqualTo(f.unitId);
		assertThat(first.get("assistingUnits").get(0).get("id").asText()).isEqualTo(f.otherUnitId);
		assertThat(first.get("deadline").isNull()).isFalse();
		JsonNode second = f.otherHandler.get("/api/v1/proposals/" + ids.get(1)).json();
		assertThat(second.get("mode").asText()).isEqualTo("SEPARATE");
		assertThat(f.step(f.otherHandler, ids.get(1), "accept", Map.of()).get("status").asText()).isEqualTo("HANDLING");
		JsonNode third = f.assessor.get("/api/v1/proposals/" + ids.get(2)).json();
		assertThat(third.get("separateUnits").valueStream().map(u -> u.get("unit").get("id").asText()))
			.as("each unit named replies separately").containsExactly(f.unitId, f.otherUnitId);

		Response again = Staff.upload(f.assessor, "/api/v1/proposals/assignments?session=" + f.sessionId, "交办表.xlsx",
				sheet(List.of(List.of("3", "分别办理", "田东县水利局" + f.u, ""))));
		assertThat(again.json().get("imported").asInt()).isZero();
		assertThat(again.json().get("rejected").get(0).toString()).contains("第003号", "已交办");
		Response notASheet = Staff.upload(f.assessor, "/api/v1/proposals/assignments?session=" + f.sessionId, "x.xlsx", new byte[0]);
		assertThat(notASheet.status()).isEqualTo(400);
	}

	private static byte[] sheet(List<List<String>> rows) {
		List<List<Object>> cells = new ArrayList<>();
		rows.forEach(r -> cells.add(new ArrayList<>(r)));
		return Sheets.write("交办表", List.of("编号", "交办方式", "主办单位", "协办单位"), cells, null);
	}
}
