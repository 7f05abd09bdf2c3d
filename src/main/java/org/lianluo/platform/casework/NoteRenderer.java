package org.lianluo.platform.casework;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;

/**
 * Renders a {@link Note} in the reader's language: its key through the messages, each argument by its kind
 * ({@code msg:}, {@code text:}, {@link Note#WORDS} as {@code casework.note.words}, or a name the module looks up). An entry without a key (written
 * before notes were keys) shows its words as they are; a record that can no longer be named reads as
 * {@code casework.note.unknown}.
 */
public final class NoteRenderer {

	private final MessageSource messages;

	private final Map<String, Function<String, String>> names;

	/** {@code names}: by argument kind ("unit", "deputy", "user" …), the name of the record with that id, or null. */
	public NoteRenderer(MessageSource messages, Map<String, Function<String, String>> names) {
		this.messages = messages;
		this.names = Map.copyOf(names);
	}

	/** The note in words; {@code words}: what the person wrote on the entry, or null. */
	public String render(Note note, String words, Locale locale) {
		if (note == null || note.key() == null) {
			return words;
		}
		Object[] args = note.args().stream().map(a -> argument(a, words, locale)).toArray();
		return messages.getMessage(note.key(), args, note.key(), locale);
	}

	private String argument(String token, String words, Locale locale) {
		if (token.equals(Note.WORDS)) {
			return words == null ? "" : messages.getMessage("casework.note.words", new Object[] { words }, words, locale);
		}
		int colon = token.indexOf(':');
		String kind = colon < 0 ? "text" : token.substring(0, colon);
		String value = colon < 0 ? token : token.substring(colon + 1);
		String shown = switch (kind) {
			case "text" -> value;
			case "msg" -> messages.getMessage(value, null, value, locale);
			default -> names.getOrDefault(kind, v -> null).apply(value);
		};
		return shown != null ? shown : messages.getMessage("casework.note.unknown", null, "?", locale);
	}
}
