package org.lianluo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text is a message key, and the Chinese and English bundles hold the same keys. */
class I18nTests {

	private static final Path I18N = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	// Text between tags, and the attributes people read, that is not an expression.
	private static final Pattern TEXT = Pattern.compile(">([^<>]*)<");

	private static final Pattern READABLE_ATTRIBUTE = Pattern
		.compile("\\s(?:placeholder|title|alt|aria-label|label)=\"([^\"]*)\"");

	private static final Pattern WORDS = Pattern.compile("[\\p{IsHan}A-Za-z]");

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		try (Stream<Path> files = Files.list(I18N)) {
			List<Path> chinese = files.filter(p -> p.toString().endsWith("_zh_CN.properties")).toList();
			assertThat(chinese).isNotEmpty();
			for (Path zh : chinese) {
				Path en = zh.resolveSibling(zh.getFileName().toString().replace("_zh_CN", "_en"));
				assertThat(en).as("English bundle beside %s", zh).exists();
				assertThat(load(en).stringPropertyNames()).as("keys of %s", en)
					.containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
			}
		}
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script.*?</script>", "");
				collect(offences, template, TEXT.matcher(html));
				collect(offences, template, READABLE_ATTRIBUTE.matcher(html));
			}
		}
		assertThat(offences).as("literal text in templates: use th:text=\"#{key}\"").isEmpty();
	}

	private static void collect(List<String> offences, Path template, Matcher m) {
		while (m.find()) {
			String text = m.group(1).replace("&nbsp;", " ").replace("&middot;", " ").trim();
			if (!text.isEmpty() && WORDS.matcher(text).find() && !text.startsWith("${") && !text.startsWith("#{")) {
				offences.add(template + ": " + text);
			}
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(r);
		}
		return p;
	}
}
