package org.lianluo.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LianluoTest
class RegionApiTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Regions regions;

	@Test
	void theRegionTreeHasBaiseWithItsTwelveCountiesAndTheirTownships() {
		JsonNode tree = new Api(port).get("/api/v1/public/regions").json();
		assertThat(tree).hasSize(1);
		JsonNode baise = tree.get(0);
		assertThat(baise.get("code").asText()).isEqualTo("451000");
		assertThat(baise.get("name").asText()).isEqualTo("百色市");
		assertThat(baise.get("children").valueStream().map(c -> c.get("name").asText())).containsExactly("右江区", "田阳区",
				"田东县", "德保县", "那坡县", "凌云县", "乐业县", "田林县", "西林县", "隆林各族自治县", "靖西市", "平果市");
		List<String> townships = baise.get("children").valueStream()
			.flatMap(c -> c.get("children").valueStream())
			.map(t -> t.get("name").asText())
			.toList();
		assertThat(townships).hasSize(135).contains("朔良镇", "新安镇", "化峒镇", "作登瑶族乡", "坡荷乡", "八达镇");
		assertThat(regions.fullName("451022108")).isEqualTo("田东县朔良镇");
	}

	@Test
	void deadlinesSkipTheNationalDayHolidayAndCountTheAdjustedSaturday() {
		// 2025-10-01..08 are off; Saturday 2025-09-28 and 2025-10-11 are adjusted working days.
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 3))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
		assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
		assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 3)).isEqualTo(LocalDate.of(2025, 10, 11));
		Instant deadline = calendar.addWorkingDays(ZonedDateTime.of(2025, 9, 30, 16, 0, 0, 0, WorkingCalendar.ZONE).toInstant(), 0);
		assertThat(deadline.atZone(WorkingCalendar.ZONE).toLocalDate()).isEqualTo(LocalDate.of(2025, 9, 30));
		assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 11))).isEqualTo(3);
	}
}
