package org.lianluo.proposal.web;

import java.time.Clock;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.proposal.ProposalAssignmentSheets;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The screen of the bulk assignment from the sheet of the session's 交办会. */
@Controller
@RequestMapping("/proposals/assignments")
class ProposalSheetScreens {

	private final ProposalAssignmentSheets sheets;

	private final ProposalViews views;

	private final FormErrors formErrors;

	private final Clock clock;

	ProposalSheetScreens(ProposalAssignmentSheets sheets, ProposalViews views, FormErrors formErrors, Clock clock) {
		this.sheets = sheets;
		this.views = views;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping
	String assignmentsForm(@RequestParam(required = false) UUID session, Model model) {
		model.addAttribute("sessions", views.sessionChoices());
		model.addAttribute("sessionId", session);
		return "proposal/assignments";
	}

	@PostMapping
	String assignFromSheet(@RequestParam(required = false) UUID sessionId,
			@RequestParam(required = false) MultipartFile file, Model model) throws java.io.IOException {
		model.addAttribute("sessions", views.sessionChoices());
		model.addAttribute("sessionId", sessionId);
		try {
			model.addAttribute("report", sheets.assign(sessionId, file == null || file.isEmpty() ? null : file.getBytes(),
					Actor.current(), Moment.live(clock)));
		}
		catch (LianluoException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			model.addAttribute("errors", formErrors.of(ex));
		}
		return "proposal/assignments";
	}

	@GetMapping("/template")
	ResponseEntity<byte[]> assignmentTemplate() {
		return org.lianluo.platform.web.Downloads.xlsx("assignments-template.xlsx", sheets.template());
	}
}
