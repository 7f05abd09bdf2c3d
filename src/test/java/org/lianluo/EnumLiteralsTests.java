package org.lianluo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every enum name that SQL compares with an enum column is a constant of its Java enum (issue 20, point 5): in the
 * views, functions (the rollup triggers) and check constraints of the migrated database as they stand, and in the
 * SQL strings of the Java sources. And the report module names no other module's table or enum constant: it composes
 * the figures the modules publish.
 */
@LianluoTest
class EnumLiteralsTests {

	private static final Path MAIN = Path.of("src/main/java/org/lianluo");

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCheckerFindsANameThatNoConstantHas() {
		assertThat(EnumLiterals.check("test", "select * from opinion o where o.status in ('ASSIGNED', 'ACEPTED')", null))
			.extracting(EnumLiterals.Problem::literal)
			.containsExactly("ACEPTED");
		assertThat(EnumLiterals.check("test", "select count(*) from duty_activity a where a.type = 'PUBLIC_MEETNG'", null))
			.hasSize(1);
		assertThat(EnumLiterals.check("test", "where s.status <> 'RETIRED' and s.kind <> 'STANDARD' from station s", null))
			.extracting(EnumLiterals.Problem::literal)
			.containsExactly("RETIRED");
	}

	@Test
	void theCheckerReadsAliasesCastsAndFunctionQuotes() {
		// FED_BACK is an opinion's state, not a proposal's: the alias decides whose enum it must be.
		assertThat(EnumLiterals.check("test", "from proposal p join opinion o on o.id = p.opinion_id "
				+ "where o.status = 'FED_BACK' and p.status = 'FED_BACK'", null))
			.extracting(EnumLiterals.Problem::column)
			.containsExactly("p.status");
		// Function parameters name the alias first (o opinion); PostgreSQL prints casts; plpgsql doubles quotes.
		assertThat(EnumLiterals.check("fn", "create function f(sign int, o opinion) as $$ select o.grade in ('SATISFIED', 'HAPPY') $$", null))
			.extracting(EnumLiterals.Problem::literal)
			.containsExactly("HAPPY");
		assertThat(EnumLiterals.check("view", "WHERE ((a.type)::text = ANY ((ARRAY['VISIT'::character varying, "
				+ "'TOUR'::character varying])::text[])) FROM duty_activity a", null))
			.extracting(EnumLiterals.Problem::literal)
			.containsExactly("TOUR");
		assertThat(EnumLiterals.check("fn",
				EnumLiterals.unquoted("execute 'select 1 from duty_activity a where a.type = ''RECEPTON'''"), null))
			.extracting(EnumLiterals.Problem::literal)
			.containsExactly("RECEPTON");
		assertThat(EnumLiterals.check("check", "CHECK (((kind)::text = ANY ((ARRAY['STANDARD'::character varying, "
				+ "'PARK'::character varying])::text[])))", "station")).isEmpty();
		assertThat(EnumLiterals.javaStrings("String s = \"from opinion o where \" + X + \" o.category = 'DISPUTES'\"; char c = 'x';"))
			.contains("o.category = 'DISPUTES'")
			.doesNotContain("'x'");
		assertThat(EnumLiterals.check("java", EnumLiterals.javaStrings(
				"String s = \"from opinion o where \" + X + \" o.category = 'DISPUTES'\"; char kind = 'x';"), null))
			.extracting(EnumLiterals.Problem::literal)
			.containsExactly("DISPUTES");
	}

	@Test
	void everyMappedColumnExists() {
		EnumLiterals.COLUMNS.forEach((table, columns) -> columns.forEach((column, e) -> {
			assertThat(jdbc.sql("select count(*) from information_schema.columns where table_schema = current_schema()"
					+ " and table_name = ? and column_name = ?").params(table, column).query(Long.class).single())
				.as(table + "." + column)
				.isEqualTo(1L);
			assertThat(EnumLiterals.constants(e)).isNotEmpty();
		}));
	}

	@Test
	void theDatabasesViewsFunctionsAndChecksNameOnlyConstants() {
		List<EnumLiterals.Problem> problems = new ArrayList<>();
		jdbc.sql("""
				select 'view ' || c.relname, pg_get_viewdef(c.oid), null from pg_class c
				where c.relkind in ('v', 'm') and c.relnamespace = current_schema()::regnamespace
				union all
				select 'function ' || p.proname, p.prosrc, 'F' from pg_proc p
				where p.pronamespace = current_schema()::regnamespace
				  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
				union all
				select 'check ' || k.conname, pg_get_constraintdef(k.oid), c.relname from pg_constraint k
				join pg_class c on c.oid = k.conrelid
				where k.contype = 'c' and k.connamespace = current_schema()::regnamespace""")
			.query((rs, n) -> problems.addAll("F".equals(rs.getString(3))
					? EnumLiterals.check(rs.getString(1), EnumLiterals.unquoted(rs.getString(2)), null)
					: EnumLiterals.check(rs.getString(1), rs.getString(2), rs.getString(3))))
			.list();
		assertThat(problems).isEmpty();
		// The triggers' own sources as they stand, each with one name misspelt, are caught.
		String indicators = source("opinion_indicator_rows");
		assertThat(EnumLiterals.check("opinion_indicator_rows", indicators.replace("'FED_BACK'", "'FEDBACK'"), null))
			.extracting(EnumLiterals.Problem::literal)
			.contains("FEDBACK");
		String duty = source("duty_rollup_key");
		assertThat(EnumLiterals.check("duty_rollup_key", duty.replace("'PUBLIC_MEETING'", "'MEETING'"), null))
			.extracting(EnumLiterals.Problem::literal)
			.containsExactly("MEETING");
	}

	private String source(String function) {
		return EnumLiterals.unquoted(jdbc.sql("select p.prosrc from pg_proc p where p.proname = ?"
				+ " and p.pronamespace = current_schema()::regnamespace").param(function).query(String.class).single());
	}

	@Test
	void theJavaSqlNamesOnlyConstants() throws IOException {
		List<EnumLiterals.Problem> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				problems.addAll(EnumLiterals.check(MAIN.relativize(file).toString(),
						EnumLiterals.javaStrings(Files.readString(file)), null));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theReportNamesNoOtherModulesTableOrConstant() throws IOException {
		List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()"
				+ " and table_name not like 'report\\_%'").query(String.class).list();
		Pattern table = Pattern.compile("\\b(?:from|join|update|into)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
		Pattern constant = Pattern.compile("'[A-Z][A-Z_]+'");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN.resolve("report"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String sql = EnumLiterals.javaStrings(Files.readString(file));
				var m = table.matcher(sql);
				while (m.find()) {
					if (tables.contains(m.group(1).toLowerCase())) {
						found.add(file.getFileName() + ": table " + m.group(1));
					}
				}
				var c = constant.matcher(sql);
				while (c.find()) {
					found.add(file.getFileName() + ": constant " + c.group());
				}
			}
		}
		assertThat(tables).contains("opinion", "proposal", "duty_activity", "station", "consultation_comment");
		assertThat(found).isEmpty();
	}
}
