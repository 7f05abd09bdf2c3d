package org.lianluo.opinion.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionIntake;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.platform.Moment;
import org.lianluo.opinion.Submission;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.station.Station;
import org.lianluo.station.StationFilter;
import org.lianluo.station.Stations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.lianluo.platform.web.FormSubmissions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff register what a voter said on the voter's behalf: at a station reception, on a deputy's visit,
 * at a public meeting or from a letter, with the deputies who received it.
 */
@Controller
@RequestMapping("/opinions/register")
@PreAuthorize("hasAnyRole('STATION_ADMIN', 'DEPUTY', 'ASSESSOR')")
class IntakeScreens {

	private final OpinionManagement opinions;

	private final Stations stations;

	private final FormErrors formErrors;

	private final OpinionIntake intake;

	private final java.time.Clock clock;

	IntakeScreens(OpinionManagement opinions, OpinionIntake intake, java.time.Clock clock, Stations stations,
			FormErrors formErrors) {
		this.intake = intake;
		this.clock = clock;
		this.opinions = opinions;
		this.stations = stations;
		this.formErrors = formErrors;
	}

	@GetMapping
	String form(@RequestParam(required = false) UUID station, Model model) {
		model.addAttribute("stations", stations.all(new StationFilter(null, null, null, null, Station.Status.ACTIVE, null), 2000));
		model.addAttribute("station", station == null ? null : stations.get(station));
		model.addAttribute("channels", List.of(Channel.STATION_RECEPTION, Channel.DEPUTY_VISIT, Channel.PUBLIC_MEETING,
				Channel.LETTER));
		model.addAttribute("kinds", OpinionKind.values());
		model.addAttribute("categories", Category.values());
		return "opinion/register";
	}

	@PostMapping
	String register(@RequestParam UUID station, @RequestParam(defaultValue = "") String content,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) OpinionKind kind,
			@RequestParam(required = false) Category category, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) LocalDateTime receivedAt,
			@RequestParam(required = false) List<UUID> deputyIds, HttpServletRequest request, Model model) {
		Station s = stations.get(station);
		Instant received = receivedAt == null ? null : receivedAt.atZone(WorkingCalendar.ZONE).toInstant();
		Submission submission = new Submission(content, s.regionCode(), station, kind, category, name, phone,
				name == null || name.isBlank(), channel, received, deputyIds == null ? List.of() : deputyIds);
		try {
			// the form's one-time token is the intake's key: sent twice (a double click), one opinion, one receipt
			Moment at = Moment.live(clock);
			Actor actor = Actor.current();
			Opinion o = IntakeRetry.submit(intake, submission, FormSubmissions.token(request).orElse(null), at,
					command -> intake.fromStaff(command, actor, at));
			// The receipt printed for the citizen, answered to this request only: its rating key is shown nowhere else.
			model.addAttribute("station", s);
			model.addAttribute("id", o.getId());
			model.addAttribute("code", o.getTrackingCode());
			model.addAttribute("ratingKey", opinions.ratingKey(o.getId()));
			model.addAttribute("receivedAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.withZone(WorkingCalendar.ZONE).format(o.getReceivedAt()));
			return "opinion/receipt";
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			model.addAttribute("submission", submission);
			return form(station, model);
		}
	}
}
