package org.lianluo.platform.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Schema names a client can live with. Many records share a simple name ({@code Evaluation}, {@code Reply},
 * {@code Row}, ... in several modules), and springdoc's default gives them one schema, the last one described: a lie
 * for all the others. The document is made with the classes' full names ({@code springdoc.use-fqn}), then each is
 * shortened to its classes without the package, a nested record always with its enclosing class
 * ({@code OpinionApi.Evaluation} → {@code OpinionApiEvaluation}, {@code Page<OpinionQueries.Row>} →
 * {@code PageOpinionQueriesRow}), so that a name does not change when another module adds a record of the same
 * simple name; top-level classes of the same name in two modules take their module's name in front.
 */
final class ApiNames {

	private static final String PREFIX = "#/components/schemas/";

	private ApiNames() {
	}

	/** Renames every schema of {@code openApi} and every reference to it; answers the old name → the new. */
	@SuppressWarnings("rawtypes")
	static Map<String, String> shorten(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		if (schemas == null) {
			return Map.of();
		}
		Map<String, String> names = names(new ArrayList<>(schemas.keySet()));
		Map<String, Schema> renamed = new TreeMap<>();
		schemas.forEach((name, schema) -> renamed.put(names.get(name), schema));
		openApi.getComponents().setSchemas(renamed);
		renamed.values().forEach(s -> rewrite(s, names));
		openApi.getComponents().getResponses().values().forEach(r -> rewrite(r.getContent(), names));
		openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
			if (op.getParameters() != null) {
				op.getParameters().forEach(p -> rewrite(p.getSchema(), names));
			}
			if (op.getRequestBody() != null) {
				rewrite(op.getRequestBody().getContent(), names);
			}
			op.getResponses().values().forEach(r -> rewrite(r.getContent(), names));
		}));
		return names;
	}

	static Map<String, String> names(List<String> full) {
		Map<String, List<String>> byShort = new LinkedHashMap<>();
		for (String name : full) {
			byShort.computeIfAbsent(simple(name), k -> new ArrayList<>()).add(name);
		}
		Map<String, String> names = new HashMap<>();
		byShort.forEach((name, owners) -> owners
			.forEach(owner -> names.put(owner, owners.size() == 1 ? name : capitalize(module(owner)) + name)));
		return names;
	}

	/** {@code org.lianluo.platform.PageOrg.lianluo.opinion.OpinionQueries.Row} → {@code PageOpinionQueriesRow}. */
	static String simple(String full) {
		StringBuilder name = new StringBuilder();
		// A generic type's name is its class's and then its argument's, capitalized: "PageOrg.lianluo.…".
		for (String part : full.replaceAll("([A-Za-z0-9])Org\\.lianluo\\.", "$1|org.lianluo.").split("\\|")) {
			name.append(part.replaceAll("^([a-z][a-z0-9_]*\\.)*", "").replace(".", "").replace("$", ""));
		}
		return name.toString();
	}

	private static String module(String full) {
		String[] parts = full.split("\\.");
		return parts.length > 2 && full.startsWith("org.lianluo.") ? parts[2] : parts[0];
	}

	private static String capitalize(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private static void rewrite(Content content, Map<String, String> names) {
		if (content != null) {
			content.values().forEach(m -> rewrite(m.getSchema(), names));
		}
	}

	@SuppressWarnings("rawtypes")
	private static void rewrite(Schema<?> schema, Map<String, String> names) {
		if (schema == null) {
			return;
		}
		String ref = schema.get$ref();
		if (ref != null && ref.startsWith(PREFIX) && names.containsKey(ref.substring(PREFIX.length()))) {
			schema.set$ref(PREFIX + names.get(ref.substring(PREFIX.length())));
		}
		rewrite(schema.getItems(), names);
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			rewrite(values, names);
		}
		for (List<Schema> choices : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
			if (choices != null) {
				choices.forEach(c -> rewrite(c, names));
			}
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(p -> rewrite(p, names));
		}
	}
}
