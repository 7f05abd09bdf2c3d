package org.lianluo.platform.casework;

import java.util.List;

/**
 * What a timeline entry says, as a message key with its arguments, rendered in the reader's language by
 * {@link NoteRenderer} so that units and people are named as they are called when read, never by id. An argument
 * is a token: {@code msg:<key>} a message, {@code text:<words>} words as they are, {@link #WORDS} the words a person
 * wrote on the entry (its {@code note}), and {@code <kind>:<id>} a record the reading module names
 * ({@code unit:<uuid>}, {@code deputy:<uuid>}, …).
 */
public record Note(String key, List<String> args) {

	/** The token of the person's words, rendered as "：words", or nothing when they wrote none. */
	public static final String WORDS = "words";

	public Note {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public static Note of(String key, String... args) {
		return new Note(key, List.of(args));
	}

	/** A message, rendered in the reader's language. */
	public static String message(String key) {
		return "msg:" + key;
	}

	/** Words shown as they are (a tracking code, a number). */
	public static String literal(Object value) {
		return "text:" + value;
	}

	/** A record the reading module names: {@code ref("unit", id)}. */
	public static String ref(String kind, Object id) {
		return kind + ":" + id;
	}
}
