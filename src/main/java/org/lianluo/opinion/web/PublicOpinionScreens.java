package org.lianluo.opinion.web;

import java.util.UUID;

import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OpinionIntake;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.opinion.Rating;
import org.lianluo.platform.Moment;
import org.lianluo.opinion.Submission;
import jakarta.servlet.http.HttpServletRequest;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.SubmissionGuard;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.platform.web.FormSubmissions;
import org.lianluo.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.annotation.Transactional;

/** The citizen's two pages: speak (我要反映) and follow by tracking code (查询进度), with the rating. */
@Controller
class PublicOpinionScreens {

	private final OpinionManagement opinions;

	private final PublicOpinionApi api;

	private final Regions regions;

	private final FormErrors formErrors;

	private final org.lianluo.station.Stations stations;

	private final SubmissionGuard guard;

	private final OpinionIntake intake;

	private final Rating rating;

	private final java.time.Clock clock;

	PublicOpinionScreens(OpinionManagement opinions, OpinionIntake intake, Rating rating, java.time.Clock clock,
			PublicOpinionApi api, Regions regions, FormErrors formErrors, org.lianluo.station.Stations stations,
			SubmissionGuard guard) {
		this.intake = intake;
		this.rating = rating;
		this.clock = clock;
		this.stations = stations;
		this.guard = guard;
		this.opinions = opinions;
		this.api = api;
		this.regions = regions;
		this.formErrors = formErrors;
	}

	@GetMapping("/opinions/new")
	String form(@RequestParam(required = false) UUID station, HttpServletRequest request, Model model) {
		model.addAttribute("station", station);
		model.addAttribute("challenge", guard.challengeFor(request.getRemoteAddr()));
		return form(model);
	}

	private void stationOf(UUID station, Model model) {
		stations.find(station).ifPresent(s -> {
			model.addAttribute("stationName", s.name());
			model.addAttribute("stationRegion", s.regionCode());
		});
	}

	private String form(Model model) {
		if (model.getAttribute("station") instanceof UUID station) {
			stationOf(station, model);
		}
		model.addAttribute("regions", regions.all().stream().filter(r -> r.level() != org.lianluo.region.Region.Level.CITY).toList());
		model.addAttribute("kinds", OpinionKind.values());
		model.addAttribute("categories", Category.values());
		return "opinion/public-new";
	}

	@PostMapping("/opinions/new")
	String submit(@RequestParam(defaultValue = "") String content, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) UUID station, @RequestParam(required = false) OpinionKind kind,
			@RequestParam(required = false) Category category, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(defaultValue = "false") boolean anonymous,
			@RequestParam(required = false) String challengeToken, @RequestParam(required = false) String challengeAnswer,
			HttpServletRequest request, Model model) {
		Submission s = new Submission(content, regionCode, station, kind, category, name, phone, anonymous,
				station == null ? Channel.PORTAL : Channel.STATION_QR, null, null);
		try {
			// the form's one-time token is the intake's key: sent twice (a double click), the first opinion answers,
			// before the second is counted against the sender's limits
			Moment at = Moment.live(clock);
			String token = FormSubmissions.token(request).orElse(null);
			Opinion o = token == null ? null : intake.replayed(token, s, at).orElse(null);
			if (o == null) {
				guard.admit(request.getRemoteAddr(), phone, true, challengeToken, challengeAnswer);
				o = IntakeRetry.submit(intake, s, token, at, command -> intake.fromCitizen(command, at));
			}
			model.addAttribute("code", o.getTrackingCode());
			model.addAttribute("ratingKey", opinions.ratingKey(o.getId()));
			model.addAttribute("kind", o.getKind());
			return "opinion/public-submitted";
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			model.addAttribute("submission", s);
			model.addAttribute("station", station);
			model.addAttribute("challenge", ex.fieldProblems().stream().anyMatch(f -> f.field().equals("challengeAnswer"))
					? guard.newChallenge() : guard.challengeFor(request.getRemoteAddr()));
			return form(model);
		}
	}

	/** Reached by the tracking code, or by the feedback SMS's link, which carries the rating key as {@code key}. */
	@Transactional(readOnly = true)
	@GetMapping("/track")
	String track(@RequestParam(required = false) String code, @RequestParam(required = false) String key, Model model) {
		if (code != null && !code.isBlank()) {
			opinions.byTrackingCode(code).ifPresentOrElse(o -> model.addAttribute("opinion", api.view(o)),
					() -> model.addAttribute("notFound", true));
		}
		model.addAttribute("code", code);
		model.addAttribute("ratingKey", key);
		model.addAttribute("grades", Grade.values());
		return "opinion/public-track";
	}

	@PostMapping("/track")
	String rate(@RequestParam String code, @RequestParam(required = false) String ratingKey,
			@RequestParam(required = false) Grade grade, @RequestParam(required = false) String comment, Model model) {
		try {
			rating.byCitizen(new Rating.ByCitizen(code, ratingKey, grade, comment), Moment.live(clock));
			model.addAttribute("rated", true);
			return track(code, null, model);
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			model.addAttribute("ratedGrade", grade);
			model.addAttribute("ratedComment", comment);
			return track(code, ratingKey, model);
		}
	}
}
