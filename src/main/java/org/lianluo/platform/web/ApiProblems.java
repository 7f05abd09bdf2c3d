package org.lianluo.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The problems of API.md's conventions, as the document declares them: one shared response per status with the
 * body {@code ApiExceptionHandler} and {@code ProblemResponses} write ({@code application/problem+json}), put on
 * each operation by what it can meet: 400 (its parameters or body), 401 (a missing, expired or bad token: a token
 * sent to a public path is checked too), 403 (a role or scope, or a rating key), 404 (a path naming a record), 409
 * (a transition the state does not allow; every write), 413 (an upload too large), 415 (a body of another type), 429
 * (the public intakes and the sign-in), 500 and 503 (the database unreachable: with {@code Retry-After}).
 */
final class ApiProblems {

	static final String PROBLEM_JSON = "application/problem+json";

	private static final Map<String, String> RESPONSES = new LinkedHashMap<>();

	static {
		RESPONSES.put("400", "BadRequest:输入无效（字段错误见 errors）");
		RESPONSES.put("401", "Unauthorized:未登录，或令牌无效、已过期");
		RESPONSES.put("403", "Forbidden:当前角色或范围不允许");
		RESPONSES.put("404", "NotFound:不存在，或不在调用者的范围内");
		RESPONSES.put("409", "Conflict:当前状态不允许此操作");
		RESPONSES.put("413", "ContentTooLarge:内容过大");
		RESPONSES.put("415", "UnsupportedMediaType:内容类型不支持");
		RESPONSES.put("429", "TooManyRequests:请求过于频繁（见 Retry-After）");
		RESPONSES.put("500", "InternalError:意外错误（附错误编号）");
		RESPONSES.put("503", "ServiceUnavailable:数据库暂不可用（见 Retry-After）");
	}

	private static final Map<String, String> DOWNLOADS = Map.of(".xlsx", Downloads.XLSX.toString(), "/export",
			Downloads.XLSX.toString(), "/template", Downloads.XLSX.toString(), ".docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".pdf", "application/pdf", ".png",
			"image/png");

	private ApiProblems() {
	}

	/** The {@code Problem} schema and one response per status, under components. */
	static void register(Components components) {
		Schema<?> field = object(Map.of("field", string(), "message", string()), List.of("field", "message"));
		Schema<?> problem = object(Map.of("type", string(), "title", string(), "status", new Schema<>().specVersion(SpecVersion.V31)
			.types(Set.of("integer")).format("int32"), "detail", string(), "instance", string(), "errors",
				new Schema<>().specVersion(SpecVersion.V31).types(Set.of("array")).items(field)),
				List.of("title", "status", "detail"));
		problem.description("RFC 9457 problem details, in Chinese; errors names each invalid field.");
		components.addSchemas("Problem", problem);
		components.addSchemas("FieldError", field);
		problem.getProperties().get("errors").setItems(new Schema<>().specVersion(SpecVersion.V31).$ref("#/components/schemas/FieldError"));
		RESPONSES.forEach((status, text) -> {
			String[] parts = text.split(":", 2);
			ApiResponse response = new ApiResponse().description(parts[1])
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().specVersion(SpecVersion.V31).$ref("#/components/schemas/Problem"))));
			if (status.equals("429") || status.equals("503")) {
				response.addHeaderObject("Retry-After", new Header().description("seconds to wait before trying again")
					.schema(new Schema<>().specVersion(SpecVersion.V31).types(Set.of("integer"))));
			}
			components.addResponses(parts[0], response);
		});
	}

	/** Puts on {@code operation} the problems it can answer. */
	static void declare(String path, PathItem.HttpMethod method, Operation operation) {
		boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
		boolean open = ApiDocumentation.isOpen(path, method);
		boolean body = operation.getRequestBody() != null;
		add(operation, "400", true);
		add(operation, "401", true);
		add(operation, "403", !open || write);
		add(operation, "404", path.contains("{"));
		add(operation, "409", write);
		add(operation, "413", body && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().containsKey("multipart/form-data"));
		add(operation, "415", body);
		add(operation, "429", open && write);
		add(operation, "500", true);
		add(operation, "503", true);
	}

	/** A byte array answered as a file: its media type by the path, else whatever the stored file is. */
	static void downloads(String path, Operation operation) {
		operation.getResponses().forEach((status, response) -> {
			Content content = response.getContent();
			if (!status.startsWith("2") || content == null || content.size() != 1) {
				return;
			}
			MediaType only = content.values().iterator().next();
			Schema<?> schema = only.getSchema();
			if (schema == null || !"byte".equals(schema.getFormat())) {
				return;
			}
			String type = DOWNLOADS.entrySet()
				.stream()
				.filter(e -> path.endsWith(e.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("*/*");
			Schema<?> file = new Schema<>().specVersion(SpecVersion.V31).types(Set.of("string")).contentMediaType(type);
			response.setContent(new Content().addMediaType(type, new MediaType().schema(file)));
		});
	}

	private static void add(Operation operation, String status, boolean applies) {
		if (applies && !operation.getResponses().containsKey(status)) {
			String name = RESPONSES.get(status).split(":", 2)[0];
			operation.getResponses().addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
		}
	}

	private static Schema<?> string() {
		return new Schema<>().specVersion(SpecVersion.V31).types(Set.of("string"));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> object(Map<String, Schema<?>> properties, List<String> required) {
		Map<String, Schema> ordered = new java.util.TreeMap<>(properties);
		Schema<?> schema = new Schema<>().specVersion(SpecVersion.V31).types(Set.of("object"));
		schema.setProperties(ordered);
		schema.setRequired(required);
		return schema;
	}
}
