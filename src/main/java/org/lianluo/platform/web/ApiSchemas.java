package org.lianluo.platform.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The schemas as Jackson writes them: Lianluo's JSON writes {@code null} for an empty value (API.md shows the keys
 * of the stable answers always there), so every property whose Java type can hold null is declared nullable, and
 * only primitives are not. A property that Jackson leaves out when it is empty ({@code @JsonInclude(NON_NULL)}, as
 * the rating key shown once) is declared neither nullable nor present. The names of the properties that are always
 * written are kept per schema; {@link ApiDocumentation} makes them {@code required} in the schemas that only answers
 * use (a request may leave any of them out, unless the schema says otherwise).
 *
 * <p>Rule-based, from the Java types Jackson serializes, so every DTO of every module follows it without an
 * annotation of its own.
 */
class ApiSchemas implements ModelConverter {

	private static final String REF_PREFIX = "#/components/schemas/";

	private static final Set<JsonInclude.Include> CONDITIONAL = Set.of(JsonInclude.Include.NON_NULL,
			JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_DEFAULT,
			JsonInclude.Include.CUSTOM);

	/** Per schema name, the properties Jackson always writes (null or not). */
	private final Map<String, Set<String>> alwaysWritten = new ConcurrentHashMap<>();

	@Override
	public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		if (schema == null || type.getType() == null) {
			return schema;
		}
		JavaType javaType = Json.mapper().constructType(type.getType());
		if (!isBean(javaType)) {
			return schema;
		}
		String ref = schema.get$ref();
		if (ref != null && ref.startsWith(REF_PREFIX)) {
			String name = ref.substring(REF_PREFIX.length());
			Schema<?> model = context.getDefinedModels().get(name);
			if (model != null) {
				alwaysWritten.put(name, declare(model, javaType));
			}
		}
		else if (schema.getProperties() != null) {
			declare(schema, javaType);
		}
		return schema;
	}

	/** The properties of schema {@code name} that every answer carries; empty for a schema not made from a bean. */
	Set<String> alwaysWritten(String name) {
		return alwaysWritten.getOrDefault(name, Set.of());
	}

	private static boolean isBean(JavaType type) {
		Class<?> raw = type.getRawClass();
		return !type.isContainerType() && !type.isPrimitive() && !raw.isEnum() && !raw.isArray()
				&& !raw.getName().startsWith("java.") && !raw.getName().startsWith("jakarta.");
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Set<String> declare(Schema<?> model, JavaType javaType) {
		Set<String> written = new LinkedHashSet<>();
		if (model.getProperties() == null) {
			return written;
		}
		BeanDescription bean = Json.mapper().getSerializationConfig().introspect(javaType);
		JsonInclude.Value byClass = bean.findPropertyInclusion(JsonInclude.Value.empty());
		Map<String, Schema> properties = (Map) model.getProperties();
		for (BeanPropertyDefinition property : bean.findProperties()) {
			Schema<?> declared = properties.get(property.getName());
			if (declared == null || !property.couldSerialize()) {
				continue;
			}
			JsonInclude.Include inclusion = byClass.withOverrides(property.findInclusion()).getValueInclusion();
			if (CONDITIONAL.contains(inclusion)) {
				continue;
			}
			written.add(property.getName());
			if (declared.getAdditionalProperties() instanceof Schema<?> values) {
				// a map's values are as nullable as the class's: Map.get of a missing figure, a rate of nothing
				declared.setAdditionalProperties(nullable(values));
			}
			if (!property.getPrimaryType().isPrimitive()) {
				properties.put(property.getName(), nullable(declared));
			}
		}
		return written;
	}

	/** The same schema, also allowing {@code null}: a type list with "null", or a choice of it and null. */
	static Schema<?> nullable(Schema<?> schema) {
		Set<String> types = schema.getTypes();
		if (types != null && types.contains("null") || isChoiceWithNull(schema)) {
			return schema;
		}
		if (schema.get$ref() == null && schema.getEnum() == null && types != null && !types.isEmpty()) {
			Set<String> withNull = new LinkedHashSet<>(types);
			withNull.add("null");
			schema.setTypes(withNull);
			return schema;
		}
		List<Schema> choices = new ArrayList<>();
		choices.add(schema);
		choices.add(new Schema<>().specVersion(SpecVersion.V31).types(Set.of("null")));
		Schema<?> choice = new Schema<>().specVersion(SpecVersion.V31);
		choice.setAnyOf(choices);
		choice.setDescription(schema.getDescription());
		schema.setDescription(null);
		return choice;
	}

	private static boolean isChoiceWithNull(Schema<?> schema) {
		return schema.getAnyOf() != null
				&& schema.getAnyOf().stream().anyMatch(s -> s.getTypes() != null && s.getTypes().contains("null"));
	}
}
