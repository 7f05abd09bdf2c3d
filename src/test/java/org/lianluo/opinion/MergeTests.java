package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.platform.PersonalData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Merging done right: both records kept, the counter on the primary, the duplicate's submitter told and following
 * the primary's outcome with the right to rate it, the audit trail on both timelines, and undo.
 */
@LianluoTest
class MergeTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	LoopFixture f;

	Api citizen;

	@BeforeEach
	void setUp() {
		f = new LoopFixture(port);
		citizen = new Api(port);
	}

	@Test
	void theDuplicateFollowsThePrimaryAndItsSubmitterIsToldAndMayRate() {
		String phoneA = phone();
		String phoneB = phone();
		String primaryCode = submit("平马镇那岸村进屯道路坑坑洼洼，雨天没法走", phoneA);
		String duplicateCode = submit("那岸村的路烂得不成样子了，下雨天根本走不了", phoneB);
		String primaryId = f.idOf(primaryCode);
		String duplicateId = f.idOf(duplicateCode);

		JsonNode merged = f.assessor.post("/api/v1/opinions/" + duplicateId + "/triage",
				Map.of("route", "MERGE", "primaryId", primaryId)).json();
		assertThat(merged.get("status").asText()).isEqualTo("MERGED");
		JsonNode duplicates = f.assessor.get("/api/v1/opinions/" + primaryId + "/duplicates").json();
		assertThat(duplicates.get("peopleReporting").asInt()).isEqualTo(2);
		assertThat(duplicates.get("duplicates").get(0).get("trackingCode").asText()).isEqualTo(duplicateCode);
		assertThat(f.assessor.get("/api/v1/opinions/" + primaryId).json().get("timeline").valueStream()
			.anyMatch(e -> e.get("kind").asText().equals("MERGE_NOTE") && e.get("note").asText().contains(duplicateCode)))
			.isTrue();
		awaitSms(phoneB, "citizen-merged", 1);
		assertThat(f.otherCountyAssessor.get("/api/v1/opinions/" + primaryId + "/duplicates").status()).isEqualTo(404);

		// The primary runs its course; the duplicate's submitter hears of it and rates it with their own code.
		f.assessor.post("/api/v1/opinions/" + primaryId + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		awaitSms(phoneB, "citizen-assigned", 1);
		f.handler.post("/api/v1/opinions/" + primaryId + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + primaryId + "/reply", Map.of("result", "RESOLVED", "text", "那岸村屯级道路已修复。"));
		f.assessor.post("/api/v1/opinions/" + primaryId + "/review", Map.of("approve", true));
		awaitSms(phoneB, "citizen-fed-back", 1);
		JsonNode tracked = citizen.get("/api/v1/public/opinions/" + duplicateCode).json();
		assertThat(tracked.get("status").asText()).isEqualTo("MERGED");
		assertThat(tracked.get("reply").get("text").asText()).isEqualTo("那岸村屯级道路已修复。");
		assertThat(tracked.get("rateable").asBoolean()).isTrue();
		assertThat(tracked.toString()).doesNotContain(primaryCode);

		Response rated = citizen.post("/api/v1/public/opinions/" + duplicateCode + "/evaluation",
				Map.of("grade", "SATISFIED", "ratingKey", ratingKeys.get(duplicateCode)));
		assertThat(rated.status()).isEqualTo(200);
		assertThat(rated.json().get("trackingCode").asText()).isEqualTo(duplicateCode);
		assertThat(rated.body()).doesNotContain(primaryCode);
		JsonNode primary = f.assessor.get("/api/v1/opinions/" + primaryId).json();
		assertThat(primary.get("status").asText()).isEqualTo("CLOSED");
		assertThat(primary.get("timeline").valueStream().anyMatch(e -> ("citizen " + duplicateCode).equals(e.get("actor").asText())))
			.isTrue();
		awaitSms(phoneB, "citizen-closed", 1);
		awaitSms(phoneA, "citizen-closed", 1);
		// Rated once: the primary is closed, a second rating by anyone is a conflict.
		assertThat(citizen.post("/api/v1/public/opinions/" + primaryCode + "/evaluation",
				Map.of("grade", "UNSATISFIED", "ratingKey", ratingKeys.get(primaryCode))).status())
			.isEqualTo(409);
	}

	@Test
	void aMergeCanBeUndoneAndLeavesItsTrace() {
		String primaryId = f.idOf(submit("祥周镇芒果收购价太低卖不出去", null));
		String duplicateCode = submit("祥周的芒果烂在地里没人收", null);
		String duplicateId = f.idOf(duplicateCode);
		f.assessor.post("/api/v1/opinions/" + duplicateId + "/triage", Map.of("route", "MERGE", "primaryId", primaryId));
		assertThat(f.assessor.post("/api/v1/opinions/" + primaryId + "/triage", Map.of("route", "MERGE", "primaryId", duplicateId))
			.status()).isEqualTo(409);
		assertThat(f.handler.post("/api/v1/opinions/" + duplicateId + "/unmerge", Map.of()).status()).isIn(403, 404);

		JsonNode undone = f.assessor.post("/api/v1/opinions/" + duplicateId + "/unmerge", Map.of()).json();
		assertThat(undone.get("status").asText()).isEqualTo("RECEIVED");
		assertThat(undone.get("primaryId").isNull()).isTrue();
		assertThat(f.assessor.get("/api/v1/opinions/" + primaryId + "/duplicates").json().get("peopleReporting").asInt())
			.isEqualTo(1);
		assertThat(f.assessor.get("/api/v1/opinions/" + primaryId).json().get("timeline").valueStream()
			.filter(e -> e.get("kind").asText().equals("MERGE_NOTE")).map(e -> e.get("note").asText()))
			.containsExactly("merged " + duplicateCode, "unmerged " + duplicateCode);
		assertThat(f.assessor.post("/api/v1/opinions/" + duplicateId + "/unmerge", Map.of()).status()).isEqualTo(409);
	}

	private String submit(String content, String phone) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("content", content, "regionCode", "451022100"));
		if (phone != null) {
			body.put("phone", phone);
		}
		Response r = citizen.post("/api/v1/public/opinions", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		ratingKeys.put(r.json().get("trackingCode").asText(), r.json().get("ratingKey").asText());
		return r.json().get("trackingCode").asText();
	}

	/** The rating keys the citizens were given, by tracking code. */
	private final Map<String, String> ratingKeys = new java.util.HashMap<>();

	private void awaitSms(String phone, String template, int count) {
		long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		String hash = personalData.searchHash(phone);
		while (true) {
			long n = jdbc.sql("select count(*) from notification_delivery where recipient_hash = ? and template = ? and channel = 'SMS'")
				.params(hash, template).query(Long.class).single();
			if (n == count) {
				return;
			}
			if (System.nanoTime() > until) {
				throw new AssertionError(template + " to " + PersonalData.mask(phone) + ": " + n + " SMS, expected " + count);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static String phone() {
		return "137" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
	}
}
