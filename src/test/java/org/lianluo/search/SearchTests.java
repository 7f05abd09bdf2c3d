package org.lianluo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.LoopFixture;
import org.lianluo.platform.PersonalData;
import org.lianluo.search.internal.Segmenter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The index follows the loops after commit, answers staff within their scope, and rebuilds to the same answers. */
@LianluoTest
class SearchTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Segmenter segmenter;

	@Autowired
	PersonalData personalData;

	LoopFixture f;

	Api citizen;

	String word;

	@BeforeEach
	void setUp() {
		f = new LoopFixture(port);
		citizen = new Api(port);
		// A made-up word, unique to this test run, so that answers are not mixed with other tests' opinions.
		word = "zz" + ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
	}

	@Test
	void theSegmenterKnowsLocalNamesAndMapsHowPeopleSayThings() {
		assertThat(segmenter.documentTerms("平马镇人大代表联络站门口的路坑坑洼洼")).contains("平马镇", "平马", "人大代表", "联络站",
				"道路", "破损");
		assertThat(segmenter.queryTerms("那坡县 校车")).containsExactly("那坡县", "那坡", "校车");
		assertThat(segmenter.documentTerms("我的电话13812345678，身份证451022199001011234")).noneMatch(t -> t.contains("1381234"))
			.noneMatch(t -> t.contains("19900101"));
	}

	@Test
	void pgTrgmWorksOnChineseWithTheDatabasesCtype() {
		double same = jdbc.sql("select similarity('村里的路坑坑洼洼没法走', '村里的路坑坑洼洼走不了')").query(Double.class).single();
		double other = jdbc.sql("select similarity('村里的路坑坑洼洼没法走', '学校食堂饭菜太贵')").query(Double.class).single();
		assertThat(same).isGreaterThan(0.3);
		assertThat(other).isLessThan(0.05);
	}

	@Test
	void anOpinionIsFoundByItsWordsWithinScopeWithAMarkedEscapedSnippetAndFacets() {
		String phone = phone();
		String code = submit(word + "平马镇<script>alert(1)</script>门口的路灯晚上不亮，电话" + phone, "451022100", phone);
		String id = f.idOf(code);
		JsonNode result = eventually(() -> f.assessor.get("/api/v1/search?q=" + word + "%20路灯"), r -> total(r) == 1);
		JsonNode hit = result.get("items").get(0);
		assertThat(hit.get("id").asText()).isEqualTo(id);
		assertThat(hit.get("type").asText()).isEqualTo("OPINION");
		String html = hit.get("snippet").get("html").asText();
		assertThat(html).contains("<mark>路灯</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
		assertThat(hit.toString()).doesNotContain(phone);
		assertThat(result.get("facets").get("county").get("451022").asLong()).isEqualTo(1);
		assertThat(result.get("facets").get("type").get("OPINION").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from search_document where body like ? or tokens like ?")
			.params("%" + phone + "%", "%" + phone + "%").query(Long.class).single()).isZero();

		// Another county's assessor finds nothing; asking for a region outside the scope finds nothing either.
		assertThat(total(f.otherCountyAssessor.get("/api/v1/search?q=" + word).json())).isZero();
		assertThat(total(f.assessor.get("/api/v1/search?q=" + word + "&region=451081").json())).isZero();
		// A unit handler sees it once their unit leads it.
		assertThat(total(f.handler.get("/api/v1/search?q=" + word).json())).isZero();
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		eventually(() -> f.handler.get("/api/v1/search?q=" + word), r -> total(r) == 1);
		eventually(() -> f.assessor.get("/api/v1/search?q=" + word + "&status=ASSIGNED"), r -> total(r) == 1);
	}

	@Test
	void badQueriesAreRefusedInChineseAndCitizensCannotSearch() {
		Response empty = f.assessor.get("/api/v1/search?q=");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").get(0).get("message").asText()).contains("检索词");
		assertThat(f.assessor.get("/api/v1/search?q=" + "路".repeat(201)).status()).isEqualTo(400);
		assertThat(f.assessor.get("/api/v1/search?q=路&region=abc").status()).isEqualTo(400);
		assertThat(citizen.get("/api/v1/search?q=路").status()).isEqualTo(401);
	}

	/** DESIGN.md: the search box covers activities too, scoped like the rest, and a rebuild keeps them. */
	@Test
	void anActivityIsFoundByItsWordsWithinScopeAndAgainAfterARebuild() {
		String deputy = f.admin.post("/api/v1/deputies", Map.of("name", "黄" + word.substring(2, 5), "gender", "FEMALE",
				"levels", List.of("COUNTY"), "regionCode", "451022108")).json().get("id").asText();
		Response made = f.assessor.post("/api/v1/activities", Map.of("type", "PUBLIC_MEETING", "title",
				word + "朔良镇芒果产销民情沟通会", "theme", "乡村振兴", "startAt", "2026-05-12T09:00:00+08:00", "regionCode",
				"451022108", "deputyIds", List.of(deputy), "votersReceived", 60, "outcome",
				"群众反映芒果收购价偏低，代表联系县农业农村局协调电商平台收购。"));
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		String id = made.json().get("id").asText();

		JsonNode result = eventually(() -> f.assessor.get("/api/v1/search?q=" + word + "%20芒果"), r -> total(r) == 1);
		JsonNode hit = result.get("items").get(0);
		assertThat(hit.get("type").asText()).isEqualTo("ACTIVITY");
		assertThat(hit.get("status").asText()).as("its type").isEqualTo("PUBLIC_MEETING");
		assertThat(hit.get("id").asText()).isEqualTo(id);
		assertThat(hit.get("title").asText()).isEqualTo(word + "朔良镇芒果产销民情沟通会");
		assertThat(result.get("facets").get("type").get("ACTIVITY").asLong()).isEqualTo(1);
		assertThat(total(f.assessor.get("/api/v1/search?q=" + word + "&type=ACTIVITY").json())).isEqualTo(1);
		assertThat(total(f.otherCountyAssessor.get("/api/v1/search?q=" + word).json())).isZero();
		assertThat(total(f.handler.get("/api/v1/search?q=" + word).json())).as("a unit takes no part in it").isZero();

		jdbc.sql("delete from search_document where id = ?").param(UUID.fromString(id)).update();
		assertThat(total(f.assessor.get("/api/v1/search?q=" + word).json())).isZero();
		JsonNode rebuilt = f.admin.post("/api/v1/admin/search/rebuild", Map.of()).json();
		assertThat(rebuilt.get("activities").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(total(f.assessor.get("/api/v1/search?q=" + word + "%20芒果").json())).isEqualTo(1);
	}

	@Test
	void emptyingTheIndexAndRebuildingGivesTheSameAnswers() {
		String code = submit(word + "田东县祥周镇芒果卖不出去，烂在地里", "451022101", null);
		String other = submit(word + "祥周镇芒果收购价太低", "451022101", null);
		eventually(() -> f.assessor.get("/api/v1/search?q=" + word + "%20芒果"), r -> total(r) == 2);
		// A rebuild also counts the terms afresh (scores weigh rare words more); start from counted terms.
		f.admin.post("/api/v1/admin/search/rebuild", Map.of());
		JsonNode before = f.assessor.get("/api/v1/search?q=" + word + "%20芒果").json();
		JsonNode similarBefore = f.assessor.get("/api/v1/opinions/" + f.idOf(code) + "/similar").json();
		assertThat(similarBefore.valueStream().map(n -> n.get("id").asText())).contains(f.idOf(other));

		jdbc.sql("delete from search_document").update();
		assertThat(total(f.assessor.get("/api/v1/search?q=" + word).json())).isZero();
		assertThat(f.assessor.post("/api/v1/admin/search/rebuild", Map.of()).status()).isEqualTo(403);
		JsonNode rebuilt = f.admin.post("/api/v1/admin/search/rebuild", Map.of()).json();
		assertThat(rebuilt.get("opinions").asLong()).isGreaterThanOrEqualTo(2);

		JsonNode after = f.assessor.get("/api/v1/search?q=" + word + "%20芒果").json();
		assertThat(after.get("items")).isEqualTo(before.get("items"));
		assertThat(after.get("total")).isEqualTo(before.get("total"));
		assertThat(after.get("facets")).isEqualTo(before.get("facets"));
		assertThat(f.assessor.get("/api/v1/opinions/" + f.idOf(code) + "/similar").json()).isEqualTo(similarBefore);
	}

	@Test
	void similarOpinionsComeWithScoreAndWhyAndOnlyWithinScope() {
		// No made-up word here: it would be a shared term of its own.
		String first = submit("田阳区坡洪镇的孩子上学太远了，希望开通校车接送", "451003102", null);
		String second = submit("坡洪镇学生娃读书路远，能不能安排接送车", "451003102", null);
		String unrelated = submit("坡洪镇卫生院看病排队太久", "451003102", null);
		String secondId = f.idOf(second);
		JsonNode similar = eventuallyJson(() -> f.assessor.get("/api/v1/opinions/" + f.idOf(first) + "/similar"),
				r -> r.valueStream().anyMatch(n -> n.get("id").asText().equals(secondId)));
		JsonNode top = similar.get(0);
		assertThat(top.get("id").asText()).as(similar.toString()).isEqualTo(secondId);
		assertThat(top.get("likelyDuplicate").asBoolean()).isTrue();
		assertThat(top.get("why").get("samePlace").asBoolean()).isTrue();
		assertThat(top.get("why").get("sharedTerms").valueStream().map(JsonNode::asText)).contains("校车", "孩子", "上学");
		similar.valueStream().filter(n -> n.get("id").asText().equals(f.idOf(unrelated)))
			.forEach(n -> assertThat(n.get("likelyDuplicate").asBoolean()).as(similar.toString()).isFalse());
		assertThat(f.otherCountyAssessor.get("/api/v1/opinions/" + f.idOf(first) + "/similar").status()).isEqualTo(404);
	}

	@Test
	void citizensAreShownOnlyClosedOpinionsWithPublishedRepliesAndNothingPersonal() {
		String phone = phone();
		// In 田东, whose unit the fixture's is: a unit answers the opinions of its own county only.
		String open = submit(word + "百东新区的路灯晚上不亮，黑灯瞎火的", "451022", phone);
		String closed = submit(word + "百东新区路灯坏了一直不亮", "451022", null);
		String closedId = f.idOf(closed);
		f.assessor.post("/api/v1/opinions/" + closedId + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		f.handler.post("/api/v1/opinions/" + closedId + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + closedId + "/reply", Map.of("result", "RESOLVED", "text", "已更换损坏的路灯。"));
		f.assessor.post("/api/v1/opinions/" + closedId + "/review", Map.of("approve", true));
		eventually(() -> f.assessor.get("/api/v1/search?q=" + word + "&status=FED_BACK"), r -> total(r) == 1);

		Response hint = citizen.post("/api/v1/public/opinions/similar",
				Map.of("content", word + "百东新区晚上路灯不亮，走夜路很怕", "regionCode", "451022"));
		assertThat(hint.status()).isEqualTo(200);
		List<JsonNode> items = hint.json().valueStream().toList();
		assertThat(items).isNotEmpty();
		assertThat(items.get(0).get("reply").asText()).isEqualTo("已更换损坏的路灯。");
		assertThat(hint.body()).doesNotContain(open).doesNotContain(closed).doesNotContain(f.idOf(open))
			.doesNotContain(closedId).doesNotContain("黑灯瞎火").doesNotContain(phone);

		Response tooShort = citizen.post("/api/v1/public/opinions/similar", Map.of("content", "路灯"));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.json().get("errors").get(0).get("message").asText()).contains("5");
		assertThat(citizen.post("/api/v1/public/opinions/similar", Map.of("content", "路灯不亮不亮", "regionCode", "99")).status())
			.isEqualTo(400);
	}

	private String submit(String content, String region, String phone) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("content", content, "regionCode", region, "category",
				"INFRASTRUCTURE"));
		if (phone != null) {
			body.put("phone", phone);
		}
		Response r = citizen.post("/api/v1/public/opinions", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("trackingCode").asText();
	}

	static String phone() {
		return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
	}

	static long total(JsonNode result) {
		return result.get("total").asLong();
	}

	static JsonNode eventually(java.util.function.Supplier<Response> call, java.util.function.Predicate<JsonNode> done) {
		return eventuallyJson(call, done);
	}

	static JsonNode eventuallyJson(java.util.function.Supplier<Response> call, java.util.function.Predicate<JsonNode> done) {
		long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		JsonNode last = null;
		while (System.nanoTime() < until) {
			Response r = call.get();
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
			last = r.json();
			if (done.test(last)) {
				return last;
			}
			sleep();
		}
		throw new AssertionError("not reached within 15 s; last answer " + last);
	}

	static void await(BooleanSupplier condition) {
		long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("not reached within 15 s");
			}
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static UUID uuid(String s) {
		return UUID.fromString(s);
	}
}
