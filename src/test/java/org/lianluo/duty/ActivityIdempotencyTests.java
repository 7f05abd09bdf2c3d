package org.lianluo.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.util.List;
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

/** An activity queued offline and sent twice with its Idempotency-Key is stored once (issue 24). */
@LianluoTest
class ActivityIdempotencyTests {

	/** 坡造镇, a township no other test uses. */
	static final String TOWN = "451082104";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api deputyUser(UUID deputy) {
		String name = unique("d");
		Response r = Staff.admin(port).post("/api/v1/users", Map.of("username", name, "displayName", "代表", "password",
				"password-123", "roles", List.of("DEPUTY"), "regionCode", TOWN, "deputyId", deputy.toString()));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Api(port).as(name, "password-123");
	}

	UUID deputy() {
		return id(Staff.admin(port).post("/api/v1/deputies", Map.of("name", unique("代表"), "gender", "FEMALE", "levels",
				List.of("TOWNSHIP"), "regionCode", TOWN)));
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void theSameKeyAndBodyAgainAnswerTheSameActivityWithItsOpinionsStoredOnce() {
		UUID me = deputy();
		Api mine = deputyUser(me);
		String said = unique("坡造镇村道塌方，请尽快修复");
		Map<String, Object> body = Map.of("type", "VISIT", "title", unique("走访"), "startAt", "2025-09-02T10:00:00+08:00",
				"regionCode", TOWN, "deputyIds", List.of(me), "votersReceived", 6, "opinions", List.of(said, "希望村里通公交车。"));
		String key = UUID.randomUUID().toString();

		Response first = mine.post("/api/v1/activities", body, Map.of("Idempotency-Key", key));
		Response again = mine.post("/api/v1/activities", body, Map.of("Idempotency-Key", key));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
		assertThat(again.json().get("opinions").get(0).get("opinionId").asText())
			.isEqualTo(first.json().get("opinions").get(0).get("opinionId").asText());
		assertThat(count("select count(*) from duty_activity_deputy where deputy_id = ?", me)).isEqualTo(1);
		assertThat(count("select count(*) from opinion where content = ?", said)).isEqualTo(1);
		assertThat(count("select count(*) from duty_opinion where deputy_id = ?", me)).isEqualTo(2);

		Response without = mine.post("/api/v1/activities", body);
		assertThat(without.status()).as("no key: another activity, as before").isEqualTo(201);
		assertThat(count("select count(*) from duty_activity_deputy where deputy_id = ?", me)).isEqualTo(2);
	}

	@Test
	void aKeyReusedWithAnotherBodyOrByAnotherUserIsRefusedAndNeverAnswersSomeoneElsesRecord() {
		UUID me = deputy();
		UUID other = deputy();
		Api mine = deputyUser(me);
		Api theirs = deputyUser(other);
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("type", "VISIT", "title", "走访五保户", "startAt", "2025-09-03T10:00:00+08:00",
				"regionCode", TOWN, "deputyIds", List.of(me, other));
		assertThat(mine.post("/api/v1/activities", body, Map.of("Idempotency-Key", key)).status()).isEqualTo(201);

		Response otherBody = mine.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访低保户", "startAt",
				"2025-09-03T10:00:00+08:00", "regionCode", TOWN, "deputyIds", List.of(me)), Map.of("Idempotency-Key", key));
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.json().get("detail").asText()).contains("幂等键");

		Response otherUser = theirs.post("/api/v1/activities", body, Map.of("Idempotency-Key", key));
		assertThat(otherUser.status()).as("the same body from another user is another request").isEqualTo(422);
		assertThat(otherUser.body()).doesNotContain("走访五保户");
		assertThat(count("select count(*) from duty_activity_deputy where deputy_id = ?", other)).isEqualTo(1);

		Response tooLong = mine.post("/api/v1/activities", body, Map.of("Idempotency-Key", "k".repeat(101)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("message").asText()).contains("100");
	}

	@Test
	void aRefusedActivityLeavesItsKeyFreeForTheCorrectedOne() {
		UUID me = deputy();
		Api mine = deputyUser(me);
		String key = UUID.randomUUID().toString();
		Response refused = mine.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访", "startAt",
				"2025-09-04T10:00:00+08:00", "regionCode", TOWN, "deputyIds", List.of(me), "opinions", List.of("太短")),
				Map.of("Idempotency-Key", key));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(count("select count(*) from duty_activity_idempotency where key = ?", key)).isZero();
		Response fixed = mine.post("/api/v1/activities", Map.of("type", "VISIT", "title", "走访", "startAt",
				"2025-09-04T10:00:00+08:00", "regionCode", TOWN, "deputyIds", List.of(me), "opinions",
				List.of("村口的桥栏杆松动了，很危险。")), Map.of("Idempotency-Key", key));
		assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
	}
}
