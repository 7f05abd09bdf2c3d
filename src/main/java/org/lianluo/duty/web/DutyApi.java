package org.lianluo.duty.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.platform.Page;
import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.duty.DutyStatements;
import org.lianluo.duty.Receptions;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.lianluo.station.StationRota;
import org.lianluo.station.StationSummary;
import org.lianluo.station.Stations;
import org.springframework.format.annotation.DateTimeFormat;

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

	private final Stations stations;

	private final Deputies deputies;

	private final Receptions receptions;

	private final DutyStatements statements;

	DutyApi(DutyStatements statements, Contacts contacts, DutyRecords records, DutyStatistics statistics, Stations stations, Deputies deputies,
			Receptions receptions) {
		this.stations = stations;
		this.deputies = deputies;
		this.receptions = receptions;
		this.statements = statements;
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
	Page<Contact> contacts(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID member,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return Page.of(contacts.list(year(year), member), page, size);
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

	/** 述职报告: the deputy's annual duty statement as .docx. */
	@GetMapping("/api/v1/deputies/{id}/duty/statement.docx")
	ResponseEntity<byte[]> statement(@PathVariable UUID id, @RequestParam(required = false) Integer year) {
		return docx(statements.of(id, year(year)));
	}

	static ResponseEntity<byte[]> docx(DutyStatements.Statement s) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(s.filename(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(DOCX))
			.body(s.docx());
	}

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	@GetMapping("/api/v1/duty/statistics")
	Figures statistics(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
		return statistics.figures(region(region), year(year));
	}

	/** 进站履职参与率 per station of the region for a year: the roster, who held a reception, who has not yet come. */
	@GetMapping("/api/v1/duty/participation")
	Page<StationParticipation> participation(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return Page.of(participation(statistics, stations, deputies, region(region), year(year)), page, size);
	}

	static List<StationParticipation> participation(DutyStatistics statistics, Stations stations, Deputies deputies,
			String region, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		List<DutyStatistics.Participation> rows = statistics.participation(region, from, from.plusYears(1));
		Map<UUID, String> names = deputies.findAll(rows.stream().flatMap(p -> p.roster().stream()).distinct().toList()).stream()
			.collect(Collectors.toMap(DeputySummary::id, DeputySummary::name));
		return rows.stream()
			.map(p -> {
				List<UUID> notYet = p.roster().stream().filter(d -> !p.received().contains(d)).toList();
				return new StationParticipation(p.stationId(),
						stations.find(p.stationId()).map(StationSummary::name).orElse(""), p.roster().size(),
						p.received().size(), p.roster().isEmpty() ? 0.0 : (double) p.received().size() / p.roster().size(), notYet, notYet.stream().map(d -> names.getOrDefault(d, "")).toList());
			})
			.sorted(Comparator.comparing(StationParticipation::stationName))
			.toList();
	}

	/** Planned rota days against receptions held at a station; the current year unless a period is given. */
	@GetMapping("/api/v1/stations/{id}/receptions")
	Receptions.RotaReport receptions(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		int year = LocalDate.now(DutyStatistics.ZONE).getYear();
		LocalDate start = from == null ? LocalDate.of(year, 1, 1) : StationRota.plausible("from", from);
		LocalDate end = to == null ? start.plusYears(1).minusDays(1) : StationRota.plausible("to", to);
		return receptions.rota(id, start, end);
	}

	/** One station's roster and who of it held a reception there in the year; {@code rate} = received / rostered. */
	record StationParticipation(UUID stationId, String stationName, int rostered, int received, double rate, List<UUID> notYet,
			List<String> notYetNames) {
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
