package org.lianluo.duty.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputyFilter;
import org.lianluo.duty.Activities;
import org.lianluo.duty.Activity;
import org.lianluo.duty.ActivityFilter;
import org.lianluo.duty.ActivityType;
import org.lianluo.duty.Contacts;
import org.lianluo.duty.DutyRecords;
import org.lianluo.duty.DutyStatistics;
import org.lianluo.duty.NewActivity;
import org.lianluo.identity.CurrentUser;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.region.Region;
import org.lianluo.region.Regions;
import org.lianluo.station.StationFilter;
import org.lianluo.station.Stations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The duty screens: staff list and register activities; a deputy registers their own visit from a phone;
 * contact plan completion; a deputy's duty record for a year.
 */
@Controller
class DutyScreens {

	private final Activities activities;

	private final Contacts contacts;

	private final DutyRecords records;

	private final Deputies deputies;

	private final Stations stations;

	private final Regions regions;

	private final FormErrors formErrors;

	DutyScreens(Activities activities, Contacts contacts, DutyRecords records, Deputies deputies, Stations stations,
			Regions regions, FormErrors formErrors) {
		this.activities = activities;
		this.contacts = contacts;
		this.records = records;
		this.deputies = deputies;
		this.stations = stations;
		this.regions = regions;
		this.formErrors = formErrors;
	}

	@GetMapping("/duty/activities")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page.check(page, 50);
		model.addAttribute("page", activities.list(new ActivityFilter(region, type, from, to, null), page, 50));
		model.addAttribute("filter", new ActivityFilter(region, type, from, to, null));
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("regionNames", regions.fullNames());
		if (CurrentUser.get().hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN))) {
			formChoices(model);
		}
		return "duty/activities";
	}

	@PostMapping("/duty/activities")
	String register(@RequestParam(required = false) String type, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) String theme, @RequestParam(required = false) String startAt,
			@RequestParam(required = false) String endAt, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) UUID stationId, @RequestParam(required = false) List<UUID> deputyIds,
			@RequestParam(required = false) Integer votersReceived, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String organiser, Model model) {
		try {
			Activity a = activities.register(new NewActivity(type, title, time(startAt, "startAt"), time(endAt, "endAt"), regionCode, stationId,
					deputyIds, votersReceived, theme, outcome, null, organiser, null, null, null, null));
			return "redirect:/duty/activities/" + a.id();
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return list(null, null, null, null, 0, model);
		}
	}

	@GetMapping("/duty/activities/{id}")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("a", activities.get(id));
		model.addAttribute("regionNames", regions.fullNames());
		return "duty/activity";
	}

	/** The phone-sized form on which a deputy registers a visit they made. */
	@GetMapping("/duty/visit")
	String visitForm(Model model) {
		model.addAttribute("types", List.of(ActivityType.VISIT, ActivityType.RECEPTION, ActivityType.RESEARCH));
		return "duty/visit";
	}

	@PostMapping("/duty/visit")
	String visit(@RequestParam(required = false) String type, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) String startAt, @RequestParam(required = false) Integer votersReceived,
			@RequestParam(required = false) String outcome, Model model) {
		CurrentUser user = CurrentUser.get();
		if (user.deputyId() == null) {
			throw LianluoException.forbidden();
		}
		try {
			activities.register(new NewActivity(type, title, time(startAt, "startAt"), null, user.regionCode(), null,
					List.of(user.deputyId()), votersReceived, null, outcome, null, null, null, null, null, null));
			return "redirect:/duty/record?saved=1";
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return visitForm(model);
		}
	}

	@GetMapping("/duty/record")
	String myRecord(@RequestParam(required = false) String saved) {
		UUID deputy = CurrentUser.get().deputyId();
		if (deputy == null) {
			throw LianluoException.notFound();
		}
		return "redirect:/duty/deputies/" + deputy + (saved == null ? "" : "?saved=1");
	}

	@GetMapping("/duty/deputies/{id}")
	String record(@PathVariable UUID id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String saved, Model model) {
		int y = DutyApi.year(year);
		model.addAttribute("saved", saved != null);
		model.addAttribute("record", records.of(id, y));
		model.addAttribute("year", y);
		model.addAttribute("types", ActivityType.values());
		return "duty/record";
	}

	@GetMapping("/duty/contacts")
	String contactPlans(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			Model model) {
		int y = DutyApi.year(year);
		model.addAttribute("completion", contacts.summary(y, DutyApi.region(region)));
		model.addAttribute("year", y);
		return "duty/contacts";
	}

	private void formChoices(Model model) {
		CurrentUser user = CurrentUser.get();
		model.addAttribute("regions", regions.all().stream().filter(r -> user.scope().covers(r.code()))
			.filter(r -> r.level() != Region.Level.VILLAGE).toList());
		model.addAttribute("stations", stations.all(new StationFilter(null, null, null, null, null, null), 500));
		model.addAttribute("deputies", deputies.all(new DeputyFilter(null, null, null, null, null, null, null), 500));
	}

	/** A {@code datetime-local} value, read in Asia/Shanghai. */
	private static OffsetDateTime time(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(DutyStatistics.ZONE).toOffsetDateTime();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw LianluoException.invalidField(field, "duty.activity.time.invalid");
		}
	}
}
