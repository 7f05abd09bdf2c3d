package org.lianluo.platform;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Enum constants as people write them: the constant's name ({@code ZHUANG}) or its label in either
 * bundle ({@code 壮族}, {@code Zhuang}), found under {@code <prefix>.<NAME>}. Imports and forms use it.
 */
@Component
public class Labels {

	private static final Locale[] LOCALES = { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH };

	private final MessageSource messages;

	/** Per enum type and prefix, every way of writing each constant, lower-cased; bundles do not change at run time. */
	private final Map<String, Map<String, Enum<?>>> spellings = new ConcurrentHashMap<>();

	Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** The constant written as {@code text}, or null when it is blank or names none. */
	public <E extends Enum<E>> E parse(Class<E> type, String prefix, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Map<String, Enum<?>> known = spellings.computeIfAbsent(type.getName() + "|" + prefix, k -> spellings(type, prefix));
		return type.cast(known.get(text.trim().toLowerCase(Locale.ROOT)));
	}

	private <E extends Enum<E>> Map<String, Enum<?>> spellings(Class<E> type, String prefix) {
		Map<String, Enum<?>> known = new HashMap<>();
		for (E e : type.getEnumConstants()) {
			for (Locale locale : LOCALES) {
				String label = messages.getMessage(prefix + "." + e.name(), null, "", locale);
				if (!label.isBlank()) {
					known.putIfAbsent(label.trim().toLowerCase(Locale.ROOT), e);
				}
			}
		}
		for (E e : type.getEnumConstants()) {
			known.put(e.name().toLowerCase(Locale.ROOT), e);
		}
		return known;
	}

	/** The label of a constant in the given locale. */
	public String label(String prefix, Enum<?> value, Locale locale) {
		return value == null ? "" : messages.getMessage(prefix + "." + value.name(), null, value.name(), locale);
	}

	public String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
