package org.lianluo.notification.web;

import org.lianluo.notification.MessageTemplates;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * ADMIN's screens for the wording of messages: every template on each channel, and one of them to edit, with a
 * preview filled with sample values, saving, going back to the default, and the history of changes.
 */
@Controller
@RequestMapping("/admin/notification-templates")
class MessageTemplateScreens {

	private final MessageTemplates templates;

	private final FormErrors formErrors;

	MessageTemplateScreens(MessageTemplates templates, FormErrors formErrors) {
		this.templates = templates;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("templates", templates.list());
		return "notification/templates";
	}

	@GetMapping("/edit")
	String edit(@RequestParam(required = false) String template, @RequestParam(required = false) String channel,
			Model model) {
		if (template == null || channel == null) {
			return "redirect:/admin/notification-templates";
		}
		MessageTemplates.View view = templates.get(template, channel);
		String body = view.overridden() ? view.body() : view.defaultBody();
		String subject = view.overridden() ? view.subject() : view.defaultSubject();
		return form(view, subject, body, model);
	}

	/** {@code action}: {@code preview} shows the text with sample values, {@code save}, or {@code reset}. */
	@PostMapping("/edit")
	String act(@RequestParam(required = false) String template, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String body,
			@RequestParam(defaultValue = "preview") String action, Model model, RedirectAttributes flash) {
		MessageTemplates.View view = templates.get(template, channel);
		try {
			switch (action) {
				case "save" -> {
					templates.save(template, channel, subject, body);
					flash.addFlashAttribute("notice", "notification.template.saved");
					return redirect(template, channel);
				}
				case "reset" -> {
					templates.reset(template, channel);
					flash.addFlashAttribute("notice", "notification.template.reset");
					return redirect(template, channel);
				}
				default -> model.addAttribute("preview", templates.preview(template, channel, subject, body));
			}
		}
		catch (LianluoException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			model.addAttribute("errors", formErrors.of(ex));
		}
		return form(view, subject, body, model);
	}

	private String form(MessageTemplates.View view, String subject, String body, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("subject", subject);
		model.addAttribute("body", body);
		model.addAttribute("smsMax", MessageTemplates.SMS_MAX);
		model.addAttribute("history", templates.history(view.template(), view.channel()));
		return "notification/template";
	}

	private static String redirect(String template, String channel) {
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/notification-templates/edit")
			.queryParam("template", template)
			.queryParam("channel", channel)
			.build()
			.encode()
			.toUriString();
	}
}
