package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.ScreenSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A screen form sent twice does its work once (issue 22): every posting form carries a one-time token; the second
 * submission of a form that redirects goes where the first went, and an intake that answers with a page answers
 * with the first one's opinion.
 */
@LianluoTest
class FormSubmissionTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"_submission\" value=\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static String token(String html) {
		Matcher m = TOKEN.matcher(html);
		assertThat(m.find()).as("the form carries a one-time token").isTrue();
		return m.group(1);
	}

	private Map<String, String> unit(String name, String token) {
		return Map.of("name", name, "regionCode", "451022", "kind", "GOVERNMENT_DEPARTMENT", "_submission", token);
	}

	private int unitsNamed(String name) {
		return jdbc.sql("select count(*) from handling_unit where name = ?").param(name).query(Integer.class).single();
	}

	@Test
	void aStaffFormSentTwiceMakesOneRecordAndBothGoToIt() {
		ScreenSession office = ScreenSession.signedIn(port, "admin", "admin-test-password");
		String token = token(office.get("/units/new").body());
		String name = "田东县水利局" + UUID.randomUUID().toString().substring(0, 6);

		HttpResponse<String> first = office.post("/units", unit(name, token));
		HttpResponse<String> second = office.post("/units", unit(name, token));

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(unitsNamed(name)).isEqualTo(1);

		// a new form (a new token) makes a new record
		String again = token(office.get("/units/new").body());
		assertThat(again).isNotEqualTo(token);
	}

	@Test
	void twoSubmissionsAtOnceMakeOneRecord() {
		ScreenSession office = ScreenSession.signedIn(port, "admin", "admin-test-password");
		String token = token(office.get("/units/new").body());
		String name = "田东县林业局" + UUID.randomUUID().toString().substring(0, 6);
		List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sent.add(CompletableFuture.supplyAsync(() -> office.post("/units", unit(name, token))));
		}
		List<String> locations = sent.stream().map(CompletableFuture::join)
			.map(r -> r.statusCode() + " " + r.headers().firstValue("Location").orElse(""))
			.distinct().toList();
		assertThat(locations).hasSize(1);
		assertThat(locations.get(0)).startsWith("302 ");
		assertThat(unitsNamed(name)).isEqualTo(1);
	}

	@Test
	void aFormShownAgainWithItsErrorsCanBeSentCorrected() {
		ScreenSession office = ScreenSession.signedIn(port, "admin", "admin-test-password");
		String token = token(office.get("/units/new").body());
		String name = "田东县交通局" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, String> bad = new HashMap<>(unit(name, token));
		bad.put("regionCode", "999999");

		HttpResponse<String> refused = office.post("/units", bad);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(unitsNamed(name)).isZero();

		assertThat(office.post("/units", unit(name, token(refused.body()))).statusCode()).isEqualTo(302);
		assertThat(unitsNamed(name)).isEqualTo(1);
	}

	@Test
	void aCitizensOpinionSentTwiceIsOneOpinionWithOneTrackingCode() {
		ScreenSession citizen = new ScreenSession(port, "10.9." + (int) (Math.random() * 250) + ".7");
		String token = token(citizen.get("/opinions/new").body());
		String content = "朔良镇那板村饮水管道破裂，已经停水三天了。" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, String> form = Map.of("content", content, "regionCode", "451022108", "kind", "COMPLAINT",
				"_submission", token);

		HttpResponse<String> first = citizen.post("/opinions/new", form);
		HttpResponse<String> second = citizen.post("/opinions/new", form);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		Pattern code = Pattern.compile("id=\"tracking-code\"[^>]*>([0-9A-Z]+)<");
		Matcher a = code.matcher(first.body());
		Matcher b = code.matcher(second.body());
		assertThat(a.find()).isTrue();
		assertThat(b.find()).isTrue();
		assertThat(b.group(1)).isEqualTo(a.group(1));
		assertThat(jdbc.sql("select count(*) from opinion where content = ?").param(content).query(Integer.class).single())
			.isEqualTo(1);
	}
}
