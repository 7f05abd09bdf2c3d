package org.lianluo.platform.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, made to tell what the API answers by rules over every operation
 * instead of annotations on each: the bearer token everywhere but on the public paths and the sign-in, the
 * problems of API.md's conventions ({@link ApiProblems}) on every operation they can come from, downloads as the
 * media types they are, and the schemas as Jackson writes them ({@link ApiSchemas}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI lianluoOpenApi() {
		return new OpenAPI().specVersion(SpecVersion.V31)
			.info(new Info().title("联络 Lianluo API")
				.version("v1")
				.description("The HTTP API of Lianluo, the deputy-work platform of a city's people's congress. "
						+ "Errors are RFC 9457 problem details with a Chinese title and detail."))
			.servers(List.of(new Server().url("/").description("This Lianluo")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A token from POST /api/v1/auth/token")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	ApiSchemas apiSchemas() {
		return new ApiSchemas();
	}

	/**
	 * Stable names for a generated client: the tag is the controller ({@code OpinionApi} → {@code opinion}), the
	 * operation its method within it ({@code opinionTriage}), instead of springdoc's global numbering
	 * ({@code get7}), which shifts whenever another module adds a {@code get}.
	 */
	@Bean
	OperationCustomizer lianluoOperationNames() {
		return (operation, handler) -> {
			String controller = handler.getBeanType().getSimpleName().replaceAll("Api$", "");
			String tag = controller.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
			operation.setTags(List.of(tag));
			String method = handler.getMethod().getName();
			operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer lianluoApiRules(ApiSchemas schemas) {
		return openApi -> {
			ApiProblems.register(openApi.getComponents());
			Map<String, String> names = ApiNames.shorten(openApi);
			Set<String> requested = new HashSet<>();
			Set<String> answered = new HashSet<>();
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiProblems.declare(path, method, operation);
				if (isOpen(path, method)) {
					operation.setSecurity(List.of());
				}
				if (operation.getSummary() == null) {
					operation.setSummary(summary(operation.getOperationId()));
				}
				ApiProblems.downloads(path, operation);
				if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
					operation.getRequestBody().getContent().values().forEach(m -> refs(m.getSchema(), requested));
				}
				operation.getResponses().values().forEach(r -> {
					if (r.getContent() != null) {
						r.getContent().values().forEach(m -> refs(m.getSchema(), answered));
					}
				});
			}));
			Map<String, Schema> all = openApi.getComponents().getSchemas();
			closure(requested, all);
			closure(answered, all);
			answered.removeAll(requested);
			names.forEach((full, name) -> {
				Schema<?> schema = all.get(name);
				if (answered.contains(name) && schema != null) {
					for (String property : schemas.alwaysWritten(full)) {
						if (schema.getRequired() == null || !schema.getRequired().contains(property)) {
							schema.addRequiredItem(property);
						}
					}
				}
			});
		};
	}

	/** The paths anyone may call without a token (SecurityConfiguration). */
	static boolean isOpen(String path, PathItem.HttpMethod method) {
		return path.startsWith("/api/v1/public/") || path.equals("/api/v1/auth/token") && method == PathItem.HttpMethod.POST;
	}

	/** "extensionDecision_1" → "Extension decision". */
	static String summary(String operationId) {
		String id = operationId == null ? "operation" : operationId.replaceAll("_\\d+$", "");
		String words = id.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static void refs(Schema<?> schema, Set<String> names) {
		if (schema == null) {
			return;
		}
		if (schema.get$ref() != null) {
			names.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		}
		refs(schema.getItems(), names);
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			refs(values, names);
		}
		for (List<Schema> choices : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
			if (choices != null) {
				choices.forEach(c -> refs(c, names));
			}
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(p -> refs(p, names));
		}
	}

	/** Adds to {@code names} every schema the named ones refer to, at any depth. */
	private static void closure(Set<String> names, Map<String, Schema> all) {
		List<String> todo = new ArrayList<>(names);
		while (!todo.isEmpty()) {
			Schema<?> schema = all.get(todo.remove(todo.size() - 1));
			Set<String> found = new HashSet<>();
			refs(schema, found);
			for (String name : found) {
				if (names.add(name)) {
					todo.add(name);
				}
			}
		}
	}
}
