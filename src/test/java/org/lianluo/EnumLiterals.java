package org.lianluo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the quoted values that SQL compares with a column holding a Java enum's name ({@code o.status in ('ASSIGNED',
 * 'ACCEPTED')}, {@code a.type = 'PUBLIC_MEETING'}, a check constraint's {@code = ANY (ARRAY[…])}) and answers those
 * that are no constant of that enum: a renamed constant compiles, and such SQL would break at run time. A column
 * qualified by an alias is resolved to its table by the nearest {@code table alias} (or {@code alias table}, as
 * function parameters are written) in the same text; an unqualified one, or an alias of no known table, may hold
 * any enum its column name holds in any table.
 */
final class EnumLiterals {

	/** Table → column → the enum whose constant names the column holds. */
	static final Map<String, Map<String, String>> COLUMNS = Map.ofEntries(
			Map.entry("opinion", Map.of("status", "org.lianluo.opinion.OpinionStatus", "category",
					"org.lianluo.opinion.Category", "reply_result", "org.lianluo.opinion.ReplyResult", "grade",
					"org.lianluo.opinion.Grade", "rated_by", "org.lianluo.opinion.Rater", "channel",
					"org.lianluo.opinion.Channel", "kind", "org.lianluo.opinion.OpinionKind")),
			Map.entry("opinion_event", Map.of("kind", "org.lianluo.opinion.TimelineEntry$Kind")),
			Map.entry("proposal", Map.of("status", "org.lianluo.proposal.ProposalStatus", "reply_class",
					"org.lianluo.proposal.ReplyClass", "grade", "org.lianluo.proposal.Verdict", "mode",
					"org.lianluo.proposal.AssignmentMode", "not_registered_as", "org.lianluo.proposal.NotRegisteredAs")),
			Map.entry("proposal_separate_unit", Map.of("status", "org.lianluo.proposal.ProposalStatus", "reply_class",
					"org.lianluo.proposal.ReplyClass", "grade", "org.lianluo.proposal.Verdict")),
			Map.entry("proposal_reply", Map.of("reply_class", "org.lianluo.proposal.ReplyClass")),
			Map.entry("proposal_contact", Map.of("method", "org.lianluo.proposal.ContactMethod")),
			Map.entry("proposal_event", Map.of("kind", "org.lianluo.proposal.ProposalTimelineEntry$Kind")),
			Map.entry("key_supervision", Map.of("status", "org.lianluo.supervision.KeySupervision$Status", "item_type",
					"org.lianluo.supervision.ItemType")),
			Map.entry("special_committee", Map.of("kind", "org.lianluo.supervision.CommitteeKind")),
			Map.entry("upward_proposal", Map.of("status", "org.lianluo.proposal.UpwardStatus", "target_level",
					"org.lianluo.deputy.Level")),
			Map.entry("duty_activity", Map.of("type", "org.lianluo.duty.ActivityType")),
			Map.entry("duty_rollup", Map.of("type", "org.lianluo.duty.ActivityType")),
			Map.entry("duty_activity_deputy", Map.of("attendance", "org.lianluo.duty.Attendance")),
			Map.entry("duty_contact", Map.of("method", "org.lianluo.duty.ContactMethod")),
			Map.entry("station", Map.of("status", "org.lianluo.station.Station$Status", "kind",
					"org.lianluo.station.Station$Kind")),
			Map.entry("station_member", Map.of("kind", "org.lianluo.station.StationMember$Kind")),
			Map.entry("consultation", Map.of("status", "org.lianluo.consultation.Consultation$Status")),
			Map.entry("consultation_comment", Map.of("channel", "org.lianluo.consultation.Comment$Channel", "adoption",
					"org.lianluo.consultation.Comment$Adoption")),
			Map.entry("handling_unit", Map.of("kind", "org.lianluo.unit.HandlingUnit$Kind")),
			Map.entry("congress", Map.of("level", "org.lianluo.deputy.Level")),
			Map.entry("congress_session", Map.of("kind", "org.lianluo.deputy.Session$Kind")),
			Map.entry("deputy_seat", Map.of("status", "org.lianluo.deputy.Deputy$SeatStatus", "level",
					"org.lianluo.deputy.Level")),
			Map.entry("region", Map.of("level", "org.lianluo.region.Region$Level")),
			Map.entry("calendar_day", Map.of("kind", "org.lianluo.region.WorkingCalendar$Kind")));

	private static final String COLUMN = "\\(?(?:(\\w+)\\.)?(\\w+)\\)?";

	private static final String LITERAL = "'([^']*)'";

	private static final String LIST = "('[^']*'(?:\\s*,\\s*'[^']*')*)";

	/** {@code col = 'X'}, {@code col <> 'X'}, {@code col in ('X', 'Y')}, {@code col = ANY (ARRAY['X', 'Y'])}. */
	private static final List<Pattern> COMPARISONS = List.of(
			Pattern.compile(COLUMN + "\\s*(?:=|<>|!=)\\s*('[^']*')", Pattern.CASE_INSENSITIVE),
			Pattern.compile(COLUMN + "\\s+(?:not\\s+)?in\\s*\\(\\s*" + LIST + "\\s*\\)", Pattern.CASE_INSENSITIVE),
			Pattern.compile(COLUMN + "\\s*(?:=|<>|!=)\\s*(?:any|all)\\s*\\(+\\s*array\\s*\\[\\s*" + LIST + "\\s*\\]",
					Pattern.CASE_INSENSITIVE));

	private static final Pattern CAST = Pattern.compile("::(?:character varying|[a-z_]+)(?:\\(\\d+\\))?(?:\\[\\])?",
			Pattern.CASE_INSENSITIVE);

	private EnumLiterals() {
	}

	/** A value compared with an enum column that names no constant of any enum the column may hold. */
	record Problem(String where, String column, String literal, Set<String> enums) {

		@Override
		public String toString() {
			return where + ": " + column + " = '" + literal + "' is no constant of " + enums;
		}
	}

	/**
	 * The problems in one text: a query, a view's definition, a function's source ({@link #unquoted}), the strings of
	 * a Java file. {@code table}, when known, is what an unqualified column belongs to.
	 */
	static List<Problem> check(String where, String text, String table) {
		String sql = CAST.matcher(text).replaceAll("");
		List<Problem> problems = new ArrayList<>();
		for (Pattern p : COMPARISONS) {
			Matcher m = p.matcher(sql);
			while (m.find()) {
				String column = m.group(2).toLowerCase();
				Set<String> enums = enums(sql, m.start(), m.group(1), column, table);
				if (enums.isEmpty()) {
					continue;
				}
				Set<String> constants = enums.stream().flatMap(e -> constants(e).stream()).collect(Collectors.toSet());
				for (String literal : literals(m.group(3))) {
					// A placeholder of String.formatted is filled with enum names elsewhere.
					if (!constants.contains(literal) && !literal.contains("%")) {
						problems.add(new Problem(where, (m.group(1) == null ? "" : m.group(1) + ".") + column, literal,
								enums));
					}
				}
			}
		}
		return problems;
	}

	/**
	 * The enums a column may hold there: of the alias's table; unqualified, of the given table or of the table the
	 * nearest {@code from/update/into/join} before it names (none: another table's); else of any table.
	 */
	static Set<String> enums(String sql, int at, String alias, String column, String table) {
		String resolved = alias != null ? tableOf(sql, at, alias.toLowerCase()) : table != null ? table : lastTable(sql, at);
		if (resolved != null) {
			String e = COLUMNS.getOrDefault(resolved, Map.of()).get(column);
			return e == null ? Set.of() : Set.of(e);
		}
		Set<String> any = new LinkedHashSet<>();
		COLUMNS.values().forEach(columns -> {
			if (columns.containsKey(column)) {
				any.add(columns.get(column));
			}
		});
		return any;
	}

	private static final Pattern TABLE = Pattern.compile("\\b(?:from|update|into|join)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	/** The table the nearest {@code from/update/into/join} before {@code at} names, or null. */
	static String lastTable(String sql, int at) {
		Matcher m = TABLE.matcher(sql);
		String last = null;
		while (m.find() && m.start() < at) {
			last = m.group(1).toLowerCase();
		}
		return last;
	}

	/** The known table an alias stands for, from its definition nearest to {@code at}; the alias itself if a table. */
	static String tableOf(String sql, int at, String alias) {
		if (COLUMNS.containsKey(alias)) {
			return alias;
		}
		String tables = String.join("|", new TreeMap<>(COLUMNS).descendingKeySet());
		Pattern definition = Pattern.compile("\\b(?:(" + tables + ")\\s+(?:as\\s+)?" + Pattern.quote(alias) + "|"
				+ Pattern.quote(alias) + "\\s+(" + tables + "))\\b", Pattern.CASE_INSENSITIVE);
		Matcher m = definition.matcher(sql);
		String nearest = null;
		int distance = Integer.MAX_VALUE;
		while (m.find()) {
			int d = Math.abs(m.start() - at);
			if (d < distance) {
				distance = d;
				nearest = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
			}
		}
		return nearest;
	}

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");

	/** The string literals and text blocks of a Java source, one after the other: where its SQL is. */
	static String javaStrings(String source) {
		StringBuilder strings = new StringBuilder();
		Matcher blocks = TEXT_BLOCK.matcher(source);
		while (blocks.find()) {
			strings.append(blocks.group(1)).append('\n');
		}
		Matcher m = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(" "));
		while (m.find()) {
			strings.append(m.group(1).replace("\\\"", "\"")).append(' ');
		}
		return strings.toString();
	}

	/** A function's source with the SQL it builds in string literals ({@code ''RECEPTION''}) as plain SQL. */
	static String unquoted(String source) {
		return source.replace("''", "'");
	}

	static Set<String> constants(String enumClass) {
		try {
			return Arrays.stream(Class.forName(enumClass).getEnumConstants())
				.map(c -> ((Enum<?>) c).name())
				.collect(Collectors.toSet());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("The enum " + enumClass + " of EnumLiterals.COLUMNS is gone: name its new home", ex);
		}
	}

	private static List<String> literals(String list) {
		List<String> literals = new ArrayList<>();
		Matcher m = Pattern.compile(LITERAL).matcher(list);
		while (m.find()) {
			literals.add(m.group(1));
		}
		return literals;
	}
}
