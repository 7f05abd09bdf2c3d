package org.lianluo.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lianluo.identity.CityWide;
import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sentences around the figures of the annual report's documents: a text the office edits (ADMIN), one paragraph
 * a line, with placeholders {@code {activities}} … for the figures and {@code {region}}, {@code {year}}.
 */
@Service
public class ReportTemplates {

	static final String ANNUAL = "annual";

	static final int MAX_LENGTH = 20_000;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CityWide cityWide;

	ReportTemplates(JdbcClient jdbc, Clock clock, CityWide cityWide) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cityWide = cityWide;
	}

	/** The template in force: the office's, or the default. */
	public String current() {
		return jdbc.sql("select body from report_template where name = ?").param(ANNUAL).query(String.class).optional()
			.orElseGet(ReportTemplates::defaultText);
	}

	/** The placeholders a template may use. */
	public static Set<String> placeholders() {
		Set<String> names = new LinkedHashSet<>(List.of("region", "year"));
		names.addAll(Figures.KEYS);
		return names;
	}

	@Transactional
	public String save(String body) {
		// the report's wording binds the whole city: its administrators only
		Actor user = cityWide.requireAdmin();
		String text = body == null ? "" : body.strip().replace("\r\n", "\n");
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			throw LianluoException.invalidField("body", "report.template.length", MAX_LENGTH);
		}
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			if (!placeholders().contains(m.group(1))) {
				throw LianluoException.invalidField("body", "report.template.placeholder", m.group());
			}
		}
		jdbc.sql("""
				insert into report_template (name, body, updated_by, updated_at) values (?, ?, ?, ?)
				on conflict (name) do update set body = excluded.body, updated_by = excluded.updated_by,
				updated_at = excluded.updated_at""")
			.params(ANNUAL, text, user.username(), OffsetDateTime.now(clock))
			.update();
		return text;
	}

	/** Back to the default text. */
	@Transactional
	public void reset() {
		cityWide.requireAdmin();
		jdbc.sql("delete from report_template where name = ?").param(ANNUAL).update();
	}

	/** The template's paragraphs with the report's figures in place. */
	public List<String> paragraphs(AnnualReport report) {
		Map<String, Number> figures = Figures.of(report);
		List<String> paragraphs = new ArrayList<>();
		for (String line : current().split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			Matcher m = PLACEHOLDER.matcher(line.strip());
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				String name = m.group(1);
				String value = switch (name) {
					case "region" -> report.regionName();
					case "year" -> String.valueOf(report.year());
					default -> figures.containsKey(name) ? format(name, figures.get(name)) : m.group();
				};
				m.appendReplacement(out, Matcher.quoteReplacement(value));
			}
			m.appendTail(out);
			paragraphs.add(out.toString());
		}
		return paragraphs;
	}

	/** A figure as the documents print it: counts with separators, rates as percentages, days with one decimal. */
	public static String format(String key, Number value) {
		if (value == null) {
			return "—";
		}
		if (Figures.RATES.contains(key)) {
			return new DecimalFormat("0.0%").format(value.doubleValue());
		}
		if (Figures.DAYS.contains(key)) {
			return new DecimalFormat("0.0").format(value.doubleValue());
		}
		return new DecimalFormat("#,##0").format(value.longValue());
	}

	static String defaultText() {
		try (InputStream in = new ClassPathResource("report/annual-template.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
