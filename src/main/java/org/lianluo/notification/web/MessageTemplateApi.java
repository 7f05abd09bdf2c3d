package org.lianluo.notification.web;

import java.util.List;

import org.lianluo.notification.MessageTemplates;
import org.lianluo.notification.MessageTemplates.Change;
import org.lianluo.notification.MessageTemplates.Preview;
import org.lianluo.notification.MessageTemplates.View;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/notification-templates}: ADMIN's wording of every message per template and channel; saving
 * one, previewing it with sample values, putting it back to the default, and who changed it when.
 */
@RestController
@RequestMapping("/api/v1/admin/notification-templates")
class MessageTemplateApi {

	private final MessageTemplates templates;

	MessageTemplateApi(MessageTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	List<View> list() {
		return templates.list();
	}

	@PutMapping
	View save(@RequestBody Wording body) {
		return templates.save(body.template(), body.channel(), body.subject(), body.body());
	}

	@PostMapping("/preview")
	Preview preview(@RequestBody Wording body) {
		return templates.preview(body.template(), body.channel(), body.subject(), body.body());
	}

	@PostMapping("/reset")
	View reset(@RequestBody Wording body) {
		return templates.reset(body.template(), body.channel());
	}

	@GetMapping("/history")
	List<Change> history(@RequestParam(required = false) String template, @RequestParam(required = false) String channel) {
		return templates.history(template, channel);
	}

	/** Which template on which channel, and its wording (a subject for e-mail only). */
	record Wording(String template, String channel, String subject, String body) {
	}
}
