package org.lianluo.duty.web;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.lianluo.duty.DutyCalendar;
import org.lianluo.duty.DutyStatements;
import java.time.YearMonth;
import org.lianluo.duty.Receptions;
import org.lianluo.station.StationRota;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.region.Region;
import org.lianluo.region.Regions;
import org.lianluo.station.StationFilter;
import org.lianluo.station.Stations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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

	private final DutyStatistics statistics;

	private final Receptions receptions;

	private final DutyStatements statements;

	private final DutyCalendar calendar;

	private final Visits visits;

	private final ActivityExport export;

	DutyScreens(Visits visits, DutyCalendar calendar, DutyStatements statements, Activities activities, Contacts contacts, DutyRecords records, Deputies deputies, Stations stations,
			Regions regions, FormErrors formErrors, DutyStatistics statistics, Receptions receptions, ActivityExport export) {
		this.export = export;
		this.visits = visits;
		this.statistics = statistics;
		this.receptions = receptions;
		this.statements = statements;
		this.calendar = calendar;
		this.activities = activities;
		this.contacts = contacts;
		this.records = records;
		this.deputies = deputies;
		this.stations = stations;
		this.regions = regions;
		this.formErrors = formErrors;
	}

	/** The list as it stands, as an .xlsx: the same filters and scope. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	@GetMapping("/duty/activities/export.xlsx")
	org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String region,
			@RequestParam(required = false) String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID station) {
		return org.lianluo.platform.web.Downloads.xlsx("activities.xlsx",
				export.xlsx(new ActivityFilter(region, type, from, to, null, station)));
	}

	@GetMapping("/duty/activities")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID station, @RequestParam(defaultValue = "0") int page, Model model) {
		Page.check(page, 50);
		ActivityFilter filter = new ActivityFilter(region, type, from, to, null, station);
		model.addAttribute("page", activities.list(filter, page, 50));
		model.addAttribute("filter", filter);
		if (station != null) {
			model.addAttribute("station", stations.get(station));
		}
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("regionNames", regions.fullNames());
		if (Actor.current().hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN))) {
			formChoices(model);
		}
		return "duty/activities";
	}

	@PostMapping("/duty/activities")
	String register(@RequestParam(required = false) String type, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) String theme, @RequestParam(required = false) String startAt,
			@RequestParam(required = false) String endAt, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) List<UUID> stationIds, @RequestParam(required = false) List<UUID> deputyIds,
			@RequestParam(required = false) List<UUID> memberIds,
			@RequestParam(required = false) Integer votersReceived, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String organiser, @RequestParam(required = false) Integer disputesResolved,
			@RequestParam(required = false) Integer peopleRelocated, @RequestParam(required = false) Integer hazardsInspected,
			@RequestParam(required = false) List<String> opinions, Model model) {
		try {
			Activity a = activities.register(new NewActivity(type, title, time(startAt, "startAt"), time(endAt, "endAt"), regionCode, null,
					deputyIds, votersReceived, theme, outcome, null, organiser, null, disputesResolved, peopleRelocated,
					hazardsInspected, opinions, stationIds, memberIds));
			return "redirect:/duty/activities/" + a.id();
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return list(null, null, null, null, null, 0, model);
		}
	}

	@GetMapping("/duty/activities/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Activity a = activities.get(id);
		model.addAttribute("a", a);
		model.addAttribute("regionNames", regions.fullNames());
		Actor user = Actor.current();
		model.addAttribute("canAddPhotos", user.hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN, Role.DEPUTY)));
		return "duty/activity";
	}

	@PostMapping("/duty/activities/{id}/photos")
	String addPhoto(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		return formErrors.act("/duty/activities/" + id, flash, () -> {
			try {
				activities.attachPhoto(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@GetMapping("/duty/activities/{id}/photos/{attachmentId}")
	ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID attachmentId,
			@RequestParam(defaultValue = "false") boolean thumbnail) {
		return ActivityApi.image(activities.photo(id, attachmentId, thumbnail));
	}

	/** The phone-sized form on which a deputy registers a visit they made and what voters said during it. */
	@GetMapping("/duty/visit")
	String visitForm(Model model) {
		model.addAttribute("types", List.of(ActivityType.VISIT, ActivityType.RECEPTION, ActivityType.RESEARCH));
		// A plain post sent twice (a reload, a second tap on a slow line) is stored once; the offline queue sends its own.
		model.addAttribute("idempotencyKey", java.util.UUID.randomUUID().toString());
		UUID deputy = Actor.current().deputyId();
		model.addAttribute("myStations", deputy == null ? List.of()
				: stations.all(new StationFilter(null, null, null, null, null, null), 500).stream()
					.filter(s -> s.deputies().stream().anyMatch(d -> d.id().equals(deputy)))
					.toList());
		return "duty/visit";
	}

	@PostMapping("/duty/visit")
	String visit(@RequestParam(required = false) String type, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) String startAt, @RequestParam(required = false) Integer votersReceived,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) UUID stationId,
			@RequestParam(required = false) List<String> opinions, @RequestParam(required = false) List<MultipartFile> photos,
			@RequestParam(required = false) String idempotencyKey, Model model) {
		try {
			visits.register(Actor.current(), type, title, startAt, votersReceived, outcome, stationId, opinions, photos,
					idempotencyKey);
			return "redirect:/duty/record?saved=1";
		}
		catch (LianluoException ex) {
			if (ex.status() == org.springframework.http.HttpStatus.FORBIDDEN) {
				throw ex;
			}
			model.addAttribute("errors", formErrors.of(ex));
			model.addAttribute("said", opinions == null ? List.of() : opinions);
			return visitForm(model);
		}
	}

	@GetMapping("/duty/record")
	String myRecord(@RequestParam(required = false) String saved) {
		UUID deputy = Actor.current().deputyId();
		if (deputy == null) {
			throw LianluoException.notFound();
		}
		return "redirect:/duty/deputies/" + deputy + (saved == null ? "" : "?saved=1");
	}

	/** A deputy's record for a year, with the calendar of one month of it ({@code month=2025-06}). */
	@GetMapping("/duty/deputies/{id}")
	String record(@PathVariable UUID id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String month, @RequestParam(required = false) String saved, Model model) {
		YearMonth shown = month(month);
		int y = shown != null ? DutyApi.year(shown.getYear()) : DutyApi.year(year);
		if (shown == null) {
			YearMonth now = YearMonth.now(DutyStatistics.ZONE);
			shown = now.getYear() == y ? now : YearMonth.of(y, 1);
		}
		model.addAttribute("saved", saved != null);
		model.addAttribute("record", records.of(id, y));
		model.addAttribute("calendar", calendar.of(id, shown));
		model.addAttribute("year", y);
		model.addAttribute("types", ActivityType.values());
		return "duty/record";
	}

	private static YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw LianluoException.invalidField("month", "duty.calendar.month.invalid");
		}
	}

	@GetMapping("/duty/deputies/{id}/statement.docx")
	ResponseEntity<byte[]> statement(@PathVariable UUID id, @RequestParam(required = false) Integer year) {
		return DutyApi.docx(statements.of(id, DutyApi.year(year)));
	}

	@GetMapping("/duty/contacts")
	String contactPlans(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			Model model) {
		int y = DutyApi.year(year);
		model.addAttribute("completion", contacts.summary(y, DutyApi.region(region)));
		model.addAttribute("year", y);
		return "duty/contacts";
	}

	/**
	 * 进站履职参与率 and the rota per station of the region for a year: who of each roster has held a reception
	 * there and who has not yet come, and rota days held and missed.
	 */
	@GetMapping("/duty/stations")
	String stationsOverview(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			Model model) {
		if (!Actor.current().hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN, Role.LEADER, Role.ADMIN))) {
			throw LianluoException.forbidden();
		}
		int y = DutyApi.year(year);
		String r = DutyApi.region(region);
		List<DutyApi.StationParticipation> rows = DutyApi.participation(statistics, stations, deputies, r, y);
		LocalDate from = LocalDate.of(y, 1, 1);
		Map<UUID, Receptions.RotaReport> rota = new LinkedHashMap<>();
		rows.forEach(p -> rota.put(p.stationId(), receptions.rota(p.stationId(), from, from.plusYears(1).minusDays(1))));
		int rostered = rows.stream().mapToInt(DutyApi.StationParticipation::rostered).sum();
		model.addAttribute("rows", rows);
		model.addAttribute("rota", rota);
		model.addAttribute("rate", statistics.stationParticipationRate(r, from, from.plusYears(1)));
		model.addAttribute("rostered", rostered);
		model.addAttribute("region", r);
		model.addAttribute("regionNames", regions.fullNames());
		model.addAttribute("year", y);
		return "duty/stations";
	}

	/** One station's rota against the receptions held, day by day. */
	@GetMapping("/duty/stations/{id}/rota")
	String stationRota(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		if (!Actor.current().hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN, Role.LEADER, Role.ADMIN, Role.DEPUTY))) {
			throw LianluoException.forbidden();
		}
		int year = LocalDate.now(DutyStatistics.ZONE).getYear();
		LocalDate start = from == null ? LocalDate.of(year, 1, 1) : StationRota.plausible("from", from);
		LocalDate end = to == null ? start.plusYears(1).minusDays(1) : StationRota.plausible("to", to);
		model.addAttribute("report", receptions.rota(id, start, end));
		return "duty/rota";
	}

	private void formChoices(Model model) {
		Actor user = Actor.current();
		model.addAttribute("regions", regions.all().stream().filter(r -> user.scope().covers(r.code()))
			.filter(r -> r.level() != Region.Level.VILLAGE).toList());
		model.addAttribute("stations", stations.all(new StationFilter(null, null, null, null, null, null), 500));
		model.addAttribute("deputies", deputies.all(new DeputyFilter(null, null, null, null, null, null, null), 500));
	}

	/** A {@code datetime-local} value, read in Asia/Shanghai. */
	static OffsetDateTime time(String value, String field) {
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
