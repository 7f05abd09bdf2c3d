package org.lianluo.platform;

import java.util.Locale;

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

	Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** The constant written as {@code text}, or null when it is blank or names none. */
	public <E extends Enum<E>> E parse(Class<E> type, String prefix, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String wanted = text.trim();
		for (E e : type.getEnumConstants()) {
			if (e.name().equalsIgnoreCase(wanted)) {
				return e;
			}
			for (Locale locale : LOCALES) {
				if (wanted.equalsIgnoreCase(messages.getMessage(prefix + "." + e.name(), null, "", locale))) {
					return e;
				}
			}
		}
		return null;
	}

	/** The label of a constant in the given locale. */
	public String label(String prefix, Enum<?> value, Locale locale) {
		return value == null ? "" : messages.getMessage(prefix + "." + value.name(), null, value.name(), locale);
	}

	public String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
