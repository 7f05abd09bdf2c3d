package org.lianluo.deputy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.identity.Actor;
import org.lianluo.platform.Ids;
import org.lianluo.platform.Labels;
import org.lianluo.region.RegionNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each deputy's history of changes: created, imported, which fields an update changed (from, to), seats
 * ended. Written in the transaction of the change itself. A changed phone is recorded without its digits.
 */
@Component
public class DeputyHistory {

	private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Labels labels;

	private final RegionNames regionNames;

	DeputyHistory(JdbcClient jdbc, JsonMapper json, Labels labels, RegionNames regionNames) {
		this.jdbc = jdbc;
		this.json = json;
		this.labels = labels;
		this.regionNames = regionNames;
	}

	void record(UUID deputy, Action action, List<Change> changes) {
		jdbc.sql("insert into deputy_change (id, deputy_id, at, actor, action, changes) values (?, ?, ?, ?, ?, ?)")
			.params(Ids.newId(), deputy, OffsetDateTime.now(ZoneOffset.UTC), actor(), action.name(), json.writeValueAsString(changes))
			.update();
	}

	void recordAll(List<UUID> deputies, Action action) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String actor = actor();
		jdbc.sql("""
				insert into deputy_change (id, deputy_id, at, actor, action, changes)
				select r.id, r.deputy, ?, ?, ?, '[]' from unnest(cast(? as uuid[]), cast(? as uuid[])) as r (id, deputy)""")
			.params(now, actor, action.name(), deputies.stream().map(d -> Ids.newId().toString()).toArray(String[]::new),
					deputies.stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	/** What changed between two states of a deputy, field by field, in constant names and codes. */
	static List<Change> diff(Deputy before, Deputy after, boolean phoneChanged) {
		List<Change> changes = new ArrayList<>();
		add(changes, "name", before.name(), after.name());
		add(changes, "gender", before.gender(), after.gender());
		add(changes, "ethnicity", before.ethnicity(), after.ethnicity());
		add(changes, "birthYear", before.birthYear(), after.birthYear());
		add(changes, "politicalAffiliation", before.politicalAffiliation(), after.politicalAffiliation());
		add(changes, "occupation", before.occupation(), after.occupation());
		add(changes, "workplace", before.workplace(), after.workplace());
		add(changes, "title", before.title(), after.title());
		add(changes, "regionCode", before.regionCode(), after.regionCode());
		add(changes, "levels", levels(before), levels(after));
		add(changes, "delegation", before.delegation(), after.delegation());
		add(changes, "committeePosition", before.committeePosition(), after.committeePosition());
		if (phoneChanged) {
			changes.add(new Change("phone", null, null));
		}
		return changes;
	}

	/** The history of a deputy, newest first, in words of the given locale. */
	public List<Entry> of(UUID deputy, Locale locale) {
		return jdbc.sql("select at, actor, action, changes from deputy_change where deputy_id = ? order by at desc, id desc")
			.param(deputy)
			.query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
					Action.valueOf(rs.getString(3)), json.readValue(rs.getString(4), CHANGES).stream()
						.map(c -> words(c, locale)).toList()))
			.list();
	}

	private String words(Change c, Locale locale) {
		String field = "seat".equals(c.field()) ? "" : labels.text("deputy.change." + c.field(), locale);
		if ("phone".equals(c.field())) {
			return labels.text("deputy.change.phone-changed", locale, field);
		}
		if ("seat".equals(c.field())) {
			return labels.text("deputy.change.seat-ended", locale, labels.text("level." + c.from(), locale),
					labels.text("seat-status." + c.to(), locale));
		}
		return labels.text("deputy.change.from-to", locale, field, value(c.field(), c.from(), locale), value(c.field(), c.to(), locale));
	}

	private String value(String field, String value, Locale locale) {
		if (value == null || value.isEmpty()) {
			return labels.text("deputy.change.empty", locale);
		}
		String prefix = switch (field) {
			case "gender" -> "gender";
			case "ethnicity" -> "ethnicity";
			case "politicalAffiliation" -> "political";
			case "occupation" -> "occupation";
			case "committeePosition" -> "committee-position";
			case "levels" -> "level";
			default -> null;
		};
		if ("regionCode".equals(field)) {
			return regionNames.of(value);
		}
		if (prefix == null) {
			return value;
		}
		return List.of(value.split(",")).stream().map(v -> labels.text(prefix + "." + v, locale)).collect(Collectors.joining("、"));
	}

	private static void add(List<Change> changes, String field, Object before, Object after) {
		String from = text(before);
		String to = text(after);
		if (!Objects.equals(from, to)) {
			changes.add(new Change(field, from, to));
		}
	}

	private static String text(Object value) {
		return value instanceof Enum<?> e ? e.name() : value == null ? null : value.toString();
	}

	private static String levels(Deputy d) {
		return d.levels().stream().map(Enum::name).collect(Collectors.joining(","));
	}

	private static String actor() {
		return Actor.find().map(Actor::username).orElse(null);
	}

	public enum Action {
		CREATED, IMPORTED, UPDATED, SEAT_ENDED
	}

	/** One changed field: its name and its values before and after, as constant names or codes. */
	public record Change(String field, String from, String to) {
	}

	/** One entry of the history as a screen shows it. */
	public record Entry(Instant at, String actor, Action action, List<String> changes) {
	}
}
