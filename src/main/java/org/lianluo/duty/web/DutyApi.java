package org.lianluo.duty.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lianluo.duty.Contacts;
import org.lianluo.duty.Contacts.Completion;
import org.lianluo.duty.Contacts.Contact;
import org.lianluo.duty.Contacts.NewContact;
import org.lianluo.duty.Contacts.NewPlan;
import org.lianluo.duty.Contacts.PlanEntry;
import org.lianluo.duty.DutyRecords;
import org.lianluo.duty.DutyRecords.DutyRecord;
import org.lianluo.duty.DutyStatistics;
import org.lianluo.duty.DutyStatistics.Figures;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.region.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contacts and contact plans, the duty record of a deputy, and the duty figures of a region and year. */
@RestController
class DutyApi {

	private final Contacts contacts;

	private final DutyRecords records;

	private final DutyStatistics statistics;

	DutyApi(Contacts contacts, DutyRecords records, DutyStatistics statistics) {
		this.contacts = contacts;
		this.records = records;
		this.statistics = statistics;
	}

	@PostMapping("/api/v1/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	Contact contact(@RequestBody NewContact body) {
		return contacts.record(body);
	}

	@GetMapping("/api/v1/contacts")
	List<Contact> contacts(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID member) {
		return contacts.list(year(year), member);
	}

	@PostMapping("/api/v1/contact-plans")
	@ResponseStatus(HttpStatus.CREATED)
	List<PlanEntry> plan(@RequestBody NewPlan body) {
		return contacts.plan(body);
	}

	@GetMapping("/api/v1/contact-plans/completion")
	Completion completion(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
		return contacts.summary(year(year), region(region));
	}

	@GetMapping("/api/v1/deputies/{id}/duty")
	DutyRecord record(@PathVariable UUID id, @RequestParam(required = false) Integer year) {
		return records.of(id, year(year));
	}

	@GetMapping("/api/v1/duty/statistics")
	Figures statistics(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
		return statistics.figures(region(region), year(year));
	}

	/** 进站履职参与率 per station of the region for a year: the roster, who held a reception, who has not yet come. */
	@GetMapping("/api/v1/duty/participation")
	List<StationParticipation> participation(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year) {
		int y = year(year);
		LocalDate from = LocalDate.of(y, 1, 1);
		return statistics.participation(region(region), from, from.plusYears(1)).stream()
			.map(p -> new StationParticipation(p.stationId(), p.roster().size(), p.received().size(),
					p.roster().stream().filter(d -> !p.received().contains(d)).toList()))
			.toList();
	}

	record StationParticipation(UUID stationId, int rostered, int received, List<UUID> notYet) {
	}

	/** The asked region within the caller's scope (404 outside it), or the caller's own region. */
	static String region(String region) {
		Scope scope = Scope.current();
		if (region == null || region.isBlank()) {
			return scope.regionCode();
		}
		if (!RegionCode.isValid(region.strip())) {
			throw LianluoException.invalidField("region", "problem.field.region");
		}
		scope.check(region.strip());
		return region.strip();
	}

	static int year(Integer year) {
		if (year == null) {
			return LocalDate.now(DutyStatistics.ZONE).getYear();
		}
		if (year < 2000 || year > 2100) {
			throw LianluoException.invalidField("year", "duty.plan.year.invalid");
		}
		return year;
	}
}
