package org.lianluo.duty.web;

import java.time.LocalDate;
import java.util.UUID;

import org.lianluo.duty.Activities;
import org.lianluo.duty.Activity;
import org.lianluo.duty.ActivityFilter;
import org.lianluo.duty.NewActivity;
import org.lianluo.platform.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Duty activities (API.md): register, list within the scope, read one, correct attendance. */
@RestController
class ActivityApi {

	private final Activities activities;

	ActivityApi(Activities activities) {
		this.activities = activities;
	}

	@PostMapping("/api/v1/activities")
	@ResponseStatus(HttpStatus.CREATED)
	Activity register(@RequestBody NewActivity body) {
		return activities.register(body);
	}

	@GetMapping("/api/v1/activities")
	Page<Activity> list(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID deputy, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return activities.list(new ActivityFilter(region, type, from, to, deputy), page, size);
	}

	@GetMapping("/api/v1/activities/{id}")
	Activity get(@PathVariable UUID id) {
		return activities.get(id);
	}

	@PostMapping("/api/v1/activities/{id}/attendance")
	Activity attendance(@PathVariable UUID id, @RequestBody AttendanceBody body) {
		return activities.markAttendance(id, body.deputyId(), body.attendance());
	}

	record AttendanceBody(UUID deputyId, String attendance) {
	}
}
