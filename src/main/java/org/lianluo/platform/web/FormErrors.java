package org.lianluo.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lianluo.platform.LianluoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns a refusal into the messages a form shows beside its fields ({@code _} holds the general one). */
@Component
public class FormErrors {

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public Map<String, String> of(LianluoException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("_", text(ex.messageKey(), ex.args()));
		ex.fieldProblems().forEach(f -> errors.putIfAbsent(f.field(), text(f.messageKey(), f.args())));
		return errors;
	}

	public String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
