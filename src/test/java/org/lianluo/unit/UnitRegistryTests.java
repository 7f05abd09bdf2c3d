package org.lianluo.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.admin;
import static org.lianluo.Staff.download;
import static org.lianluo.Staff.headers;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;
import static org.lianluo.Staff.upload;
import static org.lianluo.Staff.user;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@LianluoTest
class UnitRegistryTests {

	@LocalServerPort
	int port;

	@Test
	void aCountyUserSeesAndEditsOnlyTheirCountysUnits() {
		UUID tiandong = id(admin(port).post("/api/v1/units", Map.of("name", unique("田东县住建局"), "regionCode", "451022")));
		UUID jingxi = id(admin(port).post("/api/v1/units", Map.of("name", unique("靖西市住建局"), "regionCode", "451081")));
		Api county = user(port, "451022", "ASSESSOR");
		assertThat(county.get("/api/v1/units/" + tiandong).status()).isEqualTo(200);
		assertThat(county.get("/api/v1/units/" + jingxi).status()).isEqualTo(404);
		assertThat(county.put("/api/v1/units/" + jingxi, Map.of("name", "改", "regionCode", "451081")).status()).isEqualTo(404);
		assertThat(county.get("/api/v1/units?size=200").body()).contains(tiandong.toString()).doesNotContain(jingxi.toString());
		assertThat(user(port, "451000", "ASSESSOR").get("/api/v1/units/" + jingxi).status()).isEqualTo(200);
	}

	@Test
	void importsUnitsWithParentsAndReportsBadRowsInChinese() throws Exception {
		String parent = unique("田东县人民政府");
		String child = unique("田东县住建局");
		Api admin = admin(port);
		id(admin.post("/api/v1/units", Map.of("name", parent, "regionCode", "451022")));
		String csv = "单位名称,单位类型,区域代码,上级单位,联系人\n" + child + ",政府部门,451022," + parent + ",黄主任\n"
				+ unique("法院") + ",法庭,451022,,\n";
		Api.Response strict = upload(admin, "/api/v1/import/units", "u.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(strict.json().get("imported").asInt()).isZero();
		assertThat(strict.json().get("rejected").get(0).get("errors").get(0).asText()).startsWith("「单位类型」");
		Api.Response partial = upload(admin, "/api/v1/import/units?partial=true", "u.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(partial.json().get("imported").asInt()).isEqualTo(1);
		assertThat(admin.get("/api/v1/units?q=" + child).json().get("items").get(0).get("parentId").isNull()).isFalse();
		assertThat(headers(download(admin, "/api/v1/import/units/template"))).startsWith("单位名称*", "单位类型");
		assertThat(download(admin, "/api/v1/units/export?q=" + child)).isNotEmpty();
	}
}
