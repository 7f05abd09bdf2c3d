package org.lianluo.proposal.web;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.UUID;

import org.lianluo.deputy.Level;
import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.proposal.UpwardProposals;
import org.lianluo.proposal.UpwardStatus;
import org.lianluo.region.WorkingCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 向上级人大提出的建议 on screens: the year's list of the region's delegations' proposals with their target session,
 * external number and status there; the form that records one; and the status as the office learns it.
 */
@Controller
@RequestMapping("/proposals/upward")
@PreAuthorize("hasAnyRole('ASSESSOR', 'LEADER')")
class UpwardProposalScreens {

	private final UpwardProposals upward;

	private final FormErrors formErrors;

	UpwardProposalScreens(UpwardProposals upward, FormErrors formErrors) {
		this.upward = upward;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? Year.now(WorkingCalendar.ZONE).getValue() : year;
		model.addAttribute("year", y);
		model.addAttribute("rows", upward.list(null, y));
		model.addAttribute("statuses", UpwardStatus.values());
		model.addAttribute("levels", List.of(Level.NATIONAL, Level.PROVINCIAL, Level.CITY, Level.COUNTY));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new UpwardProposals.Form(null, Actor.current().regionCode(), Level.PROVINCIAL, null,
					LocalDate.now(WorkingCalendar.ZONE), null, null, null, null));
		}
		return "proposal/upward";
	}

	@PostMapping
	@PreAuthorize("hasRole('ASSESSOR')")
	String record(@RequestParam(required = false) String delegation, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Level targetLevel, @RequestParam(required = false) String targetCongress,
			@RequestParam(required = false) Integer targetTerm, @RequestParam(required = false) Integer targetSession,
			@RequestParam(required = false) String title, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedOn,
			@RequestParam(required = false) String externalNumber, RedirectAttributes flash) {
		UpwardProposals.Form form = new UpwardProposals.Form(delegation, regionCode, targetLevel, title, submittedOn,
				externalNumber, targetCongress, targetTerm, targetSession);
		try {
			UpwardProposals.UpwardProposal u = upward.record(form);
			flash.addFlashAttribute("done", true);
			return "redirect:/proposals/upward?year=" + u.submittedOn().getYear();
		}
		catch (LianluoException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			flash.addFlashAttribute("errors", formErrors.of(ex));
			flash.addFlashAttribute("form", form);
			return "redirect:/proposals/upward";
		}
	}

	@PostMapping("/{id}/status")
	@PreAuthorize("hasRole('ASSESSOR')")
	String status(@PathVariable UUID id, @RequestParam(required = false) UpwardStatus status,
			@RequestParam(required = false) String externalNumber, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		int year = upward.get(id).submittedOn().getYear();
		return formErrors.act("/proposals/upward?year=" + year, flash,
				() -> upward.recordStatus(id, new UpwardProposals.StatusForm(status, externalNumber, note)));
	}
}
