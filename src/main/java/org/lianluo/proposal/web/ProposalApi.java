package org.lianluo.proposal.web;

import java.time.Year;
import java.util.List;
import java.util.UUID;

import org.lianluo.platform.Page;
import org.lianluo.proposal.ContactMethod;
import org.lianluo.proposal.ProposalKpis;
import org.lianluo.proposal.ProposalManagement;
import org.lianluo.proposal.ProposalManagement.Assignment;
import org.lianluo.proposal.ProposalManagement.Draft;
import org.lianluo.proposal.ProposalQueries;
import org.lianluo.proposal.ProposalStatus;
import org.lianluo.proposal.ReplyClass;
import org.lianluo.proposal.UpwardProposals;
import org.lianluo.proposal.Verdict;
import org.lianluo.region.WorkingCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/proposals}: the proposal loop (API.md). Each step answers the proposal, 409 when its state forbids it. */
@RestController
@RequestMapping("/api/v1/proposals")
class ProposalApi {

	private final ProposalManagement proposals;

	private final ProposalQueries queries;

	private final ProposalViews views;

	private final UpwardProposals upward;

	private final ProposalKpis kpis;

	ProposalApi(ProposalManagement proposals, ProposalQueries queries, ProposalViews views, UpwardProposals upward,
			ProposalKpis kpis) {
		this.upward = upward;
		this.kpis = kpis;
		this.proposals = proposals;
		this.queries = queries;
		this.views = views;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProposalView draft(@RequestBody Draft body) {
		return views.of(proposals.draft(body));
	}

	@GetMapping
	Page<ProposalQueries.Row> list(@RequestParam(required = false) ProposalStatus status,
			@RequestParam(required = false) UUID session, @RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean keySupervised, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return queries.list(new ProposalQueries.Filter(status, session, region, keySupervised, q), page, size);
	}

	/** A draft from a citizen's opinion the deputy received (TO_PROPOSAL). */
	@PostMapping("/from-opinion")
	@ResponseStatus(HttpStatus.CREATED)
	ProposalView draftFromOpinion(@RequestBody FromOpinion body) {
		return views.of(proposals.draftFromOpinion(body.opinionId(), body.sessionId(), body.title()));
	}

	/** A delegation's proposal to a higher congress. */
	@PostMapping("/upward")
	@ResponseStatus(HttpStatus.CREATED)
	UpwardProposals.UpwardProposal recordUpward(@RequestBody UpwardProposals.Form body) {
		return upward.record(body);
	}

	@GetMapping("/upward")
	List<UpwardProposals.UpwardProposal> upward(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year) {
		return upward.list(region, year == null ? Year.now(WorkingCalendar.ZONE).getValue() : year);
	}

	/** The figures of a session's proposals, in total and by lead unit. */
	@GetMapping("/kpis")
	ProposalKpis.Report kpis(@RequestParam UUID session) {
		return kpis.report(session);
	}

	@GetMapping("/{id}")
	ProposalView get(@PathVariable UUID id) {
		return views.of(proposals.get(id));
	}

	@PostMapping("/{id}/submit")
	ProposalView submit(@PathVariable UUID id) {
		return views.of(proposals.submit(id));
	}

	@PostMapping("/{id}/withdraw")
	ProposalView withdraw(@PathVariable UUID id) {
		return views.of(proposals.withdraw(id));
	}

	@PostMapping("/{id}/cosign")
	ProposalView cosign(@PathVariable UUID id, @RequestBody Cosign body) {
		return views.of(proposals.answerCosign(id, body.confirm()));
	}

	@PostMapping("/{id}/register")
	ProposalView register(@PathVariable UUID id) {
		return views.of(proposals.register(id));
	}

	@PostMapping("/{id}/not-register")
	ProposalView refuseRegistration(@PathVariable UUID id, @RequestBody Reason body) {
		return views.of(proposals.refuseRegistration(id, body.reason()));
	}

	@PostMapping("/{id}/assign")
	ProposalView assign(@PathVariable UUID id, @RequestBody Assignment body) {
		return views.of(proposals.assign(id, body));
	}

	@PostMapping("/{id}/accept")
	ProposalView accept(@PathVariable UUID id) {
		return views.of(proposals.accept(id));
	}

	@PostMapping("/{id}/return")
	ProposalView returnForReassignment(@PathVariable UUID id, @RequestBody Reason body) {
		return views.of(proposals.returnForReassignment(id, body.reason()));
	}

	@PostMapping("/{id}/contact")
	ProposalView contact(@PathVariable UUID id, @RequestBody Contact body) {
		return views.of(proposals.recordContact(id, body.method(), body.note()));
	}

	@PostMapping("/{id}/extension")
	ProposalView requestExtension(@PathVariable UUID id, @RequestBody Extension body) {
		return views.of(proposals.requestExtension(id, body.months(), body.reason()));
	}

	@PostMapping("/{id}/extension/decision")
	ProposalView decideExtension(@PathVariable UUID id, @RequestBody Decision body) {
		return views.of(proposals.decideExtension(id, body.approve(), body.note()));
	}

	@PostMapping("/{id}/reply")
	ProposalView reply(@PathVariable UUID id, @RequestBody Reply body) {
		return views.of(proposals.reply(id, body.replyClass(), body.text(), body.confirmedWithoutContact()));
	}

	@PostMapping("/{id}/evaluate")
	ProposalView evaluate(@PathVariable UUID id, @RequestBody Evaluation body) {
		return views.of(proposals.evaluate(id, body.grade(), body.comment()));
	}

	@PostMapping("/{id}/key-supervision")
	ProposalView keySupervision(@PathVariable UUID id, @RequestBody KeySupervision body) {
		return views.of(proposals.putUnderKeySupervision(id, body.topic()));
	}

	record FromOpinion(UUID opinionId, UUID sessionId, String title) {
	}

	record Cosign(Boolean confirm) {
	}

	record Reason(String reason) {
	}

	record Contact(ContactMethod method, String note) {
	}

	record Extension(Integer months, String reason) {
	}

	record Decision(Boolean approve, String note) {
	}

	record Reply(ReplyClass replyClass, String text, Boolean confirmedWithoutContact) {
	}

	record Evaluation(Verdict grade, String comment) {
	}

	record KeySupervision(String topic) {
	}
}
