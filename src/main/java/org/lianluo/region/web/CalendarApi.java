package org.lianluo.region.web;

import java.time.LocalDate;
import java.util.List;

import org.lianluo.platform.LianluoException;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.region.WorkingCalendar.Day;
import org.lianluo.region.WorkingCalendar.Kind;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/calendar}: the holidays and adjusted working days of a year; ADMIN edits them. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

	private final WorkingCalendar calendar;

	CalendarApi(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/{year}")
	List<Day> year(@PathVariable int year) {
		return calendar.year(year);
	}

	@PutMapping("/days/{day}")
	@PreAuthorize("hasRole('ADMIN')")
	Day put(@PathVariable LocalDate day, @RequestBody DayForm form) {
		Day entry = form.toDay(day);
		calendar.put(entry);
		return entry;
	}

	@DeleteMapping("/days/{day}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable LocalDate day) {
		calendar.remove(day);
	}

	record DayForm(Kind kind, String name) {

		Day toDay(LocalDate day) {
			if (kind == null) {
				throw LianluoException.invalidField("kind", "calendar.kind.required");
			}
			if (name == null || name.isBlank() || name.length() > 32) {
				throw LianluoException.invalidField("name", "calendar.name.required");
			}
			return new Day(day, kind, name.trim());
		}
	}
}
