package org.lianluo.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lianluo.platform.LianluoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

	/**
	 * Runs a screen's action and redirects to {@code redirect}: with {@code done} when it went through, with the
	 * form's messages when it was refused. Not found and not allowed are refusals of the request itself: they
	 * propagate, to be shown as the error page with their status.
	 */
	public String act(String redirect, RedirectAttributes flash, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("done", true);
		}
		catch (LianluoException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			flash.addFlashAttribute("errors", of(ex));
		}
		return "redirect:" + redirect;
	}

	public String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
