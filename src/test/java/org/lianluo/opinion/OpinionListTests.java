package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.bench.BenchData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The staff list's order, pages and total as a county, a township and the city see them: a county is a range of
 * township codes, read in time order from the county's index, and its total is counted up to a cap.
 */
@LianluoTest
class OpinionListTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The tables' owner: generated rows are deleted with the triggers off, which the application's role may not do. */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void aCountysPagesRunNewestFirstAcrossItsTownshipsWithoutRepeatsOrGapsAndAnExactTotal() {
		String word = Staff.unique("列表顺序");
		List<String> towns = townships("451022", 3);
		assertThat(towns).hasSize(3);
		Api county = Staff.user(port, "451022", "ASSESSOR");
		Api city = Staff.user(port, "451000", "ASSESSOR");
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.DAYS);
		// Time order and township order disagree, and two were received in the same second.
		String a1 = submit(county, word, towns.get(2), t);
		String b1 = submit(county, word, towns.get(0), t.plus(1, ChronoUnit.HOURS));
		String c1 = submit(county, word, towns.get(1), t.plus(2, ChronoUnit.HOURS));
		String a2 = submit(county, word, towns.get(2), t.plus(3, ChronoUnit.HOURS));
		String b2 = submit(county, word, towns.get(0), t.plus(3, ChronoUnit.HOURS));
		String c2 = submit(county, word, towns.get(1), t.plus(4, ChronoUnit.HOURS));
		String elsewhere = submit(city, word, townships("451081", 1).get(0), t.plus(5, ChronoUnit.HOURS));

		List<String> newest = pages(county, "q=" + word, 2, 6);
		assertThat(newest.get(0)).isEqualTo(c2);
		assertThat(newest.subList(1, 3)).containsExactlyInAnyOrder(a2, b2);
		assertThat(newest.subList(3, 6)).containsExactly(c1, b1, a1);
		assertThat(pages(county, "q=" + word + "&order=OLDEST", 4, 6)).containsExactly(a1, b1, c1, newest.get(2), newest.get(1), c2);
		assertThat(pages(county, "q=" + word + "&region=" + towns.get(2), 1, 2)).containsExactly(a2, a1);
		assertThat(pages(city, "q=" + word, 3, 7)).containsExactly(elsewhere, c2, newest.get(1), newest.get(2), c1, b1, a1);
		JsonNode beyond = county.get("/api/v1/opinions?q=" + word + "&size=20&page=9").json();
		assertThat(beyond.get("items")).isEmpty();
		assertThat(beyond.get("total").asLong()).isEqualTo(6);
	}

	@Test
	void beyondTenThousandTheTotalIsTheCapAndSaysSoAndTheScreenShowsTenThousandPlus() {
		BenchData data = new BenchData(JdbcClient.create(owner), 'L');
		try {
			data.generate(BenchData.Spec.of(OpinionQueries.TOTAL_CAP + 1).inCounties(List.of("451026")));
			String name = Staff.unique("cap");
			Api county = Staff.user(port, name, "451026", "ASSESSOR");

			JsonNode all = county.get("/api/v1/opinions?size=200&page=3").json();
			assertThat(all.get("total").asLong()).isEqualTo(OpinionQueries.TOTAL_CAP);
			assertThat(all.get("totalCapped").asBoolean()).isTrue();
			assertThat(all.get("items")).hasSize(200);
			List<Instant> received = all.get("items").valueStream().map(i -> Instant.parse(i.get("receivedAt").asText())).toList();
			assertThat(received).isSortedAccordingTo(java.util.Comparator.reverseOrder());

			long rejected = jdbc.sql("select count(*) from opinion where region_code like '451026%' and status = 'REJECTED'")
				.query(Long.class)
				.single();
			assertThat(rejected).isBetween(1L, (long) OpinionQueries.TOTAL_CAP);
			JsonNode few = county.get("/api/v1/opinions?status=REJECTED").json();
			assertThat(few.get("total").asLong()).isEqualTo(rejected);
			assertThat(few.get("totalCapped").asBoolean()).isFalse();

			assertThat(Staff.screen(port, name, "password-123", "/opinions")).contains("共 10,000+ 条");
			assertThat(Staff.screen(port, name, "password-123", "/opinions?status=REJECTED")).contains("共 " + rejected + " 条");
		}
		finally {
			data.delete();
		}
	}

	private String submit(Api who, String word, String region, Instant receivedAt) {
		Api.Response r = who.post("/api/v1/opinions", Map.of("content", "群众来信反映道路问题：" + word, "regionCode", region,
				"channel", "LETTER", "receivedAt", receivedAt.toString()));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asText();
	}

	private List<String> townships(String county, int n) {
		return jdbc.sql("select code from region where level = 'TOWNSHIP' and code like ? order by code limit ?")
			.params(county + "%", n)
			.query(String.class)
			.list();
	}

	/** The ids of every page of {@code size} in turn, each page's total checked as exact. */
	private static List<String> pages(Api who, String query, int size, long total) {
		List<String> ids = new ArrayList<>();
		for (int page = 0; page * size < total; page++) {
			JsonNode r = who.get("/api/v1/opinions?" + query + "&size=" + size + "&page=" + page).json();
			assertThat(r.get("total").asLong()).as("total of page %d", page).isEqualTo(total);
			assertThat(r.get("totalCapped").asBoolean()).isFalse();
			r.get("items").forEach(i -> ids.add(i.get("id").asText()));
		}
		return ids;
	}
}
