package org.lianluo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.ReplyResult;
import org.lianluo.opinion.TriageRoute;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells what the API answers (issue 23): the committed copy the client is generated from is what
 * the application serves, every operation declares the problems it can answer, and the stable answers of API.md
 * declare the nulls and the enums as the code writes them.
 */
@LianluoTest
class OpenApiDocumentTests {

	@LocalServerPort
	int port;

	JsonNode doc;

	@BeforeEach
	void fetch() {
		doc = OpenApiDocument.live(port);
	}

	@Test
	void theCommittedDocumentIsWhatTheApplicationServes() {
		String live = OpenApiDocument.text(doc);
		if (Boolean.getBoolean("openapi.update")) {
			OpenApiDocument.write(OpenApiDocument.COMMITTED, doc);
		}
		assertThat(OpenApiDocument.committed())
			.as("api/openapi.json differs from what /v3/api-docs serves (written to target/openapi.json): the API changed; "
					+ "check the difference, then run this test with -Dopenapi.update=true (or copy the file) and commit it")
			.isEqualTo(live);
	}

	@Test
	void everyOperationDeclaresTheProblemsItCanAnswer() {
		List<String> missing = new ArrayList<>();
		doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
			String method = op.getKey();
			JsonNode responses = op.getValue().get("responses");
			List<String> expected = new ArrayList<>(List.of("400", "401", "500", "503"));
			if (path.getKey().contains("{")) {
				expected.add("404");
			}
			if (!method.equals("get")) {
				expected.addAll(List.of("403", "409"));
			}
			for (String status : expected) {
				if (!responses.has(status)) {
					missing.add(method.toUpperCase() + " " + path.getKey() + " " + status);
				}
			}
			responses.properties().forEach(r -> {
				if (!r.getKey().startsWith("2")) {
					assertThat(r.getValue().get("$ref").asText()).as(method + " " + path.getKey() + " " + r.getKey())
						.startsWith("#/components/responses/");
				}
			});
			assertThat(op.getValue().path("summary").asText()).as(method + " " + path.getKey()).isNotBlank();
		}));
		assertThat(missing).isEmpty();
		doc.get("components").get("responses").properties().forEach(r -> assertThat(r.getValue()
			.at("/content/application~1problem+json/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem"));
		assertThat(doc.at("/components/schemas/Problem/required").valueStream().map(JsonNode::asText))
			.contains("title", "status", "detail");
	}

	@Test
	void theStableAnswersDeclareTheirStatusNullsAndEnumsAsTheCodeWritesThem() {
		JsonNode intake = doc.at("/paths/~1api~1v1~1public~1opinions/post");
		assertThat(intake.get("responses").has("201")).isTrue();
		assertThat(intake.get("responses").has("200")).isFalse();
		assertThat(intake.get("responses").has("429")).isTrue();
		assertThat(intake.get("security")).isEmpty();
		assertThat(doc.at("/paths/~1api~1v1~1opinions~1{id}~1triage/post/security").isMissingNode()).isTrue();
		assertThat(doc.at("/security/0").has("bearer")).isTrue();
		assertThat(doc.at("/paths/~1api~1v1~1opinions/post/responses").has("201")).isTrue();
		JsonNode evaluation = doc.at("/paths/~1api~1v1~1public~1opinions~1{trackingCode}~1evaluation/post/responses");
		assertThat(evaluation.has("403") && evaluation.has("409") && evaluation.has("200")).isTrue();

		JsonNode citizenView = doc.at("/components/schemas/PublicOpinionView");
		for (String optional : List.of("deadline", "light", "reply")) {
			assertThat(allowsNull(citizenView.at("/properties/" + optional))).as(optional).isTrue();
			assertThat(required(citizenView)).as("API.md writes %s as null when it has none", optional).contains(optional);
		}
		JsonNode staffView = doc.at("/components/schemas/OpinionView");
		// Written only in the intake's answer, left out (not null) elsewhere.
		assertThat(required(staffView)).contains("trackingCode", "timeline").doesNotContain("ratingKey");
		assertThat(allowsNull(staffView.at("/properties/trackingCode"))).isTrue();
		assertThat(allowsNull(staffView.at("/properties/ratingKey"))).isFalse();
		assertThat(allowsNull(staffView.at("/properties/reopenCount"))).isFalse();

		assertThat(enumOf(staffView.at("/properties/status"))).containsExactlyElementsOf(names(OpinionStatus.values()));
		assertThat(enumOf(staffView.at("/properties/grade"))).containsExactlyElementsOf(names(Grade.values()));
		assertThat(enumOf(staffView.at("/properties/kind"))).containsExactlyElementsOf(names(OpinionKind.values()));
		assertThat(enumOf(staffView.at("/properties/category"))).containsExactlyElementsOf(names(Category.values()));
		assertThat(enumOf(doc.at("/components/schemas/TriageBody/properties/route")))
			.containsExactlyElementsOf(names(TriageRoute.values()));
		assertThat(enumOf(doc.at("/components/schemas/OpinionApiReplyBody/properties/result")))
			.containsExactlyElementsOf(names(ReplyResult.values()));
		// A request may leave out what it need not send: the nulls an answer carries are not demanded of a request.
		assertThat(required(doc.at("/components/schemas/TriageBody"))).doesNotContain("note", "leadUnitId");
	}

	static boolean allowsNull(JsonNode property) {
		if (property.path("type").isArray()) {
			return property.get("type").valueStream().anyMatch(t -> t.asText().equals("null"));
		}
		return property.path("anyOf").valueStream().anyMatch(s -> s.path("type").asText().equals("null"));
	}

	static List<String> required(JsonNode schema) {
		return schema.path("required").valueStream().map(JsonNode::asText).toList();
	}

	static List<String> enumOf(JsonNode property) {
		JsonNode values = property.has("enum") ? property.get("enum")
				: property.path("anyOf").valueStream().filter(s -> s.has("enum")).findFirst().orElseThrow().get("enum");
		return values.valueStream().map(JsonNode::asText).toList();
	}

	static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}
}
