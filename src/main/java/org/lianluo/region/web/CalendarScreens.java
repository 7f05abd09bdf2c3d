package org.lianluo.region.web;

import java.time.LocalDate;
import java.time.Year;

import org.lianluo.platform.LianluoException;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.region.WorkingCalendar.Kind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ADMIN's screen for the working-day calendar (under /admin, so ADMIN only). */
@Controller
@RequestMapping("/admin/calendar")
class CalendarScreens {

	private final WorkingCalendar calendar;

	CalendarScreens(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	String show(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? Year.now(WorkingCalendar.ZONE).getValue() : year;
		model.addAttribute("year", y);
		model.addAttribute("days", calendar.year(y));
		model.addAttribute("kinds", Kind.values());
		return "region/calendar";
	}

	@PostMapping
	String put(@RequestParam LocalDate day, @RequestParam Kind kind, @RequestParam String name) {
		if (name.isBlank() || name.length() > 32) {
			throw LianluoException.invalidField("name", "calendar.name.required");
		}
		calendar.put(new WorkingCalendar.Day(day, kind, name.trim()));
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

	@PostMapping("/remove")
	String remove(@RequestParam LocalDate day) {
		calendar.remove(day);
		return "redirect:/admin/calendar?year=" + day.getYear();
	}
}
