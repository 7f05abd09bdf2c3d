package org.lianluo.opinion.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.opinion.TimelineEntry;
import org.lianluo.platform.casework.NoteRenderer;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An opinion's timeline as staff read it: each note in their language, naming units and deputies as they are called
 * now, and who acted by their name (the system and the citizen in words), never by id or account.
 */
@Component
class TimelineNotes {

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\b[0-9A-HJKMNP-TV-Z]{13}\\b");

	private final MessageSource messages;

	private final NoteRenderer renderer;

	TimelineNotes(MessageSource messages, Units units, Deputies deputies) {
		this.messages = messages;
		Function<String, String> unitName = id -> units.find(UUID.fromString(id)).map(HandlingUnit::name).orElse(null);
		Function<String, String> deputyNames = ids -> deputies
			.findAll(Arrays.stream(ids.split(",")).filter(s -> !s.isBlank()).map(UUID::fromString).toList())
			.stream()
			.map(DeputySummary::name)
			.collect(Collectors.joining("、"));
		this.renderer = new NoteRenderer(messages, Map.of("unit", unitName, "deputies", deputyNames));
	}

	/** The entries as the caller may read them: for a unit or a deputy, without the tracking codes merges name. */
	List<OpinionView.Event> events(List<TimelineEntry> entries, boolean withCode) {
		Locale locale = LocaleContextHolder.getLocale();
		return entries.stream().map(e -> event(e, withCode, locale)).toList();
	}

	private OpinionView.Event event(TimelineEntry e, boolean withCode, Locale locale) {
		String text = renderer.render(e.message(), e.note(), locale);
		return new OpinionView.Event(e.at(), shown(e.actor(), withCode), e.kind(), e.fromStatus(), e.toStatus(),
				shown(e.note(), withCode), shown(who(e, locale), withCode), shown(text, withCode));
	}

	/** Who acted, by name: the person's name when they acted, else the citizen or the system in words. */
	private String who(TimelineEntry e, Locale locale) {
		if (e.actorName() != null) {
			return e.actorName();
		}
		String actor = e.actor() == null ? "system" : e.actor();
		if (actor.equals("system") || actor.equals("citizen")) {
			return messages.getMessage("opinion.actor." + actor, null, locale);
		}
		if (actor.startsWith("citizen ")) {
			return messages.getMessage("opinion.actor.merged-citizen", new Object[] { actor.substring(8) }, locale);
		}
		return actor;
	}

	private static String shown(String text, boolean withCode) {
		return withCode || text == null ? text : CODE.matcher(text).replaceAll("*");
	}
}
