package org.lianluo.identity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Workbench;
import org.lianluo.identity.Workbenches;
import org.lianluo.region.WorkingCalendar;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** The caller's workbench as JSON: one entry per panel of each role they hold, as the dashboard shows it. */
@RestController
class WorkbenchApi {

	private final Workbenches workbenches;

	private final MessageSource messages;

	WorkbenchApi(Workbenches workbenches, MessageSource messages) {
		this.workbenches = workbenches;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	@GetMapping("/api/v1/workbench")
	Map<String, Object> workbench() {
		Actor actor = Actor.current();
		List<Map<String, Object>> panels = workbenches.of(actor, LocalDate.now(WorkingCalendar.ZONE))
			.values()
			.stream()
			.flatMap(List::stream)
			.map(this::json)
			.toList();
		return Map.of("panels", panels);
	}

	private Map<String, Object> json(Workbench.Panel p) {
		var m = new java.util.LinkedHashMap<String, Object>();
		m.put("role", p.role().name());
		m.put("key", p.key());
		m.put("title", messages.getMessage(p.key(), null, p.key(), LocaleContextHolder.getLocale()));
		m.put("count", p.count());
		m.put("items", p.items());
		m.put("warning", p.warning() == null ? null
				: messages.getMessage(p.warning(), null, p.warning(), LocaleContextHolder.getLocale()));
		return m;
	}
}
